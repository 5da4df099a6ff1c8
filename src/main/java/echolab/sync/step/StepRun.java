package echolab.sync.step;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import echolab.base.LabThreads;
import echolab.events.Event;
import echolab.events.EventBus;

/**
 * One run of the step-through race: the shared counter, the lock, and two worker threads that each
 * increment the counter once, taking one step per permit of their gate.
 *
 * <p>Threading: {@link #step}, {@link #awaitSettled} and {@link #close} are called by one controlling
 * thread at a time ({@link StepThroughRace} serializes them); {@link #snapshot} from any thread. The
 * books (fields marked "guarded by this") are read and written under this object's monitor, by the
 * workers after each step and by the controller.
 */
final class StepRun {

    /** How long a step may take to settle; it takes microseconds unless the machine is swamped. */
    private static final long SETTLE_MILLIS = 1_000;
    /** How long {@link #close} waits for each thread to end after its interrupt. */
    private static final long JOIN_MILLIS = 2_000;

    private final boolean locked;
    private final EventBus events;
    private final ReentrantLock lock = new ReentrantLock();
    /** A worker takes a permit of its gate before each step; a click gives it one. */
    private final Semaphore[] gates = {new Semaphore(0), new Semaphore(0)};
    private final Thread[] threads = new Thread[2];

    /**
     * The shared variable of the lesson, deliberately a plain field: only the lock (when on) protects
     * its read-add-write. Every write is still seen by whichever step comes next, because each step
     * is handed over through a gate and this object's monitor; what loses an update is a worker's
     * stale local copy, which no memory barrier would repair. Written by the workers only.
     */
    private long counter;

    // guarded by this
    private final Phase[] phase = {Phase.READY, Phase.READY};
    private final long[] local = new long[2];
    private final boolean[] holdsLock = new boolean[2];
    /** Steps given to each worker, and steps it has carried out: equal when it waits at its gate. */
    private final int[] granted = new int[2];
    private final int[] completed = new int[2];
    private final boolean[] ended = new boolean[2];
    private final List<Step> steps = new ArrayList<>();
    private final List<Worker> clicks = new ArrayList<>();
    private boolean threadsStarted;
    private boolean closed;

    StepRun(boolean locked, EventBus events) {
        this.locked = locked;
        this.events = events;
    }

    // Control

    /**
     * Gives {@code w} its next step and waits until it is carried out or {@code w} is parked in
     * {@code lock()}. Returns false, and does nothing, when {@code w} is done or blocked, or the run
     * is closed or did not settle from the previous step.
     */
    boolean step(Worker w) {
        int i = w.ordinal();
        synchronized (this) {
            if (closed || !awaitSettled() || phase[i].next() == null) {
                return false;
            }
            granted[i]++;
            clicks.add(w);
            if (!threadsStarted) {
                threadsStarted = true; // on the first click, so that a run nobody steps costs no thread
                startThreads();
            }
        }
        gates[i].release();
        synchronized (this) {
            awaitSettled();
        }
        return true;
    }

    private void startThreads() {
        for (Worker w : Worker.values()) {
            // a daemon: a window closed without close() must not keep the JVM alive
            Thread t = LabThreads.daemon(w.threadName(), () -> work(w));
            threads[w.ordinal()] = t;
            t.start();
        }
    }

    /** Waits, holding the monitor, until every given step is done or parked in {@code lock()}. */
    private boolean awaitSettled() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        try {
            while (!settled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // A worker that reports BLOCKED parks in lock() just after, without a word: look again soon.
                long millis = anyBlocked() ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
                wait(millis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // holds this
    private boolean settled() {
        for (int i = 0; i < 2; i++) {
            if (ended[i] || granted[i] == completed[i]) {
                continue;
            }
            // Blocked counts as settled only while the other really holds the lock and this one
            // really waits in its queue: the moment the lock is handed over, it reads.
            if (phase[i] == Phase.BLOCKED && holdsLock[1 - i] && lock.hasQueuedThread(threads[i])) {
                continue;
            }
            return false;
        }
        return true;
    }

    // holds this
    private boolean anyBlocked() {
        return phase[0] == Phase.BLOCKED || phase[1] == Phase.BLOCKED;
    }

    /** Ends both threads, wherever they wait (gate or lock), and waits for them to end. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        for (Thread t : threads) {
            if (t != null) {
                t.interrupt();
            }
        }
        try {
            for (Thread t : threads) {
                if (t != null) {
                    t.join(JOIN_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // A worker

    /** One worker's increment: read, add, write, each after a click; the lock around them when on. */
    private void work(Worker w) {
        Semaphore gate = gates[w.ordinal()];
        try {
            gate.acquire();
            if (locked) {
                takeLock(w);
            }
            long seen = counter;
            taken(w, Action.READ, seen, false, true);

            gate.acquire();
            long mine = seen + 1; // a local variable: it lives on this thread's stack and nobody else sees it
            taken(w, Action.ADD, mine, false, true);

            gate.acquire();
            boolean overwrote = counter != seen; // the counter moved since the read: this write erases that
            counter = mine;
            // Logged before the unlock, so that a worker waiting for the lock reads after this write in
            // the history too; the step completes only once the lock is released.
            taken(w, Action.WRITE, mine, overwrote, !locked);
            if (locked) {
                lock.unlock();
                released(w);
            }
        } catch (InterruptedException e) {
            // closed mid-way: the thread simply ends
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            synchronized (this) {
                ended[w.ordinal()] = true;
                notifyAll();
            }
        }
    }

    private void takeLock(Worker w) throws InterruptedException {
        if (lock.tryLock()) {
            return;
        }
        taken(w, Action.BLOCKED, 0, false, false);
        lock.lockInterruptibly(); // really blocked here until the other worker writes and unlocks
    }

    private void taken(Worker w, Action action, long value, boolean overwrote, boolean complete) {
        int i = w.ordinal();
        synchronized (this) {
            long counterNow = counter;
            phase[i] = switch (action) {
                case READ -> Phase.READ;
                case ADD -> Phase.ADDED;
                case WRITE -> Phase.DONE;
                case BLOCKED -> Phase.BLOCKED;
            };
            if (action != Action.BLOCKED) {
                local[i] = value;
            }
            holdsLock[i] = lock.isHeldByCurrentThread();
            steps.add(new Step(steps.size() + 1, w, action, value, counterNow, overwrote));
            if (complete) {
                completed[i]++;
            }
            // Under the monitor, so that the log's order is the history's, and the event is out
            // before step() returns. Publishing never blocks.
            events.publish((s, t) -> new Event.StepTaken(s, t, w.threadName(), action.id(), value, counterNow,
                    overwrote));
            notifyAll();
        }
    }

    private void released(Worker w) {
        synchronized (this) {
            holdsLock[w.ordinal()] = false;
            completed[w.ordinal()]++;
            notifyAll();
        }
    }

    // Reading

    synchronized RaceState snapshot(int replayPosition, int replayLength) {
        return new RaceState(locked, counter,
                state(Worker.A), state(Worker.B), steps, settled(), replayPosition, replayLength);
    }

    // holds this
    private WorkerState state(Worker w) {
        int i = w.ordinal();
        return new WorkerState(w, phase[i], local[i], holdsLock[i]);
    }

    synchronized List<Worker> clicks() {
        return List.copyOf(clicks);
    }

    synchronized int clickCount() {
        return clicks.size();
    }

    boolean locked() {
        return locked;
    }
}
