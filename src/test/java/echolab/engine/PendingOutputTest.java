package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.events.EventBus;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/**
 * Clients that pipeline long lines and never read their echoes: the event loop holds at most
 * about a megabyte of echoes for each before it stops reading it (its socket then holds the
 * client back, as in the blocking models), and a bounded total for all of them; a client that
 * does read is served all along.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class PendingOutputTest {

    private static final int HOSTILE = 6;
    private static final int LINE = 64 * 1024;

    @Test
    void echoesHeldForClientsThatNeverReadAreBoundedInBytesAndOthersAreStillServed() throws Exception {
        EchoServer server = Servers.start(Servers.options(Mode.EVENTS).maxLineBytes(128 * 1024).build(), new EventBus(false));
        List<Socket> hostile = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        AtomicLong written = new AtomicLong();
        try {
            byte[] line = new byte[LINE];
            Arrays.fill(line, (byte) 'x');
            line[LINE - 1] = '\n';
            for (int i = 0; i < HOSTILE; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096); // reads nothing, and has little room for echoes
                s.connect(server.address());
                hostile.add(s);
                Thread w = new Thread(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        for (int k = 0; k < 256; k++) { // 16 MB offered; the server stops taking it long before
                            out.write(line);
                            written.addAndGet(LINE);
                        }
                    } catch (IOException e) {
                        // closed by the test
                    }
                }, "echolab-test-pipeliner-" + i);
                w.start();
                writers.add(w);
            }
            Thread.sleep(1_500); // the pipeliners fill the server until it stops reading them
            EventLoopServer loop = (EventLoopServer) server.currentModel();
            long held = loop.pendingBytes();
            // a megabyte each, plus what one read and one unfinished line can add past it (without
            // the bound: 83 MB here)
            long bound = HOSTILE * ((1L << 20) + 128 * 1024 + 64 * 1024) + 2 * LINE;
            assertTrue(held <= bound, "held " + held + " bytes of echoes for clients that never read; bound " + bound);
            assertTrue(written.get() < HOSTILE * 256L * LINE, "the pipeliners were held back: " + written.get());

            try (LineClient reader = new LineClient(server.address())) {
                reader.send("still served\n");
                assertEquals("still served\n", reader.readLineText());
            }
        } finally {
            for (Socket s : hostile) {
                s.close();
            }
            for (Thread w : writers) {
                w.join(10_000);
            }
            server.close();
        }
    }
}
