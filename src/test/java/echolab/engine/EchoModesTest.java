package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.events.EventBus;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

@ExtendWith(NoLeftovers.class)
@Timeout(60)
class EchoModesTest {

    /** Lines that catch a server that is not byte-exact. */
    static byte[] trickyLines() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes("plain ascii\n".getBytes(StandardCharsets.US_ASCII));
        all.writeBytes("windows line ending\r\n".getBytes(StandardCharsets.US_ASCII));
        all.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
        all.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        all.writeBytes("ünïcödé ✓ 漢字\n".getBytes(StandardCharsets.UTF_8));
        all.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00, 0x7F, '\n'}); // invalid UTF-8
        byte[] everyByte = new byte[256];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (b != '\n') {
                everyByte[n++] = (byte) b;
            }
        }
        everyByte[n++] = '\n';
        all.writeBytes(Arrays.copyOf(everyByte, n));
        byte[] longLine = new byte[60_000];
        Arrays.fill(longLine, (byte) 'x');
        longLine[longLine.length - 1] = '\n';
        all.writeBytes(longLine);
        for (int i = 0; i < 50; i++) { // many short lines in one write
            all.writeBytes(("pipelined " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return all.toByteArray();
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void everyModeEchoesTrickyLinesByteForByte(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        byte[] lines = trickyLines();
        EchoServer server = Servers.start(Servers.options(mode).build(), new EventBus());
        try (LineClient client = new LineClient(server.address())) {
            for (int at = 0; at < lines.length; at += 1000) { // arbitrary chunks, split inside lines
                client.send(Arrays.copyOfRange(lines, at, Math.min(lines.length, at + 1000)));
            }
            assertArrayEquals(lines, client.readBytes(lines.length));
            client.send("unterminated tail is not a line");
            client.shutdownOutput();
            assertTrue(client.closedByServer(), "the server closes after the client's end of input");
        } finally {
            server.close();
        }
        assertTrue(Servers.portClosed(server.address()), "port released after close");
    }
}
