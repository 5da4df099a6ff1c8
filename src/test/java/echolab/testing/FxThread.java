package echolab.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Reading and waiting on the JavaFX application thread, where nodes and view models live: the
 * tests' one {@code waitFor}.
 */
public final class FxThread {

    /** What the window shows, for a failed wait to say (set by {@link FxWindow#describedBy}); null: nothing more. */
    private static volatile Supplier<String> shown;

    private FxThread() {
    }

    /**
     * Runs {@code read} on the FX thread and returns its answer. The FX thread may answer late on a
     * loaded machine (test JVMs run side by side): it gets 30 s, which only a hung thread exceeds.
     */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the FX thread failed", e);
        }
    }

    /**
     * Waits up to {@code seconds} for {@code condition}, evaluated on the FX thread every 10 ms. Not
     * in time, it fails, with what the window showed when the test's window says how to tell. An FX
     * thread slow to answer (a loaded machine) only delays the next look: the deadline is the
     * whole wait's. A condition that throws fails the wait at once.
     */
    public static void waitFor(long seconds, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                if (Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(Math.max(left, 1), TimeUnit.NANOSECONDS))) {
                    return;
                }
            } catch (TimeoutException e) {
                // the FX thread did not answer in the time left: the deadline below says so
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting on the FX thread: the condition failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting on the FX thread", e);
            }
            if (System.nanoTime() - deadline >= 0) {
                Supplier<String> describe = shown;
                throw new AssertionError("not within " + seconds + " s"
                        + (describe == null ? "" : "; shown: " + onFx(describe::get)));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting on the FX thread", e);
            }
        }
    }

    static void describeWith(Supplier<String> describe) {
        shown = describe;
    }
}
