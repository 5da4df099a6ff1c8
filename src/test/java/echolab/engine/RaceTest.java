package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.ClientResult;
import echolab.clients.SimulatedClient;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.sync.Protection;
import echolab.testing.EventRecorder;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/** The shared counter's race: lost updates without protection, none with any protection. */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class RaceTest {

    private static final int CLIENTS = 4;
    private static final int LINES = 100;

    @RepeatedTest(5)
    void unprotectedIncrementsLoseUpdatesWhenWorkersOverlap() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            ServerStats.Snapshot s = run(Protection.NONE, bus);
            assertTrue(s.lost() > 0, "expected lost updates, got " + s);
            assertEquals(s.increments(), s.counter() + s.lost(), "every lost update is accounted for");
            List<Event.LostUpdate> lost = events.of(Event.LostUpdate.class);
            assertFalse(lost.isEmpty());
            for (Event.LostUpdate e : lost) {
                assertNotEquals(e.workerId(), e.overwrittenWorker(), "a collision names two workers: " + e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protection.class, names = {"LOCK", "SEMAPHORE", "ATOMIC"})
    void protectedIncrementsNeverLoseAnUpdate(Protection protection) throws Exception {
        for (int run = 0; run < 3; run++) {
            ServerStats.Snapshot s = run(protection, new EventBus());
            assertEquals(0, s.lost(), protection + " lost updates: " + s);
            assertEquals(CLIENTS * LINES, s.counter());
            assertEquals(s.increments(), s.counter());
        }
    }

    private static ServerStats.Snapshot run(Protection protection, EventBus bus) throws Exception {
        EchoServer server = Servers.start(Servers.options(Mode.POOL).poolSize(CLIENTS)
                .protection(protection).raceWindowMicros(200).build(), bus);
        try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
            List<SimulatedClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(fleet.start(new Behaviour.Burst(LINES, 24)));
            }
            List<ClientResult> results = clients.stream().map(c -> c.result().join()).toList();
            assertTrue(fleet.awaitAll(30, TimeUnit.SECONDS));
            results.forEach(r -> assertTrue(r.allVerified(), r.toString()));
        } finally {
            server.close();
        }
        return server.stats();
    }
}
