package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/**
 * The lab's first lesson: with a service delay, the iterative server serves four clients one after
 * another, and every concurrent model serves them at the same time.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class ConcurrencyTimingTest {

    private static final long DELAY_MS = 400;
    private static final int CLIENTS = 4;

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void fourClientsTakeFourDelaysIterativelyAndAboutOneOtherwise(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        long elapsed = serveFourClientsAtOnce(Servers.options(mode).delayMillis(DELAY_MS).poolSize(CLIENTS).build());
        if (mode == Mode.ITERATIVE) {
            assertTrue(elapsed >= 3.5 * DELAY_MS && elapsed < 8 * DELAY_MS,
                    "iterative should take about 4 delays, took " + elapsed + " ms");
        } else {
            assertTrue(elapsed >= DELAY_MS && elapsed < 2 * DELAY_MS,
                    mode + " should take about one delay, took " + elapsed + " ms");
        }
    }

    @Test
    void anEventLoopThatBlocksInItsHandlerStallsEverybody() throws Exception {
        long elapsed = serveFourClientsAtOnce(Servers.options(Mode.EVENTS).delayMillis(DELAY_MS).blockingLoop(true).build());
        assertTrue(elapsed >= 3.5 * DELAY_MS, "a blocking loop serves one line at a time, took " + elapsed + " ms");
    }

    /**
     * Connects four clients, waits until the server is ready for all it will take at once, then
     * sends one line from each and returns the time until the last echo arrived.
     */
    private static long serveFourClientsAtOnce(ServerOptions options) throws Exception {
        EventBus bus = new EventBus();
        List<LineClient> clients = new ArrayList<>();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(options, bus);
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(new LineClient(server.address()));
                }
                awaitReady(options.mode(), events);
                long start = System.nanoTime();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.get(i).send("client " + i + "\n");
                }
                for (int i = 0; i < CLIENTS; i++) {
                    assertArrayEquals(("client " + i + "\n").getBytes(StandardCharsets.US_ASCII),
                            clients.get(i).readLine());
                    clients.get(i).close(); // an iterative server needs the client to leave
                }
                return (System.nanoTime() - start) / 1_000_000;
            } finally {
                for (LineClient c : clients) {
                    c.close();
                }
                server.close();
            }
        }
    }

    private static void awaitReady(Mode mode, EventRecorder events) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(30);
        switch (mode) {
            case ITERATIVE -> events.await(Event.WorkerAssigned.class, 1, timeout);
            case PROCESSES -> events.await(Event.ProcessReady.class, CLIENTS, timeout);
            default -> events.await(Event.WorkerAssigned.class, CLIENTS, timeout);
        }
    }
}
