package echolab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;

/** The figures come as events: the lab's sampler publishes the server's books five times a second. */
@ExtendWith(NoLeftovers.class)
@Timeout(30)
class LabFiguresTest {

    @Test
    void theSamplerPublishesTheServersBooksAndTheScenariosAsEvents() throws Exception {
        EventBus bus = new EventBus();
        try (Subscription sub = bus.subscribe("test", 1 << 16);
             Lab lab = Lab.start(ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS).build(), bus);
             ResourceSampler sampler = lab.sampler()) {
            try (LineClient client = new LineClient(lab.address())) {
                client.send("hello\n");
                assertEquals("hello\n", client.readLineText());
            }
            List<Event.ServerFigures> server = new ArrayList<>();
            List<Event.SyncFigures> sync = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((server.stream().noneMatch(f -> f.echoed() == 1) || sync.isEmpty()) && System.nanoTime() < until) {
                sub.drain(e -> {
                    if (e instanceof Event.ServerFigures f) {
                        server.add(f);
                    } else if (e instanceof Event.SyncFigures f) {
                        sync.add(f);
                    }
                }, 10_000);
                Thread.sleep(50);
            }
            assertTrue(server.stream().anyMatch(f -> f.echoed() == 1 && f.counter() == 1), "the books, as events: " + server);
            assertEquals(lab.scenario().id(), sync.get(0).scenario());
        }
    }
}
