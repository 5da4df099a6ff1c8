package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.ClientResult;
import echolab.clients.SimulatedClient;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ModeSwitchTest {

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @Test
    void switchingThroughEveryModeWhileClientsSendLosesNothing() throws Exception {
        List<Mode> modes = Arrays.stream(Mode.values()).filter(m -> m.unavailableReason().isEmpty()).toList();
        EventBus bus = new EventBus();
        EchoServer server = Servers.start(Servers.options(Mode.POOL).build(), bus);
        List<SimulatedClient> clients = new ArrayList<>();
        try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
            List<String> idleSwitches = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Mode mode : modes) {
                    if (!clients.isEmpty() && server.stats().active() == 0) {
                        idleSwitches.add(server.mode() + " -> " + mode); // nobody in service: the switch would prove nothing
                    }
                    server.switchMode(mode);
                    for (int i = 0; i < 3; i++) { // keep clients of the old modes talking across the switch
                        clients.add(fleet.start(new Behaviour.Steady(8, 15, 40)));
                        Thread.sleep(40);
                    }
                }
            }
            assertEquals(List.of(), idleSwitches, "every switch but the first happened with connections in service");
            List<ClientResult> results = clients.stream().map(c -> c.result().join()).toList();
            assertTrue(fleet.awaitAll(30, TimeUnit.SECONDS));
            int sent = 0;
            for (ClientResult r : results) {
                assertTrue(r.allVerified(), r.toString());
                sent += r.linesSent();
            }
            ServerStats.Snapshot s = server.stats();
            assertEquals(sent, s.echoed(), "every line sent was echoed once");
            assertEquals(sent, s.linesReceived());
        } finally {
            server.close();
        }
    }

    @Test
    void switchingAwayFromIterativeServesTheBacklogWhileTheOldClientFinishes() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.ITERATIVE).build(), bus);
            try (LineClient holder = new LineClient(server.address())) {
                holder.send("first\n");
                assertEquals("first\n", holder.readLineText());
                try (LineClient waiting = new LineClient(server.address())) {
                    waiting.send("let me in\n"); // connect and write return: the kernel queues both
                    assertEquals(1, events.of(Event.ClientAccepted.class).size(), "the second is in the backlog");

                    server.switchMode(Mode.THREADS);

                    assertEquals("let me in\n", waiting.readLineText());
                    assertEquals("threads", events.await(Event.ClientAccepted.class, 2, Duration.ofSeconds(10))
                            .get(1).mode());
                }
                holder.send("still served by the iterative worker\n");
                assertEquals("still served by the iterative worker\n", holder.readLineText());
                Event.WorkerAssigned first = events.of(Event.WorkerAssigned.class).get(0);
                assertEquals("iterative", first.mode());
            } finally {
                server.close();
            }
        }
    }
}
