package echolab.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import echolab.base.LabThreads;

/**
 * Takes every event off a subscription on its own thread and counts it, as a watching window would
 * but without drawing: what it costs the server to be watched, and no more.
 *
 * <p>Threading: its own thread ({@code echolab-event-drain}); {@link #close} stops it.
 */
public final class EventDrain implements AutoCloseable {

    private final Subscription subscription;
    private final Thread thread;
    private final LongAdder taken = new LongAdder();
    private volatile boolean stopping;

    public EventDrain(Subscription subscription) {
        this.subscription = subscription;
        this.thread = LabThreads.startDaemon("echolab-event-drain", this::run);
    }

    private void run() {
        while (!stopping) {
            int n = subscription.drain(e -> { }, 4096);
            taken.add(n);
            if (n == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** Events taken so far. */
    public long taken() {
        return taken.sum();
    }

    /** Events the subscription could not hold. */
    public long dropped() {
        return subscription.dropped();
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
