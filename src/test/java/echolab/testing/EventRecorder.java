package echolab.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.events.Subscription;

/**
 * Collects every event of a bus into a list that tests can wait on. Polls its subscription only
 * when asked, on the test thread, so it adds no thread of its own.
 */
public final class EventRecorder implements AutoCloseable {

    private final Subscription subscription;
    private final List<Event> events = new ArrayList<>();

    public EventRecorder(EventBus bus) {
        this.subscription = bus.subscribe("test recorder", 1 << 20);
    }

    /** Everything recorded so far, in order of arrival. */
    public synchronized List<Event> all() {
        subscription.drain(events::add, Integer.MAX_VALUE);
        return List.copyOf(events);
    }

    public <T extends Event> List<T> of(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until {@code count} events of {@code type} that match {@code filter} have arrived. */
    public <T extends Event> List<T> await(Class<T> type, Predicate<T> filter, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = of(type).stream().filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + count + " " + type.getSimpleName()
                        + " events, got " + found.size() + ": " + found);
            }
            Thread.sleep(5);
        }
    }

    public <T extends Event> List<T> await(Class<T> type, int count, Duration timeout) throws InterruptedException {
        return await(type, e -> true, count, timeout);
    }

    public long dropped() {
        return subscription.dropped();
    }

    @Override
    public void close() {
        subscription.close();
    }

    /**
     * {@code events} in the order they were published. The bus stamps and delivers without a lock, so
     * two events published at once by two threads may reach two subscriptions in different orders:
     * what two subscriptions (a recording, the window, {@code serve --events}) saw is compared so.
     */
    public static List<Event> bySeq(List<Event> events) {
        return events.stream().sorted(java.util.Comparator.comparingLong(Event::seq)).toList();
    }
}
