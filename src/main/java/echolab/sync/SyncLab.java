package echolab.sync;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import echolab.base.Limits;
import echolab.events.Event;
import echolab.events.EventBus;

/**
 * The synchronization scenarios of one server: which one is on, whether it runs safe, and the
 * mechanisms each needs. The server's workers pass the guarded parts of every echo through
 * {@link #echoWork} and {@link #counterWork}; with no scenario on, those just run the work.
 *
 * <ul>
 * <li>{@code handoff}: the acceptor passes connections through one shared slot (the server reads
 *     {@link #sharedHandoff()}); safe, each worker gets its own copy.</li>
 * <li>{@code deadlock}: the counter work needs the log and the counter, see {@link TwoResources};
 *     safe, one global order, or another {@link DeadlockFix}.</li>
 * <li>{@code starvation}: the counter work needs one lock, see {@link ContendedLock}; safe, the
 *     lock is fair.</li>
 * <li>{@code semaphore}: the whole echo needs one of K permits, see {@link CountingGate}.</li>
 * </ul>
 *
 * <p>Threading: every method may be called from any thread; a change applies to echoes that start
 * after it.
 */
public final class SyncLab implements AutoCloseable {

    /** The scenario's figures at one moment, in the names the JSON lines use. */
    public record Figures(String scenario, boolean safe, String fix, long orphaned, long doubleServed,
                          long deadlocksDetected, long livelocksSuspected, long backoffRetries, boolean fair,
                          String greedy, Map<String, Long> acquisitions, Map<String, Double> longestWaitMs,
                          int permits, int maxConcurrent, int concurrent, int mostTurnsInARow) {}

    private final EventBus events;
    private final TwoResources resources;
    private final ContendedLock contended;
    private final CountingGate gate;
    // @GuardedBy("this"): runs only while the deadlock scenario is on
    private DeadlockWatch watch;
    private long detectedBefore;
    private long livelocksBefore;
    private volatile Scenario scenario = Scenario.NONE;
    private volatile boolean safe;
    private volatile DeadlockFix fix = DeadlockFix.NONE;
    private volatile long handoffWindowNanos = TimeUnit.MILLISECONDS.toNanos(2);
    private volatile long orphaned;
    private volatile long doubleServed;

    public SyncLab(EventBus events, int permits) {
        this.events = events;
        this.resources = new TwoResources(events);
        this.contended = new ContendedLock(events);
        this.gate = new CountingGate(events, permits);
    }

    // Commands

    public void setScenario(Scenario s) {
        scenario = s;
        watch(s == Scenario.DEADLOCK);
        announce();
    }

    /** Starts or stops the deadlock watch; its figures carry over from one watch to the next. */
    private synchronized void watch(boolean on) {
        if (on && watch == null) {
            watch = new DeadlockWatch(events, resources);
        } else if (!on && watch != null) {
            watch.close();
            detectedBefore += watch.detected();
            livelocksBefore += watch.livelocks();
            watch = null;
        }
    }

    private synchronized long deadlocksDetected() {
        return detectedBefore + (watch == null ? 0 : watch.detected());
    }

    private synchronized long livelocksSuspected() {
        return livelocksBefore + (watch == null ? 0 : watch.livelocks());
    }

    /** Runs the scenario with its fix (deadlock: one global order; starvation: a fair lock; hand-off: own copies). */
    public void setSafe(boolean on) {
        safe = on;
        fix = on ? DeadlockFix.ORDER : DeadlockFix.NONE;
        contended.setFair(on);
        announce();
    }

    /** Chooses the deadlock fix; any fix but {@code none} counts as safe. */
    public void setFix(DeadlockFix f) {
        fix = f;
        safe = f != DeadlockFix.NONE;
        announce();
    }

    /** Starvation: a fair or an unfair lock, independently of the other scenarios' safety. */
    public void setFair(boolean fair) {
        contended.setFair(fair);
        announce();
    }

    public void setPermits(int k) {
        Limits.PERMITS.check(k);
        gate.setPermits(k);
        events.publish((s, t) -> new Event.SettingChanged(s, t, "permits", k));
    }

    public void setHandoffWindowMicros(long us) {
        Limits.HANDOFF_WINDOW_MICROS.check(us);
        handoffWindowNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(0, us));
        events.publish((s, t) -> new Event.SettingChanged(s, t, "handoffWindowUs", us));
    }

    /** Deadlock: how long a worker holds its first resource before it asks for the second. */
    public void setHoldMillis(long ms) {
        Limits.HOLD_MILLIS.check(ms);
        resources.setHoldMillis(ms);
        events.publish((s, t) -> new Event.SettingChanged(s, t, "holdMs", ms));
    }

    /** Starts the contended lock's books afresh: each worker's share and the longest run of turns. */
    public void clearLockShares() {
        contended.clearShares();
    }

    /** Frees deadlocked workers: they let go of what they hold and start their echo again. */
    public int reset() {
        return resources.reset();
    }

    private void announce() {
        Scenario sc = scenario;
        boolean sf = safe;
        String fx = fix.id();
        events.publish((s, t) -> new Event.ScenarioChanged(s, t, sc.id(), sf, fx));
    }

    // The server's side

    public Scenario scenario() {
        return scenario;
    }

    public boolean safe() {
        return safe;
    }

    public DeadlockFix fix() {
        return fix;
    }

    public boolean fair() {
        return contended.fair();
    }

    public int permits() {
        return gate.permits();
    }

    public long holdMillis() {
        return resources.holdMillis();
    }

    public long handoffWindowMicros() {
        return TimeUnit.NANOSECONDS.toMicros(handoffWindowNanos);
    }

    public long handoffWindowNanos() {
        return handoffWindowNanos;
    }

    /** Whether connections go to workers through one shared slot (the unsafe hand-off). */
    public boolean sharedHandoff() {
        return scenario == Scenario.HANDOFF && !safe;
    }

    /** The whole of one echo (wait, count, write): behind the semaphore in its scenario. */
    public void echoWork(long clientId, String worker, Work work) throws IOException, InterruptedException {
        if (scenario == Scenario.SEMAPHORE) {
            gate.run(clientId, worker, work);
        } else {
            work.run();
        }
    }

    /** The counter's update: behind the two resources, or the contended lock, in their scenarios. */
    public void counterWork(long clientId, String worker, Work work) throws IOException, InterruptedException {
        switch (scenario) {
            case DEADLOCK -> resources.run(clientId, worker, this::fix, work);
            case STARVATION -> contended.run(clientId, worker, work);
            default -> work.run();
        }
    }

    /** The server found a client orphaned by the shared slot. */
    public synchronized void orphaned() {
        orphaned++;
    }

    /** The server found a client served twice through the shared slot. */
    public synchronized void doubleServed() {
        doubleServed++;
    }

    public Figures figures() {
        Map<String, ContendedLock.Share> shares = contended.shares();
        Map<String, Long> acquisitions = new java.util.TreeMap<>();
        Map<String, Double> longest = new java.util.TreeMap<>();
        shares.forEach((w, sh) -> {
            acquisitions.put(w, sh.acquisitions());
            longest.put(w, sh.longestWaitMillis());
        });
        long o;
        long d;
        synchronized (this) {
            o = orphaned;
            d = doubleServed;
        }
        return new Figures(scenario.id(), safe, fix.id(), o, d, deadlocksDetected(), livelocksSuspected(),
                resources.retries(), contended.fair(), contended.greedy(), acquisitions, longest, gate.permits(),
                gate.maxInside(), gate.inside(), contended.mostTurnsInARow());
    }

    /**
     * Stops watching for deadlocks. Workers still waiting are freed by the server's own shutdown,
     * which interrupts them; a reset here would only make them start over.
     */
    @Override
    public void close() {
        watch(false);
    }
}
