package echolab.ui.compare;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import echolab.base.LabThreads;
import echolab.bench.Bench;
import echolab.bench.Progress;
import echolab.ui.fx.FxHandOff;
import javafx.application.Platform;

/**
 * Runs one comparison on its own thread, {@value #THREAD_NAME}, never on the FX thread: what to
 * run is the view model's {@link Task}. Progress reaches the FX thread coalesced (at most one
 * hand-off queued at a time, see {@link FxHandOff}), the outcome once, after the last progress.
 *
 * <p>Threading: {@link #start}, {@link #cancel} and {@link #close} from the FX thread; the
 * callbacks run on the FX thread; the task runs on the job's thread, at a lower priority than the
 * window ({@link echolab.base.Background#lowerThisThread()}: the servers, their workers and the
 * child processes of the comparison inherit it).
 */
final class BenchJob implements AutoCloseable {

    static final String THREAD_NAME = "echolab-compare";

    /** The comparison to run: told progress as it goes, asked whether it was cancelled. */
    interface Task {
        Bench.Report run(Consumer<Progress> progress, BooleanSupplier cancelled) throws IOException, InterruptedException;
    }

    /** How the job ended: its report (with the modes done so far if cancelled), or what went wrong. */
    record Outcome(Bench.Report report, boolean cancelled, Exception failure) {}

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Thread thread;

    BenchJob(Task task, Consumer<Progress> onProgress, Consumer<Outcome> onEnd) {
        FxHandOff<Progress> progress = new FxHandOff<>(onProgress);
        this.thread = LabThreads.user(THREAD_NAME, () -> {
            echolab.base.Background.lowerThisThread(); // the window first: it needs little, but promptly
            Outcome outcome;
            try {
                outcome = new Outcome(task.run(progress::offer, cancelled::get), cancelled.get(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Outcome(null, true, e);
            } catch (IOException | RuntimeException e) {
                outcome = new Outcome(null, cancelled.get(), e);
            }
            Outcome end = outcome;
            Platform.runLater(() -> onEnd.accept(end)); // queued after every progress hand-off: FIFO
        });
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
