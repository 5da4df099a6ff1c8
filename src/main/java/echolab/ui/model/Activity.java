package echolab.ui.model;

/**
 * What a worker or a client is doing, as drawn: one colour per state, the same in the diagram, the
 * timeline and the legend. The colour itself lives in the stylesheet, under {@link #styleClass()}.
 */
public enum Activity {
    // workers
    IDLE("idle", "idle"),
    ACCEPTING("accepting", "waiting in accept()"),
    STARTING("starting", "process starting"),
    READING("reading", "waiting for the client's next line"),
    SERVICE_WAIT("service-wait", "waiting the service delay"),
    LOCK_WAIT("lock-wait", "waiting for the lock"),
    COUNTER("counter", "read-modify-write of the counter"),
    ECHOING("echoing", "writing the echo"),
    HOLDING("holding", "holding a lock"),
    SEMAPHORE_WAIT("semaphore-wait", "blocked on the semaphore"),
    BACKOFF("backoff", "backing off before trying again"),
    DEADLOCKED("deadlocked", "deadlocked: waits for a worker that waits for it"),
    /** A thread of a student's server on a CPU: seen from outside, never said by the embedded server. */
    RUNNING("running", "running on a CPU (your server's threads)"),
    // clients
    CONNECTING("connecting", "calling connect()"),
    BACKLOG("backlog", "in the backlog: connect and write returned, read blocked"),
    QUEUED("queued", "waiting for a worker"),
    SERVED("served", "being served"),
    ORPHANED("orphaned", "orphaned: accepted, but no worker will ever serve it"),
    CLOSED("closed", "closed");

    private final String styleClass;
    private final String description;

    Activity(String styleClass, String description) {
        this.styleClass = styleClass;
        this.description = description;
    }

    /** The CSS class that carries this state's colour: {@code state-} plus this. */
    public String styleClass() {
        return "state-" + styleClass;
    }

    public String description() {
        return description;
    }

    /** States a worker lane can be in, for the legend. */
    public static Activity[] workerStates() {
        return new Activity[] {IDLE, ACCEPTING, STARTING, READING, SERVICE_WAIT, LOCK_WAIT, COUNTER, ECHOING,
            HOLDING, SEMAPHORE_WAIT, BACKOFF, DEADLOCKED, RUNNING};
    }

    /** States a client can be in, for the legend. */
    public static Activity[] clientStates() {
        return new Activity[] {CONNECTING, BACKLOG, QUEUED, SERVED, ORPHANED, CLOSED};
    }
}
