package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.OtherAddress;
import echolab.testing.Servers;

/**
 * {@code maxPerHost}: another machine gets that many connections and the next is turned away with
 * a one-line error naming the limit and its address; a connection that closes frees its slot; this
 * machine's loopback is never limited. Real sockets: "another machine" is a non-loopback address
 * of this one, which the server sees as any student's.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class PerHostLimitTest {

    private static final int LIMIT = 3;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"THREADS", "POOL", "EVENTS"})
    void anotherMachineGetsItsLimitTheNextIsRefusedAndAClosedConnectionFreesItsSlot(Mode mode) throws Exception {
        InetAddress student = OtherAddress.orSkip();
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(mode).host(student.getHostAddress()).maxPerHost(LIMIT).build(), bus);
            List<LineClient> served = new ArrayList<>();
            try {
                for (int i = 0; i < LIMIT; i++) {
                    served.add(echoing(new LineClient(server.address(), student), "line " + i + "\n"));
                }
                refused(server, student, events, 1);
                for (LineClient c : served) {
                    echoes(c, "still served\n");
                }

                LineClient leaving = served.remove(0);
                long leavingId = serverId(events, leaving);
                leaving.close();
                events.await(Event.ClientClosed.class, e -> e.clientId() == leavingId, 1, WAIT);
                served.add(echoing(new LineClient(server.address(), student), "in the freed slot\n"));
                refused(server, student, events, 2);
            } finally {
                closeAll(served);
                server.close();
            }
        }
    }

    /**
     * Many connections at once from one machine: exactly the limit are served; once they all close,
     * on the workers' threads, every slot is free again.
     */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"THREADS", "POOL", "EVENTS"})
    void aBurstFromOneMachineGetsExactlyItsLimitAndEverySlotComesBack(Mode mode) throws Exception {
        InetAddress student = OtherAddress.orSkip();
        int burst = 20;
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(mode).host(student.getHostAddress()).maxPerHost(LIMIT).build(), bus);
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < burst; i++) {
                    clients.add(new LineClient(server.address(), student));
                }
                List<Event.LimitHit> hits = events.await(Event.LimitHit.class, burst - LIMIT, WAIT);
                Set<Long> refusedIds = hits.stream().map(Event.LimitHit::clientId).collect(Collectors.toSet());
                int servedCount = 0;
                for (LineClient c : clients) {
                    if (refusedIds.contains(serverId(events, c))) {
                        assertEquals(message(student), c.readLineText());
                        assertTrue(c.closedByServer());
                    } else {
                        echoes(c, "served\n");
                        servedCount++;
                    }
                }
                assertEquals(LIMIT, servedCount);
                assertTrue(hits.stream().allMatch(h -> "maxPerHost".equals(h.limit())), hits::toString);

                closeAll(clients);
                clients.clear();
                events.await(Event.ClientClosed.class, burst, WAIT);
                for (int i = 0; i < LIMIT; i++) {
                    clients.add(echoing(new LineClient(server.address(), student), "again " + i + "\n"));
                }
                refused(server, student, events, burst - LIMIT + 1);
            } finally {
                closeAll(clients);
                server.close();
            }
        }
    }

    /** In a classroom the server listens on every address: the students' machines are limited, this machine is not. */
    @Test
    void onEveryAddressTheLoopbackIsNotLimitedWhileAnotherMachineIs() throws Exception {
        InetAddress student = OtherAddress.orSkip();
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.THREADS).host("0.0.0.0").maxPerHost(1).build(), bus);
            InetSocketAddress viaLoopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            InetSocketAddress viaNetwork = new InetSocketAddress(student, server.port());
            List<LineClient> clients = new ArrayList<>();
            try {
                clients.add(echoing(new LineClient(viaNetwork, student), "the student's first\n"));
                for (int i = 0; i < 5; i++) {
                    clients.add(echoing(new LineClient(viaLoopback), "the lab's own " + i + "\n"));
                }
                try (LineClient second = new LineClient(viaNetwork, student)) {
                    assertEquals("ERROR too many connections from " + student.getHostAddress() + ": the limit is 1 per machine\n",
                            second.readLineText());
                }
                events.await(Event.LimitHit.class, 1, WAIT);
                for (LineClient c : clients) {
                    echoes(c, "all still served\n");
                }
                assertEquals(1, events.of(Event.LimitHit.class).size(), () -> events.of(Event.LimitHit.class).toString());
            } finally {
                closeAll(clients);
                server.close();
            }
        }
    }

    /** Runs on every machine: with a limit of 1, many loopback clients at once are all served. */
    @Test
    void loopbackClientsAreNeverLimited() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.THREADS).maxPerHost(1).build(), bus);
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    clients.add(echoing(new LineClient(server.address()), "loopback " + i + "\n"));
                }
                assertEquals(List.of(), events.of(Event.LimitHit.class));
            } finally {
                closeAll(clients);
                server.close();
            }
        }
    }

    /** One more client from {@code student} is turned away in one line and closed; the {@code nth} such refusal. */
    private static void refused(EchoServer server, InetAddress student, EventRecorder events, int nth) throws Exception {
        try (LineClient over = new LineClient(server.address(), student)) {
            assertEquals(message(student), over.readLineText());
            assertTrue(over.closedByServer());
        }
        Event.LimitHit hit = events.await(Event.LimitHit.class, nth, WAIT).get(nth - 1);
        assertEquals("maxPerHost", hit.limit());
        assertEquals(message(student).strip(), hit.message());
    }

    private static String message(InetAddress student) {
        return "ERROR too many connections from " + student.getHostAddress() + ": the limit is " + LIMIT + " per machine\n";
    }

    /** The number the server gave {@code client}'s connection, from its accept (matched by port). */
    private static long serverId(EventRecorder events, LineClient client) throws InterruptedException {
        return events.await(Event.ClientAccepted.class, e -> e.remotePort() == client.localPort(), 1, WAIT).get(0).clientId();
    }

    private static LineClient echoing(LineClient client, String line) throws IOException {
        try {
            echoes(client, line);
            return client;
        } catch (IOException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    private static void echoes(LineClient client, String line) throws IOException {
        client.send(line);
        assertEquals(line, client.readLineText());
    }

    private static void closeAll(List<LineClient> clients) throws IOException {
        for (LineClient c : clients) {
            c.close();
        }
    }
}
