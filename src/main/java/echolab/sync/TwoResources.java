package echolab.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * The deadlock scenario's two resources, the log and the counter. Every echo needs both. Workers
 * of odd clients take the log first, workers of even clients the counter first; with a pause
 * between the two, they soon each hold one and wait for the other, forever. The fixes: one global
 * order; {@code tryLock} with a fixed back-off (everybody retries on the same beat, so they keep
 * colliding: a livelock); {@code tryLock} with a random back-off that doubles its range on every
 * failure (they fall out of step, however many they are).
 *
 * <p>The locks are taken interruptibly, so {@link #reset} can free deadlocked workers.
 * Threading: any thread.
 */
public final class TwoResources {

    public static final String LOG = "log";
    public static final String COUNTER = "counter";

    private static final long TRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(15);

    private final EventBus events;
    private final ReentrantLock log = new ReentrantLock();
    private final ReentrantLock counter = new ReentrantLock();
    /** Who holds each resource and what each waiting thread waits for: the wait-for graph. */
    private final Map<String, String> holders = new ConcurrentHashMap<>();
    /** Per waiting thread: worker, resource held, resource wanted, and "timed" for a tryLock. */
    private final Map<Thread, String[]> waiting = new ConcurrentHashMap<>();
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    /** Held while a reset interrupts, and while a worker leaves {@link #inside} for its work. */
    private final Object resetting = new Object();
    private final AtomicLong resets = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private volatile long holdNanos = TimeUnit.MILLISECONDS.toNanos(20);

    public TwoResources(EventBus events) {
        this.events = events;
    }

    /**
     * Runs {@code work} holding both resources, taken as the fix of the moment says. The fix is read
     * again on every attempt: a fix chosen while workers are deadlocked applies once a reset frees
     * them, and one chosen while they retry applies at their next try. Read once, a reset would
     * only send them back into the same cycle, and a livelock could never be talked out of.
     */
    public void run(long clientId, String worker, Supplier<DeadlockFix> fixes, Work work)
            throws IOException, InterruptedException {
        Thread me = Thread.currentThread();
        inside.add(me);
        long myReset = resets.get();
        try {
            long retry = 0;
            while (true) {
                DeadlockFix fix = fixes.get();
                boolean logFirst = fix == DeadlockFix.ORDER || clientId % 2 == 1; // only the global order changes who goes first
                try {
                    if (attempt(clientId, worker, fix, logFirst, work, myReset)) {
                        return;
                    }
                    retry++;
                    retries.increment();
                    long pause = fix == DeadlockFix.TRYLOCK_FIXED ? untilNextBeat() : randomBackoff(retry);
                    long n = retry;
                    String wanted = logFirst ? COUNTER : LOG;
                    events.publish((s, t) -> new Event.LockBackoff(s, t, clientId, worker, wanted, n, pause));
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    if (resets.get() == myReset) {
                        throw e; // not a reset: the server is stopping
                    }
                    myReset = resets.get(); // freed by a reset: everything was let go; start again
                }
            }
        } finally {
            waiting.remove(me);
            inside.remove(me);
        }
    }

    /**
     * One try: the first resource, the pause, the second; then the work. Returns false when a
     * {@code tryLock} fix gave up on the second resource (the first has been let go by then).
     */
    private boolean attempt(long clientId, String worker, DeadlockFix fix, boolean logFirst, Work work,
                            long myReset) throws IOException, InterruptedException {
        String firstName = logFirst ? LOG : COUNTER;
        String secondName = logFirst ? COUNTER : LOG;
        ReentrantLock first = logFirst ? log : counter;
        ReentrantLock second = logFirst ? counter : log;
        acquire(clientId, worker, first, firstName, null);
        try {
            LockSupport.parkNanos(holdNanos); // writing the log entry, or reading the counter
            if (fix == DeadlockFix.TRYLOCK_FIXED || fix == DeadlockFix.TRYLOCK_RANDOM) {
                if (!tryAcquire(clientId, worker, second, secondName, firstName)) {
                    return false;
                }
            } else {
                acquire(clientId, worker, second, secondName, firstName);
            }
            try {
                leaveForWork(myReset);
                work.run();
                completed.increment();
                return true;
            } finally {
                release(clientId, worker, second, secondName);
            }
        } finally {
            release(clientId, worker, first, firstName);
        }
    }

    /** Random, in a range that doubles with each failure (capped): contenders spread out until they miss each other. */
    private static long randomBackoff(long retry) {
        long range = BACKOFF_NANOS << Math.min(retry, 5);
        return ThreadLocalRandom.current().nextLong(range / 8, range);
    }

    /** A fixed back-off that every worker shares: sleeping to the next beat keeps them in step. */
    private static long untilNextBeat() {
        long now = System.nanoTime();
        return BACKOFF_NANOS - Math.floorMod(now, BACKOFF_NANOS);
    }

    private void acquire(long clientId, String worker, ReentrantLock lock, String name, String held)
            throws InterruptedException {
        long asked = waitFor(clientId, worker, name, held, false);
        try {
            lock.lockInterruptibly();
        } finally {
            waiting.remove(Thread.currentThread());
        }
        held(clientId, worker, name, asked);
    }

    private boolean tryAcquire(long clientId, String worker, ReentrantLock lock, String name, String held)
            throws InterruptedException {
        long asked = waitFor(clientId, worker, name, held, true);
        boolean got;
        try {
            got = lock.tryLock(TRY_NANOS, TimeUnit.NANOSECONDS);
        } finally {
            waiting.remove(Thread.currentThread());
        }
        if (got) {
            held(clientId, worker, name, asked);
        }
        return got;
    }

    private long waitFor(long clientId, String worker, String name, String held, boolean timed) {
        waiting.put(Thread.currentThread(), new String[] {worker, held == null ? "" : held, name, timed ? "timed" : ""});
        events.publish((s, t) -> new Event.ResourceWaiting(s, t, clientId, worker, name));
        return System.nanoTime();
    }

    private void held(long clientId, String worker, String name, long asked) {
        holders.put(name, worker);
        long waited = System.nanoTime() - asked;
        events.publish((s, t) -> new Event.ResourceHeld(s, t, clientId, worker, name, waited, 1));
    }

    private void release(long clientId, String worker, ReentrantLock lock, String name) {
        holders.remove(name, worker);
        lock.unlock();
        events.publish((s, t) -> new Event.ResourceReleased(s, t, clientId, worker, name));
    }

    /**
     * The wait-for edges of the given threads, from this class's own books: which resource each
     * holds and which it waits for. The JVM says who is deadlocked; these say on what. Empty when
     * any of them waits with a time-out: a {@code tryLock} that will give up is no deadlock, even
     * if the JVM, looking at one instant, sees a cycle.
     */
    public List<Event.WaitFor> waitFor(Set<Long> threadIds) {
        List<Event.WaitFor> edges = new ArrayList<>();
        for (Map.Entry<Thread, String[]> e : waiting.entrySet()) {
            if (threadIds.contains(e.getKey().getId())) {
                String[] w = e.getValue();
                if (!w[3].isEmpty()) {
                    return List.of();
                }
                edges.add(new Event.WaitFor(w[0], w[1], w[2]));
            }
        }
        edges.sort((a, b) -> a.worker().compareTo(b.worker()));
        return edges;
    }

    /**
     * Holding both resources, the worker does its work (the echo, on the client's socket): a reset
     * must not reach it there, since an interrupt closes a channel the thread is writing to and
     * the client would lose its connection. It leaves the set a reset interrupts, under the reset's
     * lock; an interrupt that came just before, from a reset, is forgotten (it holds both: nothing to
     * free), and one that is not a reset's (the server stopping) ends it as before.
     */
    private void leaveForWork(long myReset) throws InterruptedException {
        synchronized (resetting) {
            inside.remove(Thread.currentThread());
        }
        if (Thread.interrupted() && resets.get() == myReset) {
            throw new InterruptedException("the server is stopping");
        }
    }

    /** Interrupts every worker waiting for a resource; they let go of what they hold and start their echo again. */
    public int reset() {
        int n = 0;
        synchronized (resetting) {
            resets.incrementAndGet();
            for (Thread t : inside) {
                t.interrupt();
                n++;
            }
        }
        int interrupted = n;
        events.publish((s, t) -> new Event.DeadlockReset(s, t, interrupted));
        return interrupted;
    }

    /** Echoes that got both resources. */
    public long completed() {
        return completed.sum();
    }

    /** Times a worker failed {@code tryLock} and backed off. */
    public long retries() {
        return retries.sum();
    }

    public void setHoldMillis(long ms) {
        holdNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
    }

    public long holdMillis() {
        return TimeUnit.NANOSECONDS.toMillis(holdNanos);
    }
}
