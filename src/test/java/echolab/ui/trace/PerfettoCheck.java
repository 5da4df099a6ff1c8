package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Perfetto trace must be, checked on the packets read back: every event packet has a
 * timestamp and a non-zero sequence id; every track is declared before an event uses it; BEGIN and
 * END balance on every track, in time order; every flow id leaves once and arrives once. What the
 * trace holds is kept for the tests to look at.
 */
final class PerfettoCheck {

    final Map<Long, ProtoTraceReader.Descriptor> tracks = new HashMap<>();
    final Set<String> sliceNames = new LinkedHashSet<>();
    final List<String> instants = new ArrayList<>();
    /** The values of each counter track, by its name. */
    final Map<String, List<Long>> counters = new HashMap<>();
    int flows;
    int packets;

    PerfettoCheck(byte[] file) {
        List<ProtoTraceReader.Packet> read = ProtoTraceReader.read(file);
        packets = read.size();
        Map<Long, Integer> depth = new HashMap<>();
        Map<Long, Long> lastSliceTs = new HashMap<>();
        Map<Long, Integer> flowStarts = new HashMap<>();
        Map<Long, Integer> flowEnds = new HashMap<>();
        for (ProtoTraceReader.Packet p : read) {
            if (p.descriptor() != null) {
                ProtoTraceReader.Descriptor d = p.descriptor();
                assertNotEquals(0L, d.uuid(), "a track's uuid is not 0 (the global track)");
                if (d.kind().equals("thread")) {
                    assertTrue(d.pid() > 0 && d.tid() > 0, "a thread track has its pid and tid: " + d);
                    ProtoTraceReader.Descriptor other = tracks.values().stream()
                            .filter(t -> t.kind().equals("thread") && t.tid() == d.tid() && t.uuid() != d.uuid())
                            .findFirst().orElse(null);
                    assertEquals(null, other, "tids are unique in the trace: " + d + " and " + other);
                }
                if (d.kind().equals("counter")) {
                    assertTrue(tracks.containsKey(d.parent()), "a counter's process is declared first: " + d);
                }
                assertNotNull(d.name(), "every track has a name: " + d);
                tracks.put(d.uuid(), d);
                continue;
            }
            ProtoTraceReader.TrackEvent e = p.event();
            assertNotNull(e, "a packet is a descriptor or an event: " + p);
            assertNotNull(p.timestamp(), "every event packet has a timestamp: " + p);
            assertNotNull(p.sequence(), "every event packet has a sequence id: " + p);
            assertNotEquals(0L, p.sequence(), "the sequence id is not 0");
            assertTrue(p.timestamp() >= 0, "times are not negative");
            ProtoTraceReader.Descriptor track = tracks.get(e.track());
            assertNotNull(track, "track " + e.track() + " is declared before it is used: " + p);
            for (long f : e.flowIds()) {
                assertNotEquals(0L, f, "flow ids are not 0");
                flowStarts.merge(f, 1, Integer::sum);
            }
            for (long f : e.terminatingFlowIds()) {
                flowEnds.merge(f, 1, Integer::sum);
            }
            switch ((int) e.type()) {
                case PerfettoTrace.SLICE_BEGIN, PerfettoTrace.SLICE_END -> {
                    Long last = lastSliceTs.put(e.track(), p.timestamp());
                    assertTrue(last == null || last <= p.timestamp(), "slices go forward on track " + track);
                    int d = depth.merge(e.track(), e.type() == PerfettoTrace.SLICE_BEGIN ? 1 : -1, Integer::sum);
                    assertTrue(d >= 0, "an END without a BEGIN on " + track);
                    if (e.type() == PerfettoTrace.SLICE_BEGIN) {
                        assertNotNull(e.name(), "a slice has a name");
                        sliceNames.add(e.name());
                    }
                }
                case PerfettoTrace.INSTANT -> {
                    assertNotNull(e.name(), "an instant has a name");
                    instants.add(e.name());
                }
                case PerfettoTrace.COUNTER_EVENT -> {
                    assertEquals("counter", track.kind(), "a counter value goes on a counter track");
                    assertNotNull(e.counterValue(), "a counter event has its value");
                    counters.computeIfAbsent(track.name(), k -> new ArrayList<>()).add(e.counterValue());
                }
                default -> throw new AssertionError("unexpected event type " + e.type());
            }
        }
        depth.forEach((track, d) -> assertEquals(0, d, "BEGIN and END balance on " + tracks.get(track)));
        assertEquals(flowStarts.keySet(), flowEnds.keySet(), "every flow has both ends");
        flowStarts.forEach((f, n) -> assertEquals(1, n, "flow " + f + " leaves once"));
        flowEnds.forEach((f, n) -> assertEquals(1, n, "flow " + f + " arrives once"));
        flows = flowStarts.size();
    }

    /** The names of the threads of process {@code pid}. */
    List<String> threadsOf(long pid) {
        return tracks.values().stream().filter(t -> t.kind().equals("thread") && t.pid() == pid)
                .map(ProtoTraceReader.Descriptor::name).toList();
    }

    /** The process track of {@code pid}, or null. */
    ProtoTraceReader.Descriptor process(long pid) {
        return tracks.values().stream().filter(t -> t.kind().equals("process") && t.pid() == pid).findFirst()
                .orElse(null);
    }
}
