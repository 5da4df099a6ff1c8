package echolab.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries events from the threads that make them to any number of subscribers.
 *
 * <p>Threading: {@link #publish} may be called from any thread at any time and never blocks; each
 * subscriber has its own bounded queue, and an event that does not fit is dropped and counted
 * there. When nobody subscribes, or publishing is switched off, events are not even built.
 */
public final class EventBus {

    /** Builds one event once the bus has stamped it. */
    @FunctionalInterface
    public interface Stamped {
        Event make(long seq, long nanos);
    }

    private final AtomicLong sequence = new AtomicLong();
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedByClosed = new AtomicLong();
    private volatile boolean enabled;
    private volatile boolean active;

    /** A bus that publishes as soon as somebody subscribes. */
    public EventBus() {
        this(true);
    }

    /** A bus whose publishing can be switched off, to measure the server without watching it. */
    public EventBus(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether an event published now would reach anybody; cheap enough for every hot path. */
    public boolean active() {
        return active;
    }

    /** Stamps and delivers one event to every subscriber; a no-op when {@link #active()} is false. */
    public void publish(Stamped factory) {
        if (!active) {
            return;
        }
        Event event = factory.make(sequence.incrementAndGet(), System.nanoTime());
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /** Opens a subscription whose queue holds at most {@code capacity} undrained events. */
    public Subscription subscribe(String name, int capacity) {
        Subscription s = new Subscription(this, name, capacity);
        subscriptions.add(s);
        updateActive();
        return s;
    }

    /** Turns publishing on or off for everybody, e.g. for a measurement without observers. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        updateActive();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Events that could not be delivered, summed over all subscriptions, open or closed. */
    public long dropped() {
        long sum = droppedByClosed.get();
        for (Subscription s : subscriptions) {
            sum += s.dropped();
        }
        return sum;
    }

    /** Events stamped so far. */
    public long published() {
        return sequence.get();
    }

    void unsubscribe(Subscription s) {
        if (subscriptions.remove(s)) {
            droppedByClosed.addAndGet(s.dropped());
        }
        updateActive();
    }

    private void updateActive() {
        active = enabled && !subscriptions.isEmpty();
    }
}
