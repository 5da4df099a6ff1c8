package echolab.sync.step;

import java.util.List;

import echolab.events.EventBus;

/**
 * A lost update in slow motion: two real threads ({@code echolab-step-A} and {@code echolab-step-B})
 * each add 1 to one shared counter, starting at 0, in three steps the student gives them one click
 * at a time: <b>read</b> ({@code local = counter}), <b>add</b> ({@code local = local + 1}) and
 * <b>write</b> ({@code counter = local}). Before each step a worker waits at its own gate, so the
 * order of the clicks is the interleaving. A.read, B.read, A.add, B.add, A.write, B.write leaves the
 * counter at 1: both read 0, and B's write puts back a value that never saw A's +1.
 *
 * <p><b>With the lock</b> each worker takes a {@link java.util.concurrent.locks.ReentrantLock} just
 * before its read and releases it just after its write. The rule for a worker stepped while the
 * other holds the lock: <i>a click gives a worker its next step; if that step is a read and the lock
 * is taken, the worker blocks inside {@code lock()} (really: its thread is parked in the lock's
 * queue) and carries the read out by itself the moment the other worker writes and unlocks.</i> A
 * blocked worker cannot be given another step. So one click on the holder's write shows two
 * entries in the history: the holder's write, then the waiter's read of the new value.
 *
 * <p>The order of the clicks is recorded ({@link #recording()}) and can be replayed click by click
 * from a fresh start ({@link #replay}, {@link #replayNext()}), which reproduces the same states. When
 * both workers have written their threads end by themselves; {@link #close()} ends them earlier,
 * wherever they wait. Each step is published as an {@link echolab.events.Event.StepTaken}.
 *
 * <p>Threading: every method may be called from any thread; calls are serialized on this object.
 * None waits for the student or for the lock: {@link #step} waits only until the stepped worker has
 * run its few instructions or has parked in {@code lock()}, which takes microseconds (at most a
 * second on a machine too busy to run it; {@link RaceState#settled()} then says so).
 */
public final class StepThroughRace implements AutoCloseable {

    private final EventBus events;
    // guarded by this
    private StepRun run;
    /** The recording being replayed; null when the clicks are the student's own. */
    private List<Worker> script;
    private boolean closed;

    /** A race whose steps reach nobody's log. No thread starts until the first step. */
    public StepThroughRace() {
        this(new EventBus());
    }

    /** A race that publishes each step on {@code events}. No thread starts until the first step. */
    public StepThroughRace(EventBus events) {
        this.events = events;
        this.run = new StepRun(false, events);
    }

    // Commands

    /**
     * Starts over: counter 0, both workers ready to read, with or without the lock. Ends the threads
     * of the run before; new ones start with the first step. Leaves a replay.
     */
    public synchronized void start(boolean locked) {
        ensureOpen();
        run.close();
        run = new StepRun(locked, events);
        script = null;
    }

    /** {@link #start} again with the same lock setting. */
    public synchronized void reset() {
        start(run.locked());
    }

    /**
     * Gives {@code worker} its next step and returns once it is taken, or once the worker is blocked
     * on the lock. Returns false and does nothing when the worker is done or blocked. A step by hand
     * during a replay ends the replay: from there on the clicks are the student's again.
     */
    public synchronized boolean step(Worker worker) {
        ensureOpen();
        script = null;
        return run.step(worker);
    }

    /**
     * Starts over in the mode of {@code recording}, ready to replay its clicks one by one with
     * {@link #replayNext()}.
     */
    public synchronized void replay(Recording recording) {
        start(recording.locked());
        script = recording.steps();
    }

    /**
     * Makes the next click of the replay. Returns false when there is none left, or when the
     * recording asks for a step its worker cannot take (a list that was not recorded here); that
     * ends the replay.
     */
    public synchronized boolean replayNext() {
        ensureOpen();
        if (script == null || run.clickCount() >= script.size()) {
            return false;
        }
        if (!run.step(script.get(run.clickCount()))) {
            script = null;
            return false;
        }
        return true;
    }

    /** Ends both threads wherever they wait, and waits for them to end. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        run.close();
    }

    // Reading

    /** The race as it stands; still answers after {@link #close()}. */
    public synchronized RaceState state() {
        int position = script == null ? 0 : run.clickCount();
        int length = script == null ? 0 : script.size();
        return run.snapshot(position, length);
    }

    /**
     * The clicks of this run so far and its lock setting; while replaying, the whole recording
     * being replayed.
     */
    public synchronized Recording recording() {
        return new Recording(run.locked(), script != null ? script : run.clicks());
    }

    public synchronized boolean locked() {
        return run.locked();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the step-through race is closed");
        }
    }
}
