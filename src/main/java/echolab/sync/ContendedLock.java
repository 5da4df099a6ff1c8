package echolab.sync;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * The starvation scenario's lock: every echo holds it for a moment. One worker is greedy (the first
 * to use the lock): its echoes need the lock in many short slices, and it keeps asking for it the
 * instant it lets go. An unfair lock goes to whoever asks when it is free: the greedy worker, still
 * running, beats the waiters that must first be woken, every time, and they starve while it has
 * work. A fair lock serves its queue in order, the greedy worker included, so everybody gets a
 * turn; every hand-over costs a wake-up, which is what fairness costs.
 *
 * <p>Threading: any thread. Changing fairness swaps the lock; a worker that holds the old one
 * releases the old one.
 */
public final class ContendedLock {

    /** One worker's share: how often it got the lock, and how long it waited at worst. */
    public record Share(long acquisitions, double longestWaitMillis) {}

    private static final class Tally {
        final LongAdder acquisitions = new LongAdder();
        final AtomicLong longestWait = new AtomicLong();
    }

    public static final String NAME = "lock";

    /** Slices of the greedy worker's work, each taken with the lock. */
    static final int GREEDY_SLICES = 50;

    private final EventBus events;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<String> greedy =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile ReentrantLock lock = new ReentrantLock(false);
    private final long holdNanos = TimeUnit.MILLISECONDS.toNanos(1);
    // written only while holding the lock, so the lock orders them; read through the volatile max
    private String lastHolder;
    private int turnsInARow;
    private volatile int mostTurnsInARow;

    public ContendedLock(EventBus events) {
        this.events = events;
    }

    public void setFair(boolean fair) {
        if (lock.isFair() != fair) {
            lock = new ReentrantLock(fair);
            clearShares(); // a new contest: shares under the old lock say nothing of the new
        }
    }

    public boolean fair() {
        return lock.isFair();
    }

    /** The greedy worker's name, or null before anybody used the lock. */
    public String greedy() {
        return greedy.get();
    }

    /** Runs {@code work} holding the lock: once for a millisecond, or in slices for the greedy worker. */
    public void run(long clientId, String worker, Work work) throws IOException, InterruptedException {
        greedy.compareAndSet(null, worker);
        int slices = worker.equals(greedy.get()) ? GREEDY_SLICES : 1;
        for (int i = 1; i < slices; i++) {
            slice(clientId, worker, null); // let go and ask again at once: no pause between
        }
        slice(clientId, worker, work);
    }

    private void slice(long clientId, String worker, Work work) throws IOException, InterruptedException {
        ReentrantLock l = lock;
        events.publish((s, t) -> new Event.ResourceWaiting(s, t, clientId, worker, NAME));
        long asked = System.nanoTime();
        boolean othersQueued = l.hasQueuedThreads(); // they asked before this worker did
        if (!l.isFair() && worker.equals(greedy.get())) {
            while (!l.tryLock()) { // keeps asking: an unfair lock lets it in the moment it is free
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Thread.onSpinWait();
            }
        } else {
            l.lockInterruptibly(); // waits its turn (in a fair lock, everybody does)
        }
        try {
            long waited = System.nanoTime() - asked;
            turn(worker, othersQueued);
            Tally tally = tallies.computeIfAbsent(worker, w -> new Tally());
            tally.acquisitions.increment();
            tally.longestWait.accumulateAndGet(waited, Math::max);
            events.publish((s, t) -> new Event.ResourceHeld(s, t, clientId, worker, NAME, waited, 1));
            LockSupport.parkNanos(holdNanos);
            if (work != null) {
                work.run();
            }
        } finally {
            l.unlock();
            events.publish((s, t) -> new Event.ResourceReleased(s, t, clientId, worker, NAME));
        }
    }

    /** Each worker's share since the lock was made, by worker name. */
    public Map<String, Share> shares() {
        Map<String, Share> out = new TreeMap<>();
        tallies.forEach((w, t) -> out.put(w, new Share(t.acquisitions.sum(), t.longestWait.get() / 1e6)));
        return out;
    }

    public void clearShares() {
        tallies.clear();
        mostTurnsInARow = 0;
    }

    /**
     * One more turn, counted while holding the lock: the same worker again although others were
     * already queued when it asked makes its run of turns longer. A fair lock serves the queue in
     * order, so there its runs stay at one; an unfair one lets the worker that asks at once barge in.
     */
    private void turn(String worker, boolean othersQueued) {
        turnsInARow = worker.equals(lastHolder) && othersQueued ? turnsInARow + 1 : 1;
        lastHolder = worker;
        if (turnsInARow > mostTurnsInARow) {
            mostTurnsInARow = turnsInARow;
        }
    }

    /** The most turns one worker took in a row while others were queued for the lock, since it was made or cleared. */
    public int mostTurnsInARow() {
        return mostTurnsInARow;
    }
}
