package echolab.sync;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * The counting semaphore scenario: at most K workers do the echo work at once; the others wait at
 * the gate. K can change while workers are inside: fewer permits take effect as they leave.
 *
 * <p>Threading: any thread.
 */
public final class CountingGate {

    public static final String NAME = "semaphore";

    /** A semaphore whose number of permits can also go down. */
    private static final class Permits extends Semaphore {
        private static final long serialVersionUID = 1L;

        Permits(int n) {
            super(n, true);
        }

        void reduce(int n) {
            reducePermits(n);
        }
    }

    private final EventBus events;
    private final Permits permits;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger maxInside = new AtomicInteger();
    // @GuardedBy("this")
    private int size;

    public CountingGate(EventBus events, int permits) {
        this.events = events;
        this.size = permits;
        this.permits = new Permits(permits);
    }

    /** Lets {@code k} workers in at once from now on; the highest count inside starts again from here. */
    public synchronized void setPermits(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("permits must be at least 1 but was " + k);
        }
        if (k > size) {
            permits.release(k - size);
        } else if (k < size) {
            permits.reduce(size - k);
        }
        size = k;
        maxInside.set(inside.get());
    }

    public synchronized int permits() {
        return size;
    }

    /** Runs {@code work} with one permit. */
    public void run(long clientId, String worker, Work work) throws IOException, InterruptedException {
        events.publish((s, t) -> new Event.ResourceWaiting(s, t, clientId, worker, NAME));
        long asked = System.nanoTime();
        permits.acquire();
        int now = inside.incrementAndGet();
        try {
            maxInside.accumulateAndGet(now, Math::max);
            long waited = System.nanoTime() - asked;
            events.publish((s, t) -> new Event.ResourceHeld(s, t, clientId, worker, NAME, waited, now));
            work.run();
        } finally {
            inside.decrementAndGet();
            permits.release();
            events.publish((s, t) -> new Event.ResourceReleased(s, t, clientId, worker, NAME));
        }
    }

    /** Workers inside now. */
    public int inside() {
        return inside.get();
    }

    /** The most workers inside at once since the number of permits was last set. */
    public int maxInside() {
        return maxInside.get();
    }
}
