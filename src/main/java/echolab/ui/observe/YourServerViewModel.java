package echolab.ui.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import echolab.base.LabThreads;
import echolab.clients.Behaviour;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.SignalNames;
import echolab.observe.check.Status;
import echolab.ui.fx.FxHandOff;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Your server" tab's state and commands: the command to run and where, the framing, the
 * student's server running or not, its tree as folded from the bus ({@link ObservedTreeModel}),
 * the tab's clients, and the last check's verdicts. It knows no control.
 *
 * <p>Starting, stopping, probing the framing, starting clients and checking block, so they run one
 * after another on one background thread, {@value #THREAD_NAME}; each result comes back to the FX
 * thread once, with {@code Platform.runLater}. The tree is folded by {@link #fold()}, which the
 * window's one pump folds with the events of its one subscription, on its play clock: pausing the
 * window pauses the tree too, and the window's time machine takes it back with the other folds.
 *
 * <p>Threading: FX thread; every command returns at once except {@link #close}, which waits until
 * the program, its sampler and its clients are gone.
 */
public final class YourServerViewModel {

    static final String THREAD_NAME = "echolab-your-server";
    /** How long a program may take to listen before Start gives up on it. */
    static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    /** How long the window's close waits for a check or a start under way to let go. */
    static final long CLOSE_WAIT_SECONDS = 40;
    /** How often, at most, the frame asks the OS whether the program still lives (events usually say first). */
    private static final long ALIVE_EVERY_NANOS = 500_000_000L;

    /** Where the tab is: nothing running, or a server starting, running, being checked or stopped. */
    public enum Phase { IDLE, STARTING, RUNNING, CHECKING, STOPPING, CLOSED }

    // Settings
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty workingDirectory = new SimpleStringProperty(System.getProperty("user.dir", ""));
    private final ObjectProperty<FramingChoice> framing = new SimpleObjectProperty<>(FramingChoice.AUTO);
    /** A pattern whose one group is the running total the server prints, for the counter check; empty: none. */
    private final StringProperty counterPattern = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();

    // State
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Type the command that starts your server, then Start: the port is appended, or put {port} where it goes.");
    private final ReadOnlyStringWrapper checkStatus = new ReadOnlyStringWrapper(
            "Check drives your running server with EchoLab's clients and says which of the lab's requirements hold.");
    private final ReadOnlyStringWrapper modelLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasReport = new ReadOnlyBooleanWrapper();
    private final ObservableList<VerdictRow> verdicts = FXCollections.observableArrayList();
    private final ObservableList<VerdictRow> verdictsView = FXCollections.unmodifiableObservableList(verdicts);
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canCheck;
    private final BooleanBinding canAddClients;

    private final EventBus bus;
    private final CommandHistory commands;
    private final YourServerFold fold = new YourServerFold();
    private final ObservedTreeModel tree = fold.tree();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(LabThreads.daemons(THREAD_NAME));
    /** The session the background thread made last, seen at once by {@link #close} from the FX thread. */
    private final AtomicReference<ObservedSession> made = new AtomicReference<>();
    private volatile boolean closed;
    private ObservedSession session;
    private CheckOutcome report;
    private long lastAliveCheck;

    /**
     * A tab that starts programs whose events go on {@code bus}; what comes back is folded by
     * {@link #fold()}, from the window's pump.
     */
    public YourServerViewModel(EventBus bus, CommandHistory commands) {
        this.bus = bus;
        this.commands = commands;
        history.setAll(commands.commands());
        if (!history.isEmpty()) {
            command.set(history.get(0));
        }
        canStart = Bindings.createBooleanBinding(() -> phase.get() == Phase.IDLE && !command.get().isBlank(),
                phase, command);
        canStop = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
        canCheck = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
        canAddClients = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
    }

    // Commands

    /** Starts the command in the working directory, unless a server runs; the outcome comes in the status line. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        List<String> words;
        Path dir;
        try {
            words = CommandWords.split(command.get());
            String cwd = workingDirectory.get().strip();
            dir = cwd.isEmpty() ? null : Path.of(cwd);
        } catch (IllegalArgumentException e) { // an open quote, or a path this system cannot have
            status.set(e.getMessage());
            return;
        }
        if (words.isEmpty()) {
            status.set("Type the command that starts your server first, e.g. ./server");
            return;
        }
        String typed = command.get();
        commands.remember(typed);
        history.setAll(commands.commands());
        command.set(typed); // an editable combo box may clear its text when its list changes
        Launch launch = new Launch(words, dir, LISTEN_TIMEOUT);
        FramingChoice chosen = framing.get();
        clearReport();
        phase.set(Phase.STARTING);
        status.set("Starting " + launch.display() + " …");
        submit(() -> {
            ObservedSession s;
            try {
                s = ObservedSession.start(launch, bus, chosen.framing());
            } catch (LaunchException e) {
                Platform.runLater(() -> launchFailed(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                Platform.runLater(() -> launchFailed("cannot start " + launch.display() + ": " + e));
                return;
            }
            made.set(s);
            if (closed) {
                s.close();
                return;
            }
            Platform.runLater(() -> started(s));
        });
    }

    /** Puts {@code words} in the command field, quoted where they need it, and starts them. */
    public void start(List<String> words) {
        command.set(CommandWords.join(words));
        start();
    }

    /** Stops the running server, its clients and every process it started. */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        ObservedSession s = session;
        phase.set(Phase.STOPPING);
        status.set("Stopping PID " + s.pid() + " and everything it started …");
        endSession(s, "");
    }

    /** Checks the running server; the verdicts replace the last ones when it ends (5 to 30 s). */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        ObservedSession s = session;
        Pattern total;
        try {
            total = counterPattern();
        } catch (IllegalArgumentException e) {
            checkStatus.set(e.getMessage());
            return;
        }
        clearReport();
        phase.set(Phase.CHECKING);
        checkStatus.set("Checking PID " + s.pid() + " … (5 to 30 s)");
        FxHandOff<String> progress = new FxHandOff<>(line -> {
            if (phase.get() == Phase.CHECKING) {
                checkStatus.set("Checking: " + line);
            }
        });
        submit(() -> {
            CheckOutcome outcome;
            try {
                outcome = CheckAction.run(s, bus, total, progress::offer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = CheckOutcome.failed("the check was interrupted");
            } catch (RuntimeException e) {
                outcome = CheckOutcome.failed("the check broke down: " + e);
            }
            CheckOutcome o = outcome;
            Platform.runLater(() -> checked(s, o));
        });
    }

    /** One ordinary client: a line every tenth of a second for about six seconds. */
    public void addClient() {
        clients(1, Behaviour::steady);
    }

    public void addFiveClients() {
        clients(5, Behaviour::steady);
    }

    /** A client that connects and says nothing for five seconds, then sends a line a byte at a time. */
    public void addSlowClient() {
        clients(1, Behaviour::slow);
    }

    /** 32 clients at once, a few lines each: does every one get served? */
    public void burst() {
        clients(32, () -> new Behaviour.Steady(5, 100, 32));
    }

    /** {@code count} clients of {@code behaviour} (the {@code frames} benchmark's load). */
    public void addClients(int count, Supplier<Behaviour> behaviour) {
        clients(count, behaviour);
    }

    /** Closes every connection of the tab's clients. */
    public void disconnectAll() {
        ObservedSession s = session;
        if (s != null) {
            s.disconnectAll();
        }
    }

    /** Writes the last check's report as Markdown to {@code file}. */
    public void saveMarkdown(Path file) throws IOException {
        Files.writeString(file, requireReport().markdown(), StandardCharsets.UTF_8);
    }

    /** Writes the last check's report as one JSON object to {@code file}. */
    public void saveJson(Path file) throws IOException {
        Files.writeString(file, requireReport().json() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Stops whatever runs (a check is cut short by stopping its server), waits until the program,
     * its sampler, its clients and the background thread are gone, and closes the subscription.
     * Nothing reaches the tab afterwards. For the window's close; idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        fold.close();
        phase.set(Phase.CLOSED);
        ObservedSession s = made.get();
        if (s != null) {
            s.close(); // a check or a client start under way fails fast once the server is gone
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        s = made.get(); // a start that finished meanwhile
        if (s != null) {
            s.close();
        }
    }

    /**
     * The tab's fold of the student's server's events: the window's pump folds it in its place,
     * and its time machine takes it back ({@link YourServerFold} says what a checkpoint holds).
     */
    public YourServerFold fold() {
        return fold;
    }

    /**
     * Shows what the pump folded into the tree since the last frame; notices a program that ended
     * by itself. Once per frame, from the window's pump.
     */
    public void frame(long now) {
        if (closed) {
            return;
        }
        fold.show();
        ObservedSession s = session;
        if (s != null && phase.get() == Phase.RUNNING) {
            boolean endedSaysBus = tree.serverPid() == s.pid() && !tree.running();
            boolean endedSaysOs = false;
            if (!endedSaysBus && now - lastAliveCheck > ALIVE_EVERY_NANOS) {
                lastAliveCheck = now;
                endedSaysOs = !s.server().alive();
            }
            if (endedSaysBus || endedSaysOs) {
                String why = tree.stopReason().isEmpty() ? "the server " + s.server().exitDescription() : tree.stopReason();
                phase.set(Phase.STOPPING);
                endSession(s, why);
            }
        }
    }

    // Results, on the FX thread

    private void started(ObservedSession s) {
        if (closed) {
            return;
        }
        session = s;
        phase.set(Phase.RUNNING);
        status.set("listening on " + s.address().getHostString() + ":" + s.address().getPort() + " · PID " + s.pid());
    }

    private void launchFailed(String message) {
        if (closed) {
            return;
        }
        phase.set(Phase.IDLE);
        status.set(message.endsWith(":") ? message + " see its output below" : message);
    }

    private void checked(ObservedSession s, CheckOutcome outcome) {
        if (closed || session != s) {
            return;
        }
        if (phase.get() == Phase.CHECKING) {
            phase.set(Phase.RUNNING);
        }
        if (!outcome.checked()) {
            checkStatus.set("Could not check: " + outcome.failure());
            return;
        }
        report = outcome;
        verdicts.setAll(outcome.verdicts());
        hasReport.set(true);
        long failed = outcome.verdicts().stream().filter(v -> v.status() == Status.FAIL).count();
        long skipped = outcome.verdicts().stream().filter(v -> v.status() == Status.SKIP).count();
        checkStatus.set((failed == 0 ? "Every check passed" : failed + (failed == 1 ? " check failed" : " checks failed"))
                + (skipped > 0 ? ", " + skipped + " could not be judged here" : "")
                + " · framing " + outcome.framing());
        modelLine.set("model: " + (outcome.model().isEmpty() ? "not recognised" : outcome.model()));
    }

    /** Ends {@code s} on the background thread; {@code why} is set when the program ended by itself. */
    private void endSession(ObservedSession s, String why) {
        submit(() -> {
            String how = s.close();
            Platform.runLater(() -> {
                if (closed) {
                    return;
                }
                if (session == s) {
                    session = null;
                }
                phase.set(Phase.IDLE);
                status.set(why.isEmpty() ? "PID " + s.pid() + " " + how : endedByItself(s, why));
            });
        });
    }

    /**
     * "PID 4711: the server exited with code 4", or for a crash "PID 4711 crashed: SIGSEGV (signal 11):
     * usually a read or write past the end of a buffer, ...; its last lines are in the output below.
     * Start runs it again."
     */
    private static String endedByItself(ObservedSession s, String why) {
        String crash = ObservedTreeModel.crashIn(why);
        if (crash.isEmpty()) {
            return "PID " + s.pid() + ": " + why;
        }
        String meaning = SignalNames.meaning(ObservedTreeModel.crashSignal(crash));
        return "PID " + s.pid() + " " + crash + (meaning.isEmpty() ? "" : ": usually " + meaning)
                + "; its last lines are in the output below. Start runs it again.";
    }

    private void clients(int count, Supplier<Behaviour> behaviour) {
        if (!canAddClients.get()) {
            return;
        }
        ObservedSession s = session;
        submit(() -> s.startClients(count, behaviour)); // false: stopped before the clients' turn came
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: nothing more is started
        }
    }

    private void clearReport() {
        report = null;
        verdicts.clear();
        hasReport.set(false);
        modelLine.set("");
    }

    private CheckOutcome requireReport() {
        if (report == null) {
            throw new IllegalStateException("no check has been run yet");
        }
        return report;
    }

    // Queries

    /** The folded tree; read on the FX thread, redraw when {@link #treeRevisionProperty()} moves. */
    public ObservedTreeModel tree() {
        return tree;
    }

    /** The last check's outcome, or null. */
    public CheckOutcome report() {
        return report;
    }

    /** The PID of the server running now, or -1. */
    public long serverPid() {
        ObservedSession s = session;
        return s == null ? -1 : s.pid();
    }

    // Properties

    /** The command as typed: the program and its arguments; {@code {port}} marks where the port goes. */
    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty workingDirectoryProperty() {
        return workingDirectory;
    }

    /** The counter check's pattern: one group, the total the server prints, e.g. {@code echoed (\d+) bytes}. */
    public StringProperty counterPatternProperty() {
        return counterPattern;
    }

    /** The counter pattern as typed, or null when none; a message naming what is wrong otherwise. */
    private Pattern counterPattern() {
        String typed = counterPattern.get().strip();
        if (typed.isEmpty()) {
            return null;
        }
        Pattern p;
        try {
            p = Pattern.compile(typed);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The counter pattern is not a valid pattern: " + e.getDescription());
        }
        if (p.matcher("").groupCount() != 1) {
            throw new IllegalArgumentException("The counter pattern needs exactly one group, the total, "
                    + "e.g. echoed (\\d+) bytes");
        }
        return p;
    }

    public ObjectProperty<FramingChoice> framingProperty() {
        return framing;
    }

    /** The last commands started, newest first. */
    public ObservableList<String> history() {
        return history;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Where the server listens and its PID, or why it could not start, or how it stopped. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The tree in one line of figures. */
    public ReadOnlyStringProperty figuresProperty() {
        return fold.figuresProperty();
    }

    /** How the check goes, or how it went. */
    public ReadOnlyStringProperty checkStatusProperty() {
        return checkStatus.getReadOnlyProperty();
    }

    /** {@code model: process per client}, after a check; else empty. */
    public ReadOnlyStringProperty modelLineProperty() {
        return modelLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasReportProperty() {
        return hasReport.getReadOnlyProperty();
    }

    /** The last check's verdicts, in the check's order. */
    public ObservableList<VerdictRow> verdicts() {
        return verdictsView;
    }

    /** Moves whenever the tree changed. */
    public ReadOnlyLongProperty treeRevisionProperty() {
        return fold.treeRevisionProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canAddClientsProperty() {
        return canAddClients;
    }
}
