package echolab.sync;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits a short time between a read and the write that depends on it: the window in which another
 * worker can slip in. Very short windows spin, as a sleep could not be that short; longer ones
 * sleep, which widens the window just the same and leaves the processor to the other threads (a
 * busy server spinning through every window would starve everything else on the machine).
 */
public final class RaceWindow {

    /** Below this a sleep would overshoot by more than the wait itself, so the thread spins. */
    private static final long SPIN_LIMIT_NANOS = 20_000;

    private RaceWindow() {
    }

    /**
     * Waits at least about {@code nanos} (a sleep may last some tens of microseconds longer);
     * returns early, keeping the flag, if the thread is interrupted.
     */
    public static void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + nanos;
        if (nanos < SPIN_LIMIT_NANOS) {
            while (System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
            return;
        }
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
