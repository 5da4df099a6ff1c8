package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.engine.child.ChildEcho;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/** A child that never starts is given up on, its client told why; one that says something odd is not an error. */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class ChildStartTest {

    @AfterEach
    void restore() {
        ChildLauncher.childMain = ChildEcho.class.getName();
        ChildRelay.readyTimeoutMillis = 15_000;
    }

    @Test
    void aChildThatNeverSaysItIsReadyIsEndedReapedAndItsClientToldWhy() throws Exception {
        ChildLauncher.childMain = MisbehavingChildren.NeverReady.class.getName();
        ChildRelay.readyTimeoutMillis = 1_500;
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            try (LineClient client = new LineClient(server.address())) {
                client.send("anyone there?\n");
                assertEquals("ERROR the server's process for you did not start within 1 s; try again\n", client.readLineText());
                assertNull(client.readLineText(), "then the connection is closed");
                Event.ProcessReaped reaped = events.await(Event.ProcessReaped.class, 1, Duration.ofSeconds(10)).get(0);
                assertTrue(reaped.exitCode() != 0, "it was killed: " + reaped);
                assertEquals(0, server.stats().processesAlive());
                assertEquals("childNotReady", events.await(Event.LimitHit.class, 1, Duration.ofSeconds(5)).get(0).limit());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aStrayLineOnAChildsStderrIsShownAsItsOutputNotCountedAsAnError() throws Exception {
        ChildLauncher.childMain = MisbehavingChildren.Chatty.class.getName();
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            try (LineClient client = new LineClient(server.address())) {
                client.send("one\n");
                assertEquals("one\n", client.readLineText());
                client.send("two\n");
                assertEquals("two\n", client.readLineText(), "the reports after it are still read");
                events.await(Event.ChildCounterReported.class, 2, Duration.ofSeconds(10));
                Event.ObservedOutput said = events.await(Event.ObservedOutput.class, 1, Duration.ofSeconds(5)).get(0);
                assertTrue(said.line().startsWith("OpenJDK 64-Bit Server VM warning"), said.toString());
                assertEquals(0, server.stats().errors(), "not an error");
            } finally {
                server.close();
            }
        }
    }
}
