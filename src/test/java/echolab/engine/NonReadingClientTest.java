package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.events.EventBus;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/**
 * A client that writes and never reads its echoes, in each model: the worker serving it is held
 * back by its socket (the event loop stops reading it), and every other client goes on being
 * served where the model allows it; in the iterative model nobody else is served until it leaves.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class NonReadingClientTest {

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aClientThatNeverReadsHoldsOnlyItsOwnWorker(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().orElse(""));
        EchoServer server = Servers.start(Servers.options(mode).poolSize(4).build(), new EventBus(false));
        Socket hog = new Socket();
        Thread writer = null;
        try {
            hog.setReceiveBufferSize(4096);
            hog.connect(server.address());
            byte[] line = new byte[16 * 1024];
            Arrays.fill(line, (byte) 'h');
            line[line.length - 1] = '\n';
            writer = new Thread(() -> {
                try {
                    OutputStream out = hog.getOutputStream();
                    for (int i = 0; i < 2_000; i++) { // 32 MB offered: far more than the buffers between
                        out.write(line);
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "echolab-test-hog");
            writer.start();
            Thread.sleep(500); // the hog's worker is stuck writing echoes nobody reads by now

            try (LineClient other = new LineClient(server.address())) {
                CompletableFuture<String> echo = CompletableFuture.supplyAsync(() -> {
                    try {
                        other.send("me too\n");
                        return other.readLineText();
                    } catch (IOException e) {
                        return "failed: " + e;
                    }
                });
                if (mode == Mode.ITERATIVE) {
                    assertFalse(completesWithin(echo, 1_000), "one client at a time: the hog holds the only thread");
                    hog.close(); // it leaves; the next one in the backlog is served
                }
                assertEquals("me too\n", echo.get(10, TimeUnit.SECONDS));
            }
        } finally {
            hog.close();
            if (writer != null) {
                writer.join(10_000);
            }
            server.close();
        }
    }

    private static boolean completesWithin(CompletableFuture<String> f, long millis) throws Exception {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
