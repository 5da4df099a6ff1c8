package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.events.EventBus;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/**
 * A thousand clients connected at once, each echoed and then gone: every one served exactly,
 * nothing turned away, and the server back to no connection at the end. (The pool serves four at
 * a time, so each client closes after its echo to let the next one in.)
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ThousandClientsTest {

    private static final int CLIENTS = 1_000;

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("modes")
    void aThousandClientsAtOnceAreEachServed(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().orElse(""));
        EchoServer server = Servers.start(Servers.options(mode).maxConnections(1_100).build(), new EventBus(false));
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new LineClient(server.address()));
            }
            for (int i = 0; i < CLIENTS; i++) {
                LineClient c = clients.get(i);
                c.send("client " + i + "\n");
                assertEquals("client " + i + "\n", c.readLineText(), "client " + i);
                c.close();
            }
            // a worker counts its echo once the write has returned, which may be just after the
            // client read it: the books are read once the last connection has been closed
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.stats().active() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ServerStats.Snapshot s = server.stats();
            assertEquals(0, s.active());
            assertEquals(CLIENTS, s.accepted());
            assertEquals(CLIENTS, s.echoed());
            assertEquals(0, s.limitHits(), "nobody turned away");
        } finally {
            for (LineClient c : clients) {
                c.close();
            }
            server.close();
        }
    }

    /** The models that serve a thousand at once (not one by one): THREADS, POOL, EVENTS, VIRTUAL, as this pass runs them. */
    static java.util.stream.Stream<Mode> modes() {
        return echolab.testing.PassModes.of(Mode.THREADS, Mode.POOL, Mode.EVENTS, Mode.VIRTUAL);
    }
}
