package echolab.ui.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import echolab.bench.Bench;
import echolab.bench.Progress;
import echolab.bench.Workload;
import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.compare.CompareReading.Paragraph;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The Compare tab's state and commands: the workload chosen, the comparison running, the last
 * {@value #KEPT} comparisons and their reading. It alone calls the {@link Bench}, on one
 * background thread that {@link BenchJob} runs; the tab binds to its properties and knows no bench.
 *
 * <p>The defaults are small on purpose: 20 clients × 100 lines of 64 bytes, no delay, one run per
 * mode measures the five modes of Java 17 in about three seconds, short enough for a class.
 *
 * <p>Threading: FX thread; every command returns at once except {@link #close}, which waits for
 * the bench to let go of its servers.
 */
public final class CompareViewModel {

    /** Comparisons kept side by side; the oldest drops off. */
    public static final int KEPT = 3;

    static final int DEFAULT_CLIENTS = 20;
    static final int DEFAULT_LINES = 100;
    /** Bytes per line, newline included, as the bench's default. */
    static final int BYTES = 64;
    /** Workers of the pool mode, as the bench's default. */
    static final int POOL_SIZE = Workload.defaults().poolSize();

    /** Step of the progress told while the first comparison warms up. */
    static final String WARMING_UP = "warming up";

    /** Whether a comparison has run in this JVM: the first warms the code up before it measures. */
    private static final AtomicBoolean WARM = new AtomicBoolean();

    // Settings
    private final Map<Mode, BooleanProperty> modes = new EnumMap<>(Mode.class);
    private final IntegerProperty clients = new SimpleIntegerProperty(DEFAULT_CLIENTS);
    private final IntegerProperty lines = new SimpleIntegerProperty(DEFAULT_LINES);
    private final IntegerProperty delayMillis = new SimpleIntegerProperty(0);
    private final ObjectProperty<Protection> protection = new SimpleObjectProperty<>(Protection.NONE);
    private final BooleanProperty churn = new SimpleBooleanProperty();
    private final IntegerProperty repeat = new SimpleIntegerProperty(1);

    // State
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper();
    private final ObservableList<CompareRun> runs = FXCollections.observableArrayList();
    private final ObservableList<CompareRun> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyObjectWrapper<List<Paragraph>> reading = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanBinding canRun;

    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> showProgress()));
    private BenchJob job;
    private Workload runningWorkload;
    private Progress lastProgress;
    private long startedNanos;
    private int numbered;
    private boolean closed;

    public CompareViewModel() {
        List<Observable> chosen = new ArrayList<>();
        for (Mode m : Mode.values()) {
            BooleanProperty on = new SimpleBooleanProperty(m.unavailableReason().isEmpty());
            modes.put(m, on);
            chosen.add(on);
        }
        canRun = Bindings.createBooleanBinding(() -> !running.get() && !chosenModes().isEmpty(),
                append(chosen, running));
        plan.bind(Bindings.createStringBinding(this::planText,
                append(chosen, clients, lines, delayMillis, protection, churn, repeat)));
        status.set("Not run yet. Pick modes and a workload, then Run.");
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    // Commands

    /** Starts a comparison of the chosen modes on the chosen workload, unless one is running. */
    public void run() {
        if (!canRun.get() || closed) {
            return;
        }
        Workload w = workload();
        runningWorkload = w;
        lastProgress = null;
        startedNanos = System.nanoTime();
        progress.set(0);
        running.set(true);
        job = new BenchJob((progress, cancelled) -> measure(w, progress, cancelled), this::progressed, this::ended);
        showProgress();
        ticker.play();
        job.start();
    }

    /** Asks the running comparison to stop; the modes finished by then are kept. */
    public void cancel() {
        if (job != null) {
            job.cancel();
            status.set("Cancelling…");
        }
    }

    /** Writes the runs shown as CSV (see {@link CompareCsv}) to {@code file}. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }

    /**
     * Stops a running comparison and waits (a few seconds at most) until its servers, clients and
     * child processes are gone; for the window's close. Nothing reaches the tab afterwards.
     */
    public void close() {
        closed = true;
        ticker.stop();
        if (job != null) {
            job.close();
            job = null;
        }
        running.set(false);
    }

    // Queries

    /** The workload the settings describe now. */
    public Workload workload() {
        return new Workload(chosenModes(), clients.get(), lines.get(), BYTES, delayMillis.get(), protection.get(),
                churn.get(), repeat.get(), false, POOL_SIZE);
    }

    public List<Mode> chosenModes() {
        List<Mode> out = new ArrayList<>();
        modes.forEach((m, on) -> {
            if (on.get() && m.unavailableReason().isEmpty()) {
                out.add(m);
            }
        });
        return out;
    }

    /** The runs shown as CSV: one table, a row per run and mode. */
    public String csv() {
        return CompareCsv.of(runs);
    }

    /** The reading as plain text, a paragraph a line. */
    public String readingText() {
        StringBuilder out = new StringBuilder();
        reading.get().forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    // Properties

    public BooleanProperty modeProperty(Mode mode) {
        return modes.get(mode);
    }

    public IntegerProperty clientsProperty() {
        return clients;
    }

    public IntegerProperty linesProperty() {
        return lines;
    }

    public IntegerProperty delayMillisProperty() {
        return delayMillis;
    }

    public ObjectProperty<Protection> protectionProperty() {
        return protection;
    }

    public BooleanProperty churnProperty() {
        return churn;
    }

    public IntegerProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether Run would start a comparison now: none running, at least one mode chosen. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Runs of the comparison done, 0 to 1; it moves when a mode's run begins. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: what is being measured and for how long, or how the last comparison ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What Run will do with the settings as they are, and about how long it will take. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The last comparisons, oldest first, {@value #KEPT} at most. */
    public ObservableList<CompareRun> runs() {
        return runsView;
    }

    /** What the newest comparison shows, in words; empty before the first. */
    public ReadOnlyObjectProperty<List<Paragraph>> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    // On the bench's thread

    /**
     * The comparison itself, on the job's thread. The first in this JVM is preceded by a short
     * unmeasured bench of the same thread modes: without it the first mode measured runs the load
     * client's and the server's code interpreted and looks slower than it is, and a student compares
     * that with a warm second run. Child JVMs start cold whatever the parent does, so processes are
     * left out of the warm-up.
     */
    private static Bench.Report measure(Workload w, Consumer<Progress> progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        if (!WARM.getAndSet(true)) {
            progress.accept(new Progress(0, 1, "", 0, WARMING_UP));
            List<Mode> modes = new ArrayList<>(w.modes());
            modes.remove(Mode.PROCESSES);
            if (modes.isEmpty()) {
                modes.add(Mode.THREADS);
            }
            Bench.run(new Workload(modes, 5, 300, w.bytes(), 0, w.protection(), false, 1, false, w.poolSize()),
                    p -> { }, cancelled);
        }
        return Bench.run(w, progress, cancelled);
    }

    // From the bench's thread, handed over to the FX thread

    private void progressed(Progress p) {
        if (closed || job == null) {
            return;
        }
        lastProgress = p;
        progress.set(WARMING_UP.equals(p.step()) ? 0 : p.fraction());
        showProgress();
    }

    private void ended(BenchJob.Outcome outcome) {
        if (closed) {
            return;
        }
        ticker.stop();
        job = null;
        running.set(false);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (outcome.failure() != null && !outcome.cancelled()) {
            progress.set(0);
            status.set("The comparison failed: " + outcome.failure().getMessage());
            return;
        }
        Bench.Report report = outcome.report();
        if (report == null || CompareCharts.modes(List.of(new CompareRun(0, report, true))).isEmpty()) {
            progress.set(0);
            status.set("Cancelled before any mode was measured; the charts are as they were.");
            return;
        }
        progress.set(1);
        CompareRun run = add(report, outcome.cancelled());
        long measured = report.modes().stream().filter(m -> m.skipped() == null).count();
        status.set(String.format(Locale.ROOT, "%s %d in %.1f s: %d mode%s, %s.",
                outcome.cancelled() ? "Cancelled run" : "Run", run.number(), seconds, measured,
                measured == 1 ? "" : "s", CompareRun.name(report.workload())));
    }

    /**
     * Shows a comparison made elsewhere (a lesson's compare run) as the newest run, with the
     * charts and the reading, as if it had been run here. FX thread.
     */
    public void show(Bench.Report report, String madeBy) {
        if (closed || report == null || CompareCharts.modes(List.of(new CompareRun(0, report, true))).isEmpty()) {
            return;
        }
        CompareRun run = add(report, false);
        status.set(String.format(Locale.ROOT, "Run %d, made by %s in %.1f s: %s.", run.number(), madeBy,
                report.seconds(), CompareRun.name(report.workload())));
    }

    private CompareRun add(Bench.Report report, boolean cancelled) {
        CompareRun run = new CompareRun(++numbered, report, cancelled);
        List<CompareRun> kept = new ArrayList<>(runs);
        kept.add(run);
        while (kept.size() > KEPT) {
            kept.remove(0);
        }
        reading.set(CompareReading.of(kept));
        runs.setAll(kept); // after the reading: a listener that draws the runs finds it ready
        return run;
    }

    private void showProgress() {
        if (job == null) {
            return;
        }
        if (status.get().startsWith("Cancelling")) {
            return;
        }
        Workload w = runningWorkload;
        int total = w.modes().size() * w.repeat();
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        if (lastProgress != null && WARMING_UP.equals(lastProgress.step())) {
            status.set(String.format(Locale.ROOT, "Warming up, first comparison only: a short run, not measured · %d s",
                    (System.nanoTime() - startedNanos) / 1_000_000_000L));
            return;
        }
        String what = lastProgress == null || lastProgress.mode().isEmpty()
                ? "Starting"
                : String.format(Locale.ROOT, "Measuring %s%s", ModeNames.of(Mode.parse(lastProgress.mode())),
                w.repeat() > 1 ? String.format(Locale.ROOT, ", run %d of %d", lastProgress.run(), w.repeat()) : "");
        int done = lastProgress == null ? 0 : lastProgress.done();
        status.set(String.format(Locale.ROOT, "%s · %d of %d done · %d s", what, done, total, seconds));
    }

    /** What Run will do: the workload in words and a rough length, with a warning where it will be long. */
    private String planText() {
        List<Mode> chosen = chosenModes();
        if (chosen.isEmpty()) {
            return "Tick at least one mode.";
        }
        int c = clients.get();
        int l = lines.get();
        long d = delayMillis.get();
        String work = churn.get()
                ? String.format(Locale.ROOT, "%d clients at once, each opening %d connections of one line", c, l)
                : String.format(Locale.ROOT, "%d clients × %d lines of %d bytes", c, l, BYTES);
        double seconds = 0;
        double iterative = 0;
        for (Mode m : chosen) {
            double floor = switch (m) { // the service delay alone, before any other cost
                case ITERATIVE -> (double) c * l * d;
                case POOL -> Math.ceil((double) c / POOL_SIZE) * l * d;
                default -> (double) l * d;
            } / 1000;
            if (m == Mode.ITERATIVE) {
                iterative = floor;
            }
            seconds += floor + 0.4 + (m == Mode.PROCESSES ? 0.6 + c * 0.04 : 0);
        }
        seconds *= repeat.get();
        String length = seconds < 8 ? "a few seconds" : String.format(Locale.ROOT, "at least %.0f s", seconds);
        String text = String.format(Locale.ROOT, "Each mode in turn serves %s, on real sockets in this app; %d mode%s,"
                        + " %d run%s each: %s.", work, chosen.size(), chosen.size() == 1 ? "" : "s", repeat.get(),
                repeat.get() == 1 ? "" : "s", length);
        if (iterative > 60) {
            text += String.format(Locale.ROOT, " Iterative would need %.0f s; the bench stops a run at 60 s and"
                    + " counts the rest as unfinished.", iterative);
        } else if (iterative >= 8) {
            text += String.format(Locale.ROOT, " Iterative alone needs %.0f s: it serves one client after another.",
                    iterative);
        }
        return text;
    }

    private static Observable[] append(List<Observable> list, Observable... more) {
        List<Observable> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all.toArray(new Observable[0]);
    }
}
