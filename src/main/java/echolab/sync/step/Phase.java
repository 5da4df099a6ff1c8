package echolab.sync.step;

/** Where a worker stands in its one increment: what it has done so far. */
public enum Phase {
    /** Waits at its gate; its next step is the read. */
    READY,
    /** Has copied the counter into its local; its next step is the add. */
    READ,
    /** Has added 1 to its local; its next step is the write. */
    ADDED,
    /** Has written its local back into the counter; it has nothing left to do. */
    DONE,
    /** Was stepped to read, but the other worker holds the lock: it waits inside {@code lock()}. */
    BLOCKED;

    /** The step a click on this worker makes it take next, or null when it cannot take one. */
    public Action next() {
        return switch (this) {
            case READY -> Action.READ;
            case READ -> Action.ADD;
            case ADDED -> Action.WRITE;
            case DONE, BLOCKED -> null;
        };
    }

    /** Whether the worker's local variable holds a value yet (it gets one with the read). */
    public boolean hasLocal() {
        return this == READ || this == ADDED || this == DONE;
    }
}
