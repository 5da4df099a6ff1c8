package echolab.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * The counter every echoed line increments: the shared variable of the lab's race.
 *
 * <p>An increment is a read, a wait of the race window, and a write of the value read plus one,
 * wrapped in the current {@link Protection}. Unprotected, two workers that overlap both write the
 * same value and one increment vanishes. The counter keeps exact books anyway: each write swaps
 * in a cell that names its writer, so a write that lands on a cell it did not read knows whose
 * increments it erased and how many. Once no increment is in flight, {@code increments() - value()}
 * equals {@link #lost()}.
 *
 * <p>Threading: every method may be called from any thread. Changing the protection affects
 * increments that start afterwards; one already running finishes under the protection it began with.
 */
public final class SharedCounter {

    /** One written value and who wrote it; compared by identity to detect lost writes. */
    private record Cell(long value, String writer) {
    }

    private final EventBus events;
    private final AtomicReference<Cell> cell = new AtomicReference<>(new Cell(0, "nobody"));
    private final LongAdder increments = new LongAdder();
    private final AtomicLong lost = new AtomicLong();
    private final LongAdder collisions = new LongAdder();
    private final LongAdder casRetries = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Semaphore semaphore = new Semaphore(1);
    private volatile Protection protection;
    private volatile long raceWindowNanos;

    public SharedCounter(EventBus events, Protection protection, long raceWindowMicros) {
        this.events = events;
        this.protection = protection;
        this.raceWindowNanos = TimeUnit.MICROSECONDS.toNanos(raceWindowMicros);
    }

    /**
     * Adds one on behalf of {@code worker} serving {@code clientId}; returns the value it wrote.
     * May block on the lock or semaphore, and always takes at least the race window.
     */
    public long increment(long clientId, String worker) {
        Protection p = protection;
        long written = switch (p) {
            case NONE -> readWaitWrite(clientId, worker);
            case LOCK -> lockedIncrement(clientId, worker);
            case SEMAPHORE -> semaphoreIncrement(clientId, worker);
            case ATOMIC -> compareAndSetIncrement(clientId, worker);
        };
        increments.increment();
        return written;
    }

    private long lockedIncrement(long clientId, String worker) {
        long asked = requested(clientId, worker, Protection.LOCK);
        lock.lock();
        try {
            acquired(clientId, worker, Protection.LOCK, asked);
            return readWaitWrite(clientId, worker);
        } finally {
            lock.unlock();
            released(clientId, worker, Protection.LOCK);
        }
    }

    private long semaphoreIncrement(long clientId, String worker) {
        long asked = requested(clientId, worker, Protection.SEMAPHORE);
        semaphore.acquireUninterruptibly();
        try {
            acquired(clientId, worker, Protection.SEMAPHORE, asked);
            return readWaitWrite(clientId, worker);
        } finally {
            semaphore.release();
            released(clientId, worker, Protection.SEMAPHORE);
        }
    }

    /** The unprotected read-modify-write; under a lock or semaphore it is the critical section. */
    private long readWaitWrite(long clientId, String worker) {
        Cell seen = read(clientId, worker);
        RaceWindow.pause(raceWindowNanos);
        Cell mine = new Cell(seen.value + 1, worker);
        Cell overwritten = cell.getAndSet(mine);
        if (events.active()) { // every line comes here: no lambda when nobody listens
            events.publish((s, t) -> new Event.CounterWritten(s, t, clientId, worker, mine.value));
        }
        if (overwritten != seen) {
            long erased = overwritten.value - seen.value;
            lost.addAndGet(erased);
            collisions.increment();
            if (erased > 0) {
                events.publish((s, t) -> new Event.LostUpdate(s, t, clientId, worker, overwritten.writer,
                        mine.value, erased));
            }
        }
        return mine.value;
    }

    private long compareAndSetIncrement(long clientId, String worker) {
        while (true) {
            Cell seen = read(clientId, worker);
            RaceWindow.pause(raceWindowNanos);
            Cell mine = new Cell(seen.value + 1, worker);
            if (cell.compareAndSet(seen, mine)) {
                events.publish((s, t) -> new Event.CounterWritten(s, t, clientId, worker, mine.value));
                return mine.value;
            }
            casRetries.increment();
        }
    }

    private Cell read(long clientId, String worker) {
        Cell seen = cell.get();
        if (events.active()) {
            events.publish((s, t) -> new Event.CounterRead(s, t, clientId, worker, seen.value));
        }
        return seen;
    }

    private long requested(long clientId, String worker, Protection p) {
        events.publish((s, t) -> new Event.LockRequested(s, t, clientId, worker, p.id()));
        return System.nanoTime();
    }

    private void acquired(long clientId, String worker, Protection p, long askedAt) {
        if (events.active()) {
            long waited = System.nanoTime() - askedAt;
            events.publish((s, t) -> new Event.LockAcquired(s, t, clientId, worker, p.id(), waited));
        }
    }

    private void released(long clientId, String worker, Protection p) {
        events.publish((s, t) -> new Event.LockReleased(s, t, clientId, worker, p.id()));
    }

    // Figures

    /** The counter as it stands. */
    public long value() {
        return cell.get().value;
    }

    /** Increments that completed: what the counter would hold had none been lost. */
    public long increments() {
        return increments.sum();
    }

    /** Increments erased by overlapping writes (net of the rare write that restores one). */
    public long lost() {
        return lost.get();
    }

    /** Writes that landed on a value they had not read. */
    public long collisions() {
        return collisions.sum();
    }

    /** Compare-and-set attempts that found the value changed and tried again. */
    public long casRetries() {
        return casRetries.sum();
    }

    // Settings

    public Protection protection() {
        return protection;
    }

    public void setProtection(Protection protection) {
        this.protection = protection;
    }

    public long raceWindowMicros() {
        return TimeUnit.NANOSECONDS.toMicros(raceWindowNanos);
    }

    public void setRaceWindowMicros(long micros) {
        this.raceWindowNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(0, micros));
    }
}
