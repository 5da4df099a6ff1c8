package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

@ExtendWith(NoLeftovers.class)
@Timeout(90)
class ProcessPerClientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyClientGetsItsOwnChildProcessWhichIsReapedWhenItLeaves() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    LineClient c = new LineClient(server.address());
                    clients.add(c);
                    c.send("line from " + i + "\n");
                    assertEquals("line from " + i + "\n", c.readLineText());
                }
                List<Long> pids = server.childPids();
                assertEquals(3, new HashSet<>(pids).size(), "three distinct children: " + pids);
                Set<Long> realChildren = new HashSet<>();
                ProcessHandle.current().children().forEach(p -> realChildren.add(p.pid()));
                assertTrue(realChildren.containsAll(pids), "children of this JVM " + realChildren + " hold " + pids);

                for (LineClient c : clients) {
                    c.close();
                }
                List<Event.ProcessReaped> reaped = events.await(Event.ProcessReaped.class, 3, WAIT);
                assertEquals(Set.copyOf(pids), Set.copyOf(reaped.stream().map(Event.ProcessReaped::pid).toList()));
                assertTrue(server.childPids().isEmpty());
                assertEquals(3, server.stats().processesReaped());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void eachChildCountsInItsOwnMemoryAndTheParentsCounterStaysPut() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            try (LineClient a = new LineClient(server.address()); LineClient b = new LineClient(server.address())) {
                for (int i = 0; i < 3; i++) {
                    a.send("a\n");
                    assertEquals("a\n", a.readLineText());
                    b.send("b\n");
                    assertEquals("b\n", b.readLineText());
                }
                List<Event.ChildCounterReported> reports = events.await(Event.ChildCounterReported.class, 6, WAIT);
                for (long pid : server.childPids()) {
                    List<Long> own = reports.stream().filter(r -> r.pid() == pid)
                            .map(Event.ChildCounterReported::counter).toList();
                    assertEquals(List.of(1L, 2L, 3L), own, "child " + pid + " counts its own lines");
                }
                assertEquals(0, server.stats().counter(), "the parent's counter does not move");
                assertEquals(6, server.stats().childIncrements());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aChildKilledFromOutsideClosesItsClientAndIsReaped() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            try (LineClient victim = new LineClient(server.address());
                 LineClient other = new LineClient(server.address())) {
                victim.send("hello\n");
                assertEquals("hello\n", victim.readLineText());
                other.send("hello\n");
                assertEquals("hello\n", other.readLineText());
                long pid = events.of(Event.ProcessSpawned.class).get(0).pid();

                ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // our own child, by its PID

                assertTrue(victim.closedByServer(), "the killed child's client is closed");
                Event.ProcessReaped reaped = events.await(Event.ProcessReaped.class, r -> r.pid() == pid, 1, WAIT).get(0);
                assertEquals(137, reaped.exitCode(), "SIGKILL");
                Event.ClientClosed closed = events.await(Event.ClientClosed.class,
                        c -> c.clientId() == reaped.clientId(), 1, WAIT).get(0);
                assertTrue(closed.reason().contains("exit 137"), closed.reason());
                other.send("still here\n");
                assertEquals("still here\n", other.readLineText());
            } finally {
                server.close();
            }
            assertEquals(2, events.of(Event.ProcessReaped.class).size());
            assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
        }
    }

    @Test
    void shutdownReapsChildrenWhoseClientsAreStillConnected() throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder events = new EventRecorder(bus)) {
            EchoServer server = Servers.start(Servers.options(Mode.PROCESSES).build(), bus);
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(new LineClient(server.address()));
                }
                events.await(Event.ProcessReady.class, 3, WAIT);
                server.close();
                assertEquals(3, events.of(Event.ProcessReaped.class).size(), "close returns after reaping");
                assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
                for (LineClient c : clients) {
                    assertTrue(c.closedByServer());
                }
            } finally {
                for (LineClient c : clients) {
                    c.close();
                }
                server.close();
            }
        }
    }
}
