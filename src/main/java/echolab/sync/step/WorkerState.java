package echolab.sync.step;

/**
 * One worker as it stands: its phase, its local variable (meaningful once {@link Phase#hasLocal()}),
 * and whether it holds the lock.
 */
public record WorkerState(Worker worker, Phase phase, long local, boolean holdsLock) {

    /** Whether a click on this worker would make it take a step now. */
    public boolean canStep() {
        return phase.next() != null;
    }
}
