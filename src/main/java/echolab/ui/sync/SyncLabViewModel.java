package echolab.ui.sync;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.lab.Lab;
import echolab.sync.DeadlockFix;
import echolab.sync.Scenario;
import echolab.sync.SyncLab;
import echolab.ui.clients.ClientsFold;
import echolab.ui.controls.FiguresFold;
import echolab.ui.diagram.DiagramFold;
import echolab.ui.model.ScenarioModel;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Synchronization lab's state and commands. It alone calls the lab; what a command changes
 * comes back through the events into {@link ScenarioModel}, which the tab shows. The choice shown
 * follows the server's scenario, like the mode buttons follow the server's mode.
 *
 * <p>Threading: FX thread; every command returns at once.
 */
public final class SyncLabViewModel {

    /**
     * What the starvation scenario measured under one kind of lock while at least two clients were
     * served: the longest any worker but the greedy one waited, and the lock's and the server's rates.
     */
    public record FairnessRun(double othersLongestWaitMillis, double lockTurnsPerSecond, double echoesPerSecond,
                              int mostTurnsInARow) {}

    /** Rates over half a second: steady enough to read, quick enough to follow a change. */
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Lab lab;
    private final ClientsFold clients;
    private final DiagramFold diagram;
    private final FiguresFold figures;
    private final ScenarioModel scenario;

    // Properties
    private final ReadOnlyObjectWrapper<SyncChoice> shown = new ReadOnlyObjectWrapper<>(SyncChoice.NONE);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(Explanation.NONE);
    private final ReadOnlyStringWrapper setUpText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper echoRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper lockRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<FairnessRun> unfairRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FairnessRun> fairRun = new ReadOnlyObjectWrapper<>();

    /** A choice asked for whose scenario the server has not yet confirmed. */
    private SyncChoice wanted;
    private long lastSample = Long.MIN_VALUE;
    private long lastEchoed;
    private long lastTurns;
    private final RunTally unfairTally = new RunTally();
    private final RunTally fairTally = new RunTally();

    /** Acts on {@code lab}; shows {@code scenario}, and the clients, workers and figures those folds follow. */
    public SyncLabViewModel(Lab lab, ScenarioModel scenario, ClientsFold clients, DiagramFold diagram,
                            FiguresFold figures) {
        this.lab = lab;
        this.figures = figures;
        this.clients = clients;
        this.diagram = diagram;
        this.scenario = scenario;
        scenario.scenarioProperty().addListener((o, was, is) -> follow(is));
        scenario.safeProperty().addListener((o, was, is) -> explain());
        scenario.fixProperty().addListener((o, was, is) -> explain());
        scenario.fairProperty().addListener((o, was, is) -> explain());
        shown.addListener((o, was, is) -> {
            explain();
            setUpText.set(setUpText(is));
        });
        shown.set(SyncChoice.of(scenario.scenarioProperty().get()));
        explain();
        setUpText.set(setUpText(shown.get()));
    }

    // Commands

    /** Shows {@code choice}, switching the server to its scenario first when needed. */
    public void choose(SyncChoice choice) {
        if (choice.scenario() == scenario.scenarioProperty().get()) {
            wanted = null;
            shown.set(choice);
        } else {
            wanted = choice;
            lab.setScenario(choice.scenario()); // shown once the server says it changed
        }
    }

    /** Sets up the shown choice's scenario so that it shows its hazard at once. */
    public void setUp() {
        setUp(shown.get().scenario());
    }

    /**
     * Starts afresh (the simulated clients are disconnected) with the workload that shows
     * {@code s} reliably, the one the engine's own tests use; the settings of the scenario itself
     * (safe, fix, fairness, K) stay as chosen.
     */
    public void setUp(Scenario s) {
        try {
            switch (s) {
                case NONE -> lab.setScenario(s);
                case HANDOFF -> {
                    start(Mode.THREADS, s);
                    lab.addClients(5, Behaviour.steady()); // at once: the accepts come faster than the workers read
                }
                case DEADLOCK -> {
                    lab.resetDeadlock(); // workers stuck from a previous run start over
                    lab.setPoolSize(4);
                    start(Mode.POOL, s);
                    lab.addClients(4, new Behaviour.Steady(50, 5, 16)); // odd and even clients: both orders
                }
                case STARVATION -> {
                    lab.setPoolSize(4);
                    start(Mode.POOL, s);
                    lab.addClients(4, new Behaviour.Burst(200, 16)); // every line at once: the lock is never idle
                }
                case SEMAPHORE -> {
                    lab.setPoolSize(6);
                    lab.setDelayMillis(300); // long enough to see who is inside
                    start(Mode.POOL, s);
                    lab.addClients(6, Behaviour.steady());
                }
            }
            status.set("");
        } catch (IOException | IllegalArgumentException e) {
            status.set("Set up failed: " + e.getMessage());
        }
    }

    private void start(Mode mode, Scenario s) throws IOException {
        lab.disconnectAll();
        lab.switchMode(mode);
        lab.setScenario(s);
    }

    /** Hand-off: each worker gets its own copy (and, as the server has it, the other scenarios' fixes). */
    public void setSafe(boolean safe) {
        lab.setSafe(safe);
    }

    public void setHandoffWindowMicros(long us) {
        lab.setHandoffWindowMicros(us);
    }

    public void setFix(DeadlockFix fix) {
        lab.setDeadlockFix(fix);
    }

    public void setHoldMillis(long ms) {
        lab.setHoldMillis(ms);
    }

    /** Frees deadlocked workers; they start their echo again with the fix chosen now. */
    public void resetDeadlock() {
        lab.resetDeadlock();
    }

    public void setFair(boolean fair) {
        lab.setFairLock(fair);
    }

    public void setPermits(int k) {
        lab.setPermits(k);
    }

    // Following the server

    private void follow(Scenario now) {
        if (wanted != null && wanted.scenario() == now) {
            shown.set(wanted);
        } else if (shown.get().scenario() != now) {
            shown.set(SyncChoice.of(now));
        }
        wanted = null;
    }

    private void explain() {
        explanation.set(Explanations.of(shown.get(), scenario.safeProperty().get(), scenario.fixProperty().get(),
                scenario.fairProperty().get()));
    }

    static String setUpText(SyncChoice c) {
        if (c.ownPage()) {
            return "";
        }
        return switch (c.scenario()) {
            case NONE -> "";
            case HANDOFF -> "Set up: threads mode, 5 clients connect at once";
            case DEADLOCK -> "Set up: thread pool of 4, 4 clients (odd ones take the log first)";
            case STARVATION -> "Set up: thread pool of 4, 4 clients send 200 lines at once";
            case SEMAPHORE -> "Set up: thread pool of 6, 300 ms wait per echo, 6 clients";
        };
    }

    // Rates

    /**
     * Reads the latest figures the lab published at most twice a second (wall time {@code now}):
     * the echo rate, the starvation lock's turns per second, and what each kind of lock did while it
     * was contended.
     */
    public void sample(long now) {
        if (lastSample != Long.MIN_VALUE && now - lastSample < SAMPLE_NANOS) {
            return;
        }
        var stats = figures.server();
        SyncLab.Figures f = figures.sync();
        if (stats == null || f == null) {
            return; // none published yet
        }
        long turns = 0;
        for (long n : f.acquisitions().values()) {
            turns += n;
        }
        if (lastSample != Long.MIN_VALUE) {
            double seconds = (now - lastSample) / 1e9;
            double echoes = (stats.echoed() - lastEchoed) / seconds;
            double lockTurns = turns >= lastTurns ? (turns - lastTurns) / seconds : 0; // a new lock starts its books at 0
            echoRate.set(echoes);
            lockRate.set(lockTurns);
            if (Scenario.STARVATION.id().equals(f.scenario())) {
                RunTally tally = f.fair() ? fairTally : unfairTally;
                if (stats.active() >= 2 && lockTurns > 0) { // contended: the rates say something of the lock
                    tally.add(lockTurns, echoes);
                }
                if (tally.samples > 0) { // the longest waits keep growing after the last contended sample
                    (f.fair() ? fairRun : unfairRun).set(tally.run(othersLongestWait(f), f.mostTurnsInARow()));
                }
            }
            (f.fair() ? unfairTally : fairTally).lockSwapped(); // the other kind's next run starts afresh
        }
        lastSample = now;
        lastEchoed = stats.echoed();
        lastTurns = turns;
    }

    private static double othersLongestWait(SyncLab.Figures f) {
        double worst = 0;
        for (Map.Entry<String, Double> e : f.longestWaitMs().entrySet()) {
            if (!e.getKey().equals(f.greedy())) {
                worst = Math.max(worst, e.getValue());
            }
        }
        return worst;
    }

    /** Rates of one kind of lock, averaged over the contended samples since it was last put in. */
    private static final class RunTally {
        private double lockTurns;
        private double echoes;
        private int samples;
        private boolean counting;

        void add(double turns, double echoRate) {
            counting = true;
            lockTurns += turns;
            echoes += echoRate;
            samples++;
        }

        /** The lock is now of the other kind: when this kind returns, its books start again (as the server's do). */
        void lockSwapped() {
            if (counting) {
                counting = false;
                lockTurns = 0;
                echoes = 0;
                samples = 0;
            }
        }

        FairnessRun run(double othersLongestWait, int mostTurnsInARow) {
            return new FairnessRun(othersLongestWait, lockTurns / samples, echoes / samples, mostTurnsInARow);
        }
    }

    // Properties

    public ClientsFold clients() {
        return clients;
    }

    public DiagramFold diagram() {
        return diagram;
    }

    public ScenarioModel scenario() {
        return scenario;
    }

    /** The choice the tab shows: follows the server's scenario. */
    public ReadOnlyObjectProperty<SyncChoice> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** What the set-up button will do, or empty when the shown choice has none. */
    public ReadOnlyStringProperty setUpTextProperty() {
        return setUpText.getReadOnlyProperty();
    }

    /** The last command's trouble, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Lines echoed per second by the whole server, over the last half second. */
    public ReadOnlyDoubleProperty echoRateProperty() {
        return echoRate.getReadOnlyProperty();
    }

    /** Times per second the starvation scenario's lock was taken, over the last half second. */
    public ReadOnlyDoubleProperty lockRateProperty() {
        return lockRate.getReadOnlyProperty();
    }

    /** The last unfair lock's contended run, or null before one. */
    public ReadOnlyObjectProperty<FairnessRun> unfairRunProperty() {
        return unfairRun.getReadOnlyProperty();
    }

    /** The last fair lock's contended run, or null before one. */
    public ReadOnlyObjectProperty<FairnessRun> fairRunProperty() {
        return fairRun.getReadOnlyProperty();
    }
}
