package echolab.events;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * One reader's bounded view of the event stream.
 *
 * <p>Threading: any number of publishers offer; exactly one thread at a time drains. The queue is
 * a fixed array, so a slow reader costs dropped events (counted), never memory or a blocked server.
 */
public final class Subscription implements AutoCloseable {

    private final EventBus bus;
    private final String name;
    private final MpscAtomicArrayQueue<Event> queue;
    private final LongAdder dropped = new LongAdder();

    Subscription(EventBus bus, String name, int capacity) {
        this.bus = bus;
        this.name = name;
        this.queue = new MpscAtomicArrayQueue<>(Math.max(2, capacity));
    }

    void offer(Event event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Hands at most {@code max} queued events to {@code sink}, oldest first; returns how many. */
    public int drain(Consumer<? super Event> sink, int max) {
        int n = 0;
        Event e;
        while (n < max && (e = queue.poll()) != null) {
            sink.accept(e);
            n++;
        }
        return n;
    }

    /** Takes one event, or null when none is queued. */
    public Event poll() {
        return queue.poll();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Events this subscription could not take because its queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        bus.unsubscribe(this);
    }
}
