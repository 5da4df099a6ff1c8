package echolab.observe;

/**
 * What an observed thread is blocked in, in the lab's words, read from the kernel's per-thread
 * files ({@code /proc/PID/task/TID/syscall} and {@code wchan}) where the system has them.
 */
public enum WaitKind {
    /** On a CPU, or ready to run. */
    RUNNING("running"),
    /** Blocked in {@code accept}: waiting for the next client. */
    ACCEPT("accept()"),
    /** Blocked in {@code read}/{@code recv} on a connection: waiting for the client's next bytes. */
    READ("read()"),
    /** Blocked in {@code write}/{@code send}: the client does not read fast enough. */
    WRITE("write()"),
    /** Blocked on a futex: a mutex, a semaphore or a condition variable. */
    FUTEX("lock / semaphore"),
    /** Blocked in {@code select}, {@code poll} or {@code epoll_wait}: an event loop waiting for ready connections. */
    POLL("select / poll"),
    /** Asleep ({@code nanosleep}, {@code usleep}, {@code pause}). */
    SLEEP("sleep"),
    /** Blocked in {@code wait}/{@code waitpid} for a child. */
    WAIT_CHILD("waitpid()"),
    /** Blocked in something else the lab has no word for. */
    OTHER("other"),
    /** This system does not say what its threads wait in. */
    UNKNOWN("not available on this system");

    private final String words;

    WaitKind(String words) {
        this.words = words;
    }

    /** How the window and the report say it. */
    public String words() {
        return words;
    }
}
