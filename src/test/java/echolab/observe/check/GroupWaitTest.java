package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.ClientResult;
import echolab.clients.SimulatedClient;
import echolab.events.EventBus;
import echolab.testing.NoLeftovers;

/**
 * A group of clients is given up only once none of it has been answered for the quiet period: a
 * slow server that keeps answering is waited for past it (a fixed deadline judged such a server,
 * on a loaded machine, to orphan clients), one that holds clients unanswered is given up one quiet
 * period after its last answer. Real sockets on 127.0.0.1, a server written here.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class GroupWaitTest {

    private static final long MS = 1_000_000L;

    @Test
    void theTimeLeftRunsFromTheLastAnswerAndNeverPastTheCap() {
        assertEquals(500 * MS, GroupWait.waitLeft(0, 0, 0, 500 * MS, 10_000 * MS), "from the start when none is answered");
        assertEquals(400 * MS, GroupWait.waitLeft(900 * MS, 0, 800 * MS, 500 * MS, 10_000 * MS), "from the last answer");
        assertTrue(GroupWait.waitLeft(1_301 * MS, 0, 800 * MS, 500 * MS, 10_000 * MS) < 0, "a quiet period without an answer");
        assertEquals(100 * MS, GroupWait.waitLeft(9_900 * MS, 0, 9_800 * MS, 500 * MS, 10_000 * MS), "the cap comes first");
    }

    @Test
    void aSlowServerThatKeepsAnsweringIsWaitedForPastTheQuietPeriod() throws Exception {
        // one client at a time, 250 ms each: six take 1.5 s, three times the quiet period
        try (EchoOneAtATime server = new EchoOneAtATime(250, Integer.MAX_VALUE)) {
            EventBus bus = new EventBus();
            try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
                List<SimulatedClient> clients = start(fleet, 6);
                long t0 = System.nanoTime();
                Map<String, ClientResult> answered = GroupWait.await(clients, 500, 20_000);
                long took = (System.nanoTime() - t0) / MS;
                assertEquals(6, answered.size(), answered.keySet().toString());
                answered.values().forEach(r -> assertTrue(r.allVerified(), r.toString()));
                assertTrue(took > 1_000, "waited past the quiet period while answers came: " + took + " ms");
            }
        }
    }

    @Test
    void clientsLeftUnansweredAreGivenUpOneQuietPeriodAfterTheLastAnswer() throws Exception {
        // the first two are echoed at once; the others are accepted and never read
        try (EchoOneAtATime server = new EchoOneAtATime(0, 2)) {
            EventBus bus = new EventBus();
            try (ClientFleet fleet = new ClientFleet(server.address(), bus)) {
                List<SimulatedClient> clients = start(fleet, 5);
                long t0 = System.nanoTime();
                Map<String, ClientResult> answered = GroupWait.await(clients, 500, 20_000);
                long took = (System.nanoTime() - t0) / MS;
                assertEquals(2, answered.size(), answered.keySet().toString());
                assertTrue(took >= 500 && took < 5_000, "given up a quiet period after the last answer: " + took + " ms");
                for (SimulatedClient c : clients) {
                    c.disconnect();
                    c.result().get(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static List<SimulatedClient> start(ClientFleet fleet, int n) throws InterruptedException {
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(fleet.start(new Behaviour.Steady(1, 0, 48)));
            TimeUnit.MILLISECONDS.sleep(5); // in order: the server takes them one after another
        }
        return clients;
    }

    /**
     * An iterative echo server of lines: it serves one connection at a time, waiting {@code delayMillis}
     * before each echo; after {@code echoing} connections it accepts the others and never reads them.
     */
    private static final class EchoOneAtATime implements AutoCloseable {
        private final ServerSocket listening;
        private final Thread thread;
        private final List<Socket> held = new ArrayList<>();

        EchoOneAtATime(long delayMillis, int echoing) throws IOException {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(delayMillis, echoing), "echolab-test-one-at-a-time");
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
        }

        private void serve(long delayMillis, int echoing) {
            try {
                for (int served = 0; ; served++) {
                    Socket s = listening.accept();
                    if (served >= echoing) {
                        held.add(s);
                        continue;
                    }
                    try (s) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        ByteLine line = ByteLine.read(in);
                        TimeUnit.MILLISECONDS.sleep(delayMillis);
                        out.write(line.bytes());
                        out.flush();
                        while (in.read() >= 0) {
                            // until the client leaves
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed: the test is over
            }
        }

        @Override
        public void close() throws Exception {
            listening.close();
            thread.join(5_000);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** One line as read, its newline included. */
    private record ByteLine(byte[] bytes) {
        static ByteLine read(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return new ByteLine(line.toByteArray());
        }
    }
}
