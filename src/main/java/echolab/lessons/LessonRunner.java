package echolab.lessons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import echolab.bench.Bench;
import echolab.bench.ModeResult;
import echolab.bench.Workload;
import echolab.clients.Behaviour;
import echolab.clients.SimulatedClient;
import echolab.engine.Mode;
import echolab.engine.ServerStats;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;
import echolab.sync.SyncLab;

/**
 * Makes a lesson's set-up and run steps happen on a real {@link Lab} and measures each run from
 * the engine's own books: the server's running totals before and after, and the run's events.
 * The window's lessons and {@code lessons --check} both use it.
 *
 * <p>Threading: one run at a time, on the caller's thread (it blocks for the run's seconds);
 * {@link #cancel} may be called from any thread.
 */
public final class LessonRunner {

    /** How often a run reads the gauges (busy workers, live children) that have no running total. */
    static final long GAUGE_MILLIS = 5;
    /** The queue of a run's subscription to the lab's events. */
    static final int SUBSCRIPTION = 1 << 18;

    private final Lab lab;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final StudentRuns students;

    public LessonRunner(Lab lab, ExampleServers examples) {
        this.lab = lab;
        this.students = new StudentRuns(lab, examples, cancelled);
    }

    /**
     * Records each run of an example server made from now on into {@code dir}, as EXAMPLE.jsonl.gz: the
     * recording a lesson can ship for machines that cannot make the run ({@code lessons --check --record DIR}).
     */
    public void recordStudentRunsTo(java.nio.file.Path dir) {
        students.recordTo(dir);
    }

    /** Sets the server as the step says (over the baseline) and returns what it set, in words. */
    public String setUp(Step.SetUp step) throws IOException {
        cancelled.set(false);
        lab.disconnectAll();
        awaitClients();
        try {
            freeStuckWorkers();
            step.settings().applyTo(lab);
            awaitQuiet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return step.settings().describe();
    }

    /** Multiplies the setting the run names to widen; returns "raceWindowMicros 50 → 200". */
    public String widen(Step.Run run) {
        Step.Widen w = run.widen();
        long before = Settings.current(lab, w.setting());
        long after = Math.min(Settings.range(w.setting()).max(), Math.max(before + 1, Math.round(Math.max(1, before) * w.factor())));
        Settings.set(lab, w.setting(), after);
        return w.setting() + " " + before + " → " + after;
    }

    /** Stops a run under way: its clients are disconnected and it returns what it measured so far. */
    public void cancel() {
        cancelled.set(true);
        lab.disconnectAll();
    }

    /**
     * Makes the run and measures it.
     *
     * @param widened what was widened before it, for the result, or null
     * @param earlier the figures of the lesson's runs before it, which its expectations may compare with
     */
    public RunResult run(Step.Run step, String widened, Map<String, Double> earlier) throws InterruptedException {
        cancelled.set(false);
        long started = -1;
        long ended = -1; // a run whose events went down the window's bus has a span its time machine can show again
        Map<String, Double> figures;
        Bench.Report[] compared = new Bench.Report[1];
        String recorded = null;
        if (step.compare() != null) {
            String why = compare(step.compare(), figures = new LinkedHashMap<>(), compared);
            if (why != null) {
                return RunResult.skipped(step, why);
            }
        } else if (step.student() != null) {
            figures = new LinkedHashMap<>();
            StudentRuns.Outcome outcome = students.run(step, figures);
            if (outcome.skipped() != null) {
                return RunResult.skipped(step, outcome.skipped());
            }
            recorded = outcome.recorded();
            started = outcome.startedNanos();
            ended = outcome.endedNanos();
        } else {
            started = System.nanoTime();
            figures = embedded(step);
            ended = System.nanoTime();
        }
        Map<String, Double> mine = Measured.labelled(figures, step.label());
        Map<String, Double> visible = new LinkedHashMap<>(earlier);
        visible.putAll(mine);
        List<Expectation.Result> checked = step.expect().stream().map(e -> e.check(visible)).toList();
        return new RunResult(step, mine, checked, widened, null, compared[0], started, ended, recorded);
    }

    // ---- the embedded server

    private Map<String, Double> embedded(Step.Run step) throws InterruptedException {
        lab.disconnectAll();
        awaitClients();
        awaitQuiet();
        RunBooks books = new RunBooks();
        Map<String, Double> f = new LinkedHashMap<>();
        try (Subscription events = lab.subscribe("lesson-run", SUBSCRIPTION)) {
            if (lab.scenario() == Scenario.STARVATION) {
                lab.clearLockShares(); // the lock's turns are counted afresh for this run
            }
            ServerStats.Snapshot before = lab.stats();
            SyncLab.Figures syncBefore = lab.syncFigures();
            settings(f);
            List<SimulatedClient> started = new ArrayList<>();
            int peakBusy = 0;
            int peakAlive = 0;
            long startNanos = System.nanoTime();
            long deadline = startNanos + (long) (step.seconds() * 1e9);
            List<Start> starts = starts(step.clients());
            int next = 0;
            while (System.nanoTime() < deadline && !cancelled.get()) {
                long now = System.nanoTime();
                while (next < starts.size() && now - startNanos >= starts.get(next).atMillis * 1_000_000L) {
                    started.add(lab.addClient(starts.get(next).behaviour));
                    next++;
                }
                events.drain(books::accept, 10_000);
                ServerStats.Snapshot s = lab.stats();
                peakBusy = Math.max(peakBusy, s.busyWorkers());
                peakAlive = Math.max(peakAlive, s.processesAlive());
                if (next == starts.size() && started.stream().allMatch(c -> c.result().isDone())) {
                    break;
                }
                Thread.sleep(GAUGE_MILLIS);
            }
            lab.disconnectAll(); // those still connected when the time is up
            awaitClients();
            awaitChildren();
            events.drain(books::accept, Integer.MAX_VALUE);
            ServerStats.Snapshot after = lab.stats();
            SyncLab.Figures syncAfter = lab.syncFigures();
            f.put("clients", (double) started.size());
            f.put("accepted", (double) (after.accepted() - before.accepted()));
            f.put("echoed", (double) (after.echoed() - before.echoed()));
            f.put("increments", (double) (after.increments() - before.increments()));
            f.put("counter", (double) (after.counter() - before.counter()));
            f.put("lost", (double) (after.lost() - before.lost()));
            f.put("collisions", (double) (after.collisions() - before.collisions()));
            f.put("casRetries", (double) (after.casRetries() - before.casRetries()));
            f.put("processesSpawned", (double) (after.processesSpawned() - before.processesSpawned()));
            f.put("processesReaped", (double) (after.processesReaped() - before.processesReaped()));
            f.put("peakProcesses", (double) peakAlive);
            f.put("childIncrements", (double) (after.childIncrements() - before.childIncrements()));
            f.put("peakBusyWorkers", (double) peakBusy);
            f.put("errors", (double) (after.errors() - before.errors()));
            f.put("orphaned", (double) (syncAfter.orphaned() - syncBefore.orphaned()));
            f.put("doubleServed", (double) (syncAfter.doubleServed() - syncBefore.doubleServed()));
            f.put("deadlocksDetected", (double) (syncAfter.deadlocksDetected() - syncBefore.deadlocksDetected()));
            f.put("livelocksSuspected", (double) (syncAfter.livelocksSuspected() - syncBefore.livelocksSuspected()));
            f.put("backoffRetries", (double) (syncAfter.backoffRetries() - syncBefore.backoffRetries()));
            f.put("maxConcurrent", (double) syncAfter.maxConcurrent());
            if (syncAfter.scenario().equals(Scenario.STARVATION.id())) {
                f.put("mostTurnsInARow", (double) syncAfter.mostTurnsInARow());
            }
            f.putAll(books.runFigures(started.stream().map(SimulatedClient::name).toList(), syncAfter.greedy()));
            if (f.get("elapsedMillis").isNaN()) {
                f.put("elapsedMillis", (System.nanoTime() - startNanos) / 1e6);
            }
        }
        freeStuckWorkers();
        return f;
    }

    private void settings(Map<String, Double> f) {
        f.put("delayMillis", (double) lab.delayMillis());
        f.put("raceWindowMicros", (double) lab.raceWindowMicros());
        f.put("poolSize", (double) lab.poolSize());
        f.put("permits", (double) lab.permits());
        f.put("holdMillis", (double) lab.holdMillis());
        f.put("handoffWindowMicros", (double) lab.handoffWindowMicros());
    }

    private record Start(long atMillis, Behaviour behaviour) {}

    /** Every client of the groups with the moment it starts, in the order they start. */
    private static List<Start> starts(List<ClientGroup> groups) {
        List<Start> out = new ArrayList<>();
        for (ClientGroup g : groups) {
            for (int i = 0; i < g.count(); i++) {
                out.add(new Start(g.afterMillis() + i * g.staggerMillis(), g.behaviour()));
            }
        }
        out.sort(Comparator.comparingLong(Start::atMillis)); // stable: a group's order is kept
        return out;
    }

    private void awaitClients() {
        try {
            lab.clients().awaitAll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a deadlock (or a livelock) run, its workers are still stuck on echoes whose clients
     * have gone. A reset alone would make them start over in the same opposite orders and stick
     * again, so the reset comes with one lock order for a moment; then the lesson's fix is back.
     */
    private void freeStuckWorkers() throws InterruptedException {
        if (lab.scenario() != Scenario.DEADLOCK) {
            return;
        }
        DeadlockFix fix = lab.deadlockFix();
        lab.setDeadlockFix(DeadlockFix.ORDER);
        lab.resetDeadlock();
        awaitQuiet();
        lab.setDeadlockFix(fix);
    }

    /**
     * Waits (at most three seconds) until no worker is busy, no child is alive and no echo went
     * out for a few readings, so that echoes still finishing from before (a deadlock's freed
     * workers, say) do not count in this run. Open connections are not waited for: a hand-off
     * race's orphaned connections stay open, unserved, until the server stops.
     */
    private void awaitQuiet() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int quiet = 0;
        long echoed = -1;
        while (quiet < 3 && System.nanoTime() < until) {
            ServerStats.Snapshot s = lab.stats();
            boolean still = s.busyWorkers() == 0 && s.processesAlive() == 0 && s.echoed() == echoed;
            quiet = still ? quiet + 1 : 0;
            echoed = s.echoed();
            Thread.sleep(GAUGE_MILLIS * 2);
        }
    }

    /** In processes mode, the children of the run are reaped before the figures are read. */
    private void awaitChildren() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (lab.stats().processesAlive() > 0 && System.nanoTime() < until) {
            Thread.sleep(GAUGE_MILLIS);
        }
    }

    // ---- a comparison of modes

    private String compare(Step.CompareRun c, Map<String, Double> f, Bench.Report[] report1) throws InterruptedException {
        List<Mode> modes = c.modes().stream().map(Mode::parse).toList();
        Workload w = new Workload(modes, c.clients(), c.lines(), 64, 0, Protection.NONE, false, 1, false, 4);
        Bench.Report report;
        try {
            report = Bench.run(w, p -> { }, cancelled::get);
        } catch (IOException e) {
            return "the comparison could not run: " + e.getMessage();
        }
        report1[0] = report;
        for (ModeResult m : report.modes()) {
            if (m.skipped() != null) {
                continue;
            }
            String p = m.mode() + ".";
            f.put(p + "firstEchoMillis", m.firstEchoMillis().median());
            f.put(p + "residentMbPerClient", m.residentMbPerClient().median());
            f.put(p + "peakThreads", m.peakThreads().median());
            f.put(p + "peakProcesses", m.peakProcesses().median());
            f.put(p + "roundTripsPerSecond", m.roundTripsPerSecond().median());
            f.put(p + "latencyP99Micros", m.latencyP99Micros().median());
        }
        return null;
    }

}
