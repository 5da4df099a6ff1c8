package echolab.testing;

import java.util.concurrent.Callable;
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

    /** Runs {@code read} on the FX thread and returns its answer (at most 5 s). */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the FX thread failed", e);
        }
    }

    /**
     * Waits up to {@code seconds} for {@code condition}, evaluated on the FX thread. Not in time,
     * it fails, with what the window showed when the test's window says how to tell.
     */
    public static void waitFor(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            Supplier<String> describe = shown;
            throw new AssertionError("not within " + seconds + " s"
                    + (describe == null ? "" : "; shown: " + onFx(describe::get)), e);
        }
    }

    static void describeWith(Supplier<String> describe) {
        shown = describe;
    }
}
