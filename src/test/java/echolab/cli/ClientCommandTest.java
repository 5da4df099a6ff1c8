package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.events.EventBus;
import echolab.testing.EchoLabJvm;
import echolab.testing.EchoLabJvm.Run;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/** {@code client}, the nc for machines without one, against a real echo server on 127.0.0.1. */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ClientCommandTest {

    @Test
    void linesFromStdinComeBackOnStdoutByteForByte() throws Exception {
        EchoServer server = Servers.start(Servers.options(Mode.THREADS).build(), new EventBus(false));
        try {
            String typed = "hello\nsecond line, with ünïcödé\n\nlast\n";
            Run run = EchoLabJvm.run(typed, 60, "client", "127.0.0.1", String.valueOf(server.address().getPort()));
            assertEquals(0, run.code(), run.err());
            assertEquals(typed, run.out());
        } finally {
            server.close();
        }
    }

    @Test
    void aBurstConnectsEveryClientAtOnceAndReportsTheirEchoes() throws Exception {
        EchoServer server = Servers.start(Servers.options(Mode.POOL).poolSize(4).build(), new EventBus(false));
        try {
            Run run = EchoLabJvm.run("", 60, "client", "127.0.0.1", String.valueOf(server.address().getPort()), "--burst", "40");
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().startsWith("40 of 40 clients echoed, the last "), run.out());
            assertEquals(40, server.stats().accepted(), "forty connections");
        } finally {
            server.close();
        }
    }

    @Test
    void aBurstSaysWhichClientsGotNoEchoAndExitsOne() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // accepts (the kernel does, into the backlog) but never answers
            Run run = EchoLabJvm.run("", 60, "client", "127.0.0.1", String.valueOf(silent.getLocalPort()),
                    "--burst", "3", "--timeout-s", "1");
            assertEquals(1, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("client-1: no echo within 1 s"), run.out());
            assertTrue(run.out().endsWith("0 of 3 clients echoed\n"), run.out());
        }
    }

    @Test
    void nobodyListeningIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run run = EchoLabJvm.run("hello\n", 60, "client", "127.0.0.1", String.valueOf(port));
        assertEquals(1, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("client: cannot connect to 127.0.0.1:" + port + " ("), run.err());
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() throws Exception {
        Run run = EchoLabJvm.run("", 60, "client", "127.0.0.1", "7", "--burst", "0");
        assertEquals(2, run.code());
        assertEquals("client: --burst must be 1 to 1000, not 0\n", run.err());
        run = EchoLabJvm.run("", 60, "client", "no-such-host.invalid", "7");
        assertEquals(2, run.code());
        assertEquals("client: unknown host no-such-host.invalid\n", run.err());
    }
}
