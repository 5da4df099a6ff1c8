package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.Wire;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.testing.EventRecorder;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;

/**
 * A student's server observed from /proc (the fork-and-reap example, a real C program with real
 * children), exported: its processes and threads keep their real pids and tids, each child is
 * reached by a flow from its fork, and its reaps are marks.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class StudentServerTraceTest {

    private static final int CLIENTS = 2;

    @Test
    void aStudentsForkingServerExportsItsRealProcessesThreadsForksAndReaps() throws Exception {
        EventBus bus = new EventBus();
        List<Event> events;
        try (EventRecorder recorder = new EventRecorder(bus)) {
            try (StudentServer server = StudentServer.start(new Launch(List.of(ExampleServers.program("fork_reap")
                    .toString())), bus); TreeSampler sampler = TreeSampler.start(server, bus);
                 ClientFleet fleet = new ClientFleet(server.address(), bus, "client-", Wire.text(Framing.BLANK_LINE))) {
                for (int i = 0; i < CLIENTS; i++) {
                    fleet.start(new Behaviour.Steady(4, 150, 16)); // long enough for the sampler to see each child
                }
                assertTrue(fleet.awaitAll(30, TimeUnit.SECONDS), "the clients finished");
                recorder.await(Event.ObservedProcessReaped.class, CLIENTS, Duration.ofSeconds(10));
            }
            events = recorder.all();
        }
        Event.ObservedServerStarted started = EchoLabRunTraceTest.of(events, Event.ObservedServerStarted.class).get(0);
        List<Event.ObservedProcessAppeared> children = EchoLabRunTraceTest.of(events, Event.ObservedProcessAppeared.class)
                .stream().filter(p -> p.ppid() == started.pid()).toList();
        assertEquals(CLIENTS, children.size(), "a child per client seen");

        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        PerfettoTrace.write("fork_reap", TraceSettings.defaults(), events, proto);
        PerfettoCheck trace = new PerfettoCheck(proto.toByteArray());

        assertNotNull(trace.process(started.pid()), "the server's process by its real pid");
        assertEquals(null, trace.process(TraceTracks.SERVER_PID_UNKNOWN), "no EchoLab server made up in a student's run");
        for (ProtoTraceReader.Descriptor counter : trace.tracks.values()) {
            if (counter.kind().equals("counter")) {
                assertEquals(trace.process(started.pid()).uuid(), counter.parent(), "counters go under the student's server");
            }
        }
        for (Event.ObservedThreadAppeared t : EchoLabRunTraceTest.of(events, Event.ObservedThreadAppeared.class)) {
            boolean waited = events.stream().anyMatch(e -> e instanceof Event.ObservedThreadWaits w
                    && w.workerId().equals(t.workerId()));
            if (waited) {
                assertTrue(trace.tracks.values().stream().anyMatch(d -> d.kind().equals("thread")
                        && d.pid() == t.pid() && d.tid() == t.tid()), "thread " + t.tid() + " of " + t.pid());
            }
        }
        for (Event.ObservedProcessAppeared child : children) {
            assertNotNull(trace.process(child.pid()), "the child " + child.pid());
            assertTrue(trace.instants.contains("fork pid " + child.pid()), "its fork: " + trace.instants);
            assertTrue(trace.instants.stream().anyMatch(i -> i.endsWith("pid " + child.pid()) && i.contains("reaped")
                    || i.equals("ended pid " + child.pid())), "its end: " + trace.instants);
        }
        assertTrue(trace.sliceNames.contains("accepting"), "the parent waits in accept: " + trace.sliceNames);
        assertTrue(trace.flows >= CLIENTS, "a flow from each fork to its child: " + trace.flows);
        assertFalse(trace.threadsOf(TraceTracks.CLIENTS_PID).isEmpty(), "EchoLab's clients are there too");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ChromeTrace.write("fork_reap", TraceSettings.defaults(), events, json);
        ChromeCheck chrome = new ChromeCheck(json.toByteArray());
        assertTrue(chrome.processes.contains(started.pid()), "the server's process is named");
        assertEquals(trace.sliceNames, chrome.sliceNames, "the same states in both formats");
        assertEquals(trace.flows, chrome.flows, "the same flows in both formats");
        ProtocDecode.decodesAsPackets(proto.toByteArray(), trace); // last: it skips where protoc is missing
    }
}
