package echolab.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventBusTest {

    private static Event.ServerStopped stopped(long seq, long nanos) {
        return new Event.ServerStopped(seq, nanos, "test");
    }

    @Test
    void aFullSubscriptionDropsAndCountsInsteadOfBlocking() throws Exception {
        EventBus bus = new EventBus();
        Subscription slow = bus.subscribe("never drained", 16);
        int threads = 4;
        int each = 10_000;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread publisher = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        bus.publish(EventBusTest::stopped);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            }, "publisher-" + t);
            publisher.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        List<Event> got = new ArrayList<>();
        assertEquals(16, slow.drain(got::add, Integer.MAX_VALUE), "the queue holds its capacity, no more");
        assertEquals(threads * each - 16, slow.dropped());
        assertEquals(threads * each - 16, bus.dropped());
        assertEquals(threads * each, bus.published());
    }

    @Test
    void eachSubscriberSeesEveryEventInPublicationOrderFromOneThread() {
        EventBus bus = new EventBus();
        Subscription a = bus.subscribe("a", 1024);
        Subscription b = bus.subscribe("b", 1024);
        for (int i = 0; i < 100; i++) {
            bus.publish(EventBusTest::stopped);
        }
        List<Long> seqA = new ArrayList<>();
        List<Long> seqB = new ArrayList<>();
        a.drain(e -> seqA.add(e.seq()), 1000);
        b.drain(e -> seqB.add(e.seq()), 1000);
        assertEquals(100, seqA.size());
        assertEquals(seqA, seqB);
        for (int i = 1; i < seqA.size(); i++) {
            assertTrue(seqA.get(i) > seqA.get(i - 1));
        }
    }

    @Test
    void nothingIsBuiltWhenNobodyListensOrPublishingIsOff() {
        AtomicInteger built = new AtomicInteger();
        EventBus bus = new EventBus();
        bus.publish((s, t) -> {
            built.incrementAndGet();
            return stopped(s, t);
        });
        assertEquals(0, built.get(), "no subscriber, no event");
        Subscription s = bus.subscribe("x", 8);
        bus.setEnabled(false);
        assertFalse(bus.active());
        bus.publish((q, t) -> {
            built.incrementAndGet();
            return stopped(q, t);
        });
        assertEquals(0, built.get(), "publishing off, no event");
        bus.setEnabled(true);
        bus.publish((q, t) -> {
            built.incrementAndGet();
            return stopped(q, t);
        });
        assertEquals(1, built.get());
        s.close();
        assertFalse(bus.active());
    }
}
