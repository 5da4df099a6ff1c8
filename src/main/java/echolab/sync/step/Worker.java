package echolab.sync.step;

/** One of the two workers of the step-through race; each is a real thread named {@link #threadName()}. */
public enum Worker {
    A, B;

    /** The name of this worker's thread: {@code echolab-step-A} or {@code echolab-step-B}. */
    public String threadName() {
        return "echolab-step-" + name();
    }

    public Worker other() {
        return this == A ? B : A;
    }
}
