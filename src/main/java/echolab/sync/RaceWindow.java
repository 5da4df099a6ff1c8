package echolab.sync;

import java.util.concurrent.locks.LockSupport;

/** Waits a short, precise time between a read and the write that depends on it. */
public final class RaceWindow {

    /** Below this a sleep would overshoot by more than the wait itself, so the thread spins. */
    private static final long SPIN_LIMIT_NANOS = 200_000;

    private RaceWindow() {
    }

    /** Waits about {@code nanos}; returns early, keeping the flag, if the thread is interrupted. */
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
