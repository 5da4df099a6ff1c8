package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Arrays;

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

/** Each limit turns one client away with a one-line error and leaves the others served. */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class LimitsTest {

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aLineOverTheLimitIsRefusedAndTheOthersAreStillServed(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(mode).maxLineBytes(1000).build(), bus);
            try {
                if (mode == Mode.ITERATIVE) { // one at a time: the bystander comes after the offender
                    offendWithLongLine(server);
                    try (LineClient bystander = new LineClient(server.address())) {
                        echoes(bystander, "after\n");
                    }
                } else {
                    try (LineClient bystander = new LineClient(server.address())) {
                        echoes(bystander, "before\n");
                        offendWithLongLine(server);
                        echoes(bystander, "after\n");
                    }
                }
                Event.LimitHit hit = events.await(Event.LimitHit.class, 1, Duration.ofSeconds(10)).get(0);
                assertEquals("maxLine", hit.limit());
            } finally {
                server.close();
            }
        }
    }

    private static void offendWithLongLine(EchoServer server) throws Exception {
        try (LineClient offender = new LineClient(server.address())) {
            byte[] exactlyAtLimit = new byte[1001];
            Arrays.fill(exactlyAtLimit, (byte) 'a');
            exactlyAtLimit[1000] = '\n';
            offender.send(exactlyAtLimit);
            assertEquals(1001, offender.readLine().length, "a line of exactly the limit is fine");
            byte[] tooLong = new byte[1500];
            Arrays.fill(tooLong, (byte) 'b');
            offender.send(tooLong);
            assertEquals("ERROR line too long: the limit is 1000 bytes\n", offender.readLineText());
            assertTrue(offender.closedByServer());
        }
    }

    @Test
    void connectionsOverTheLimitAreTurnedAway() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.THREADS).maxConnections(2).build(), bus);
            try (LineClient a = new LineClient(server.address()); LineClient b = new LineClient(server.address())) {
                echoes(a, "a\n");
                echoes(b, "b\n");
                try (LineClient c = new LineClient(server.address())) {
                    assertEquals("ERROR too many connections: the limit is 2\n", c.readLineText());
                    assertTrue(c.closedByServer());
                }
                echoes(a, "a again\n");
                echoes(b, "b again\n");
                assertEquals("maxConnections", events.await(Event.LimitHit.class, 1, Duration.ofSeconds(5)).get(0).limit());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void childProcessesOverTheLimitAreRefusedWithAMessage() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).maxProcesses(1).build(), bus);
            try (LineClient a = new LineClient(server.address())) {
                echoes(a, "a\n");
                try (LineClient b = new LineClient(server.address())) {
                    assertEquals("ERROR too many child processes: the limit is 1, try again later\n", b.readLineText());
                    assertTrue(b.closedByServer());
                }
                echoes(a, "a again\n");
                assertEquals("maxProcesses", events.await(Event.LimitHit.class, 1, Duration.ofSeconds(5)).get(0).limit());
                assertEquals(1, server.stats().processesSpawned());
            } finally {
                server.close();
            }
        }
    }

    private static void echoes(LineClient client, String line) throws Exception {
        client.send(line);
        assertEquals(line, client.readLineText());
    }
}
