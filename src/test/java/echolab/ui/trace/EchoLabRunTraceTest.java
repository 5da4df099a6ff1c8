package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.ui.model.Activity;

/**
 * A real run of every model of EchoLab's own server, with real clients on 127.0.0.1, exported to
 * both formats and read back: the Perfetto trace with our own protobuf reader and with protoc, the
 * Chrome trace with Jackson; each holds the tracks, states, marks, counters and flows of that run.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class EchoLabRunTraceTest {

    private static final Set<String> STATES = java.util.Arrays.stream(Activity.values())
            .map(TraceRecorder::sliceName).collect(Collectors.toSet());

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @MethodSource("echolab.testing.PassModes#modes")
    void aRunOfEveryModelExportsToATraceThatHoldsItsProcessesStatesMarksCountersAndFlows(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().orElse(""));
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(mode).poolSize(2)
                .protection(Protection.NONE).raceWindowMicros(200).build();
        List<Event> events = RecordedRun.of(options, 4, 6);
        TraceSettings settings = TraceSettings.of(options);

        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        PerfettoTrace.write("run " + mode, settings, events, proto);
        byte[] bytes = proto.toByteArray();
        assertEquals(0x0A, bytes[0], "a proto trace starts 0A");
        PerfettoCheck trace = new PerfettoCheck(bytes);

        Event.ServerStarted started = only(events, Event.ServerStarted.class);
        ProtoTraceReader.Descriptor server = trace.process(started.pid());
        assertNotNull(server, "the server's process, by its pid " + started.pid());
        assertTrue(server.name().contains("run " + mode), server.name());
        assertFalse(trace.threadsOf(started.pid()).isEmpty(), "the server's threads");
        long clients = of(events, Event.ClientConnecting.class).stream().map(Event.ClientConnecting::client).distinct().count();
        assertEquals(clients, trace.threadsOf(TraceTracks.CLIENTS_PID).size(), "a thread per simulated client");
        assertTrue(STATES.containsAll(trace.sliceNames), "slices are the window's states: " + trace.sliceNames);
        if (mode != Mode.EVENTS) { // the loop's one thread is idle in select(), not reading one client
            assertTrue(trace.sliceNames.contains("reading"), "reading: " + trace.sliceNames);
        }
        assertTrue(trace.sliceNames.contains("counter"), "counter: " + trace.sliceNames);
        assertTrue(trace.sliceNames.contains("served"), "a client served: " + trace.sliceNames);

        List<Event.ClientAccepted> accepted = of(events, Event.ClientAccepted.class);
        assertEquals(4, accepted.size());
        for (Event.ClientAccepted a : accepted) {
            assertTrue(trace.instants.contains("accept client " + a.clientId()), "the accept of " + a.clientId());
        }
        Set<Long> served = of(events, Event.WorkerAssigned.class).stream().map(Event.WorkerAssigned::clientId)
                .collect(Collectors.toSet());
        long forks = 0;
        for (Event.ProcessSpawned s : of(events, Event.ProcessSpawned.class)) {
            assertNotNull(trace.process(s.pid()), "the child's process " + s.pid());
            assertTrue(trace.instants.stream().anyMatch(i -> i.startsWith("fork pid " + s.pid())), "its fork");
            forks++;
        }
        if (mode == Mode.PROCESSES) {
            assertEquals(4, forks, "a child per client");
            for (Event.ProcessReaped r : of(events, Event.ProcessReaped.class)) {
                assertTrue(trace.instants.stream().anyMatch(i -> i.startsWith("reap pid " + r.pid())), "its reap");
            }
        }
        assertEquals(served.size() + forks, trace.flows, "a flow from each accept to its worker, and from each fork");
        for (Event.LostUpdate lost : of(events, Event.LostUpdate.class)) {
            assertTrue(trace.instants.contains("lost " + lost.lost()), "the lost update " + lost);
        }
        List<Event.CounterWritten> writes = of(events, Event.CounterWritten.class);
        if (!writes.isEmpty()) {
            assertTrue(trace.counters.get("shared counter").contains(writes.get(writes.size() - 1).value()),
                    "the shared counter's last write");
        }
        if (!of(events, Event.ServerFigures.class).isEmpty()) {
            assertNotNull(trace.counters.get("active clients"), "active clients: " + trace.counters.keySet());
        }
        if (!of(events, Event.Queued.class).isEmpty()) {
            assertNotNull(trace.counters.get("queue length"), "the queue: " + trace.counters.keySet());
        }

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ChromeTrace.write("run " + mode, settings, events, json);
        ChromeCheck chrome = new ChromeCheck(json.toByteArray());
        assertEquals(trace.sliceNames, chrome.sliceNames, "the same states in both formats");
        assertEquals(Set.copyOf(trace.instants), chrome.instants, "the same marks in both formats");
        assertEquals(trace.counters.keySet(), chrome.counters, "the same counters in both formats");
        assertEquals(trace.flows, chrome.flows, "the same flows in both formats");
        assertTrue(chrome.processes.contains(started.pid()), "the server's process is named");
        ProtocDecode.decodesAsPackets(bytes, trace); // last: it skips where protoc is missing
    }

    static <T extends Event> List<T> of(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Event> T only(List<Event> events, Class<T> type) {
        List<T> found = of(events, type);
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }
}
