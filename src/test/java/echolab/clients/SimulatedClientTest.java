package echolab.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

@ExtendWith(NoLeftovers.class)
@Timeout(60)
class SimulatedClientTest {

    @Test
    void everyBehaviourHasAllItsLinesVerified() throws Exception {
        EventBus bus = new EventBus();
        EchoServer server = Servers.start(Servers.options(Mode.POOL).build(), bus);
        try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
            List<SimulatedClient> clients = List.of(
                    fleet.start(new Behaviour.Steady(5, 5, 64)),
                    fleet.start(new Behaviour.Burst(50, 200)),
                    fleet.start(new Behaviour.Slow(100, 1, 2, 12)));
            for (SimulatedClient c : clients) {
                ClientResult r = c.result().get(30, TimeUnit.SECONDS);
                assertTrue(r.allVerified(), r.toString());
            }
            assertEquals(57, server.stats().echoed());
        } finally {
            server.close();
        }
    }

    @Test
    void aClientNoticesAnEchoThatIsNotByteForByte() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ServerSocket shouting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = shouting.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        out.write(Character.toUpperCase(b)); // almost an echo
                        if (b == '\n') {
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            }, "echolab-test-shouting-server");
            server.start();
            SimulatedClient client = new SimulatedClient("client-x",
                    new InetSocketAddress(shouting.getInetAddress(), shouting.getLocalPort()),
                    new Behaviour.Steady(1, 0, 20), new EventBus());
            client.run();
            ClientResult r = client.result().get();
            assertFalse(r.allVerified());
            assertEquals("echo differs from line 1", r.outcome());
            server.join(5_000);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /**
     * The lab's point about the iterative server: a second client's connect and write return at
     * once (the kernel queues the connection and buffers the bytes), but its read waits until the
     * first client leaves.
     */
    @Test
    void onAnIterativeServerTheSecondClientBlocksOnlyInRead() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.ITERATIVE).build(), bus);
            try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
                SimulatedClient slow = fleet.start(new Behaviour.Slow(1_500, 1, 1, 8));
                events.await(Event.WorkerAssigned.class, 1, Duration.ofSeconds(10));
                SimulatedClient second = fleet.start(new Behaviour.Steady(1, 0, 16));
                events.await(Event.ClientWaitingForEcho.class, e -> e.client().equals(second.name()), 1,
                        Duration.ofSeconds(10));
                assertFalse(slow.result().isDone(), "the slow client still holds the only worker");
                assertEquals(1, events.of(Event.ClientWriteReturned.class).stream()
                        .filter(e -> e.client().equals(second.name())).count(), "write returned");
                assertEquals(1, events.of(Event.ClientAccepted.class).size(), "still in the backlog");

                assertTrue(second.result().get(30, TimeUnit.SECONDS).allVerified());
                assertTrue(slow.result().get(30, TimeUnit.SECONDS).allVerified());
                List<Event> all = events.all();
                long firstClosed = all.stream().filter(e -> e instanceof Event.ClientClosed c && c.clientId() == 1)
                        .findFirst().orElseThrow().seq();
                long secondEcho = all.stream()
                        .filter(e -> e instanceof Event.ClientEchoReceived r && r.client().equals(second.name()))
                        .findFirst().orElseThrow().seq();
                assertTrue(secondEcho > firstClosed, "the second echo comes only after the first client left");
            } finally {
                server.close();
            }
        }
    }
}
