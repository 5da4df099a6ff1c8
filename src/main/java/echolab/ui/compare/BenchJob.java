package echolab.ui.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import echolab.bench.Bench;
import echolab.bench.Progress;
import echolab.bench.Workload;
import echolab.engine.Mode;
import javafx.application.Platform;

/**
 * One comparison running on its own thread, {@value #THREAD_NAME}: the bench measures every mode
 * there, never on the FX thread. Progress reaches the FX thread coalesced (at most one hand-off
 * queued at a time), the report or the failure once at the end.
 *
 * <p>Threading: {@link #start}, {@link #cancel} and {@link #close} from the FX thread; the
 * callbacks run on the FX thread.
 */
final class BenchJob implements AutoCloseable {

    static final String THREAD_NAME = "echolab-compare";

    /** How the job ended: its report (with the modes done so far if cancelled), or what went wrong. */
    record Outcome(Bench.Report report, boolean cancelled, Exception failure) {}

    /** Step of the progress told while the first comparison warms up. */
    static final String WARMING_UP = "warming up";

    /** Whether a comparison has run in this JVM: the first warms the code up before it measures. */
    private static final AtomicBoolean WARM = new AtomicBoolean();

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Thread thread;

    BenchJob(Workload workload, Consumer<Progress> onProgress, Consumer<Outcome> onEnd) {
        FxHandOff<Progress> progress = new FxHandOff<>(onProgress);
        this.thread = new Thread(() -> {
            BackgroundPriority.lower(); // the window first: it needs little, but promptly
            Outcome outcome;
            try {
                if (!WARM.getAndSet(true)) {
                    progress.offer(new Progress(0, 1, "", 0, WARMING_UP));
                    Bench.run(warmUp(workload), p -> { }, cancelled::get);
                }
                Bench.Report report = Bench.run(workload, progress::offer, cancelled::get);
                outcome = new Outcome(report, cancelled.get(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Outcome(null, true, e);
            } catch (IOException | RuntimeException e) {
                outcome = new Outcome(null, cancelled.get(), e);
            }
            Outcome end = outcome;
            Platform.runLater(() -> onEnd.accept(end));
        }, THREAD_NAME);
    }

    /**
     * A short unmeasured bench of the thread modes chosen: without it the first mode of the first
     * comparison runs interpreted code, the load client's and the server's, and looks slower than
     * it is, and a student compares that with a warm second run. Child JVMs start cold each time
     * whatever the parent does, so processes are left out.
     */
    private static Workload warmUp(Workload w) {
        List<Mode> modes = new ArrayList<>(w.modes());
        modes.remove(Mode.PROCESSES);
        if (modes.isEmpty()) {
            modes.add(Mode.THREADS);
        }
        return new Workload(modes, 5, 300, w.bytes(), 0, w.protection(), false, 1, false, w.poolSize());
    }

    void start() {
        thread.start();
    }

    /** Asks the bench to stop: it does within a tenth of a second, dropping the run under way. */
    void cancel() {
        cancelled.set(true);
    }

    /**
     * Cancels and waits until the bench has closed its servers, clients and children (a fraction of
     * a second, a few seconds while child processes are reaped), at most {@code seconds}.
     */
    void close(long seconds) {
        cancel();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(20);
    }
}
