package echolab.ui.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.events.Event;

/**
 * A run as a Perfetto trace ({@code .perfetto-trace}): the protobuf {@code Trace} message, a
 * sequence of {@code TracePacket} records each written as field 1 with its length, so the file is
 * {@code 0A len packet 0A len packet ...}. Track descriptors come before the events that use them;
 * every event packet carries its timestamp (ns from the run's first event) and the one sequence id;
 * names are plain strings (no interning, so no sequence flags are needed). See docs/trace-export.md.
 */
public final class PerfettoTrace {

    // TracePacket
    private static final int PACKET = 1;
    private static final int TIMESTAMP = 8;
    private static final int SEQUENCE_ID = 10;
    private static final int TRACK_EVENT = 11;
    private static final int TRACK_DESCRIPTOR = 60;
    // TrackDescriptor
    private static final int UUID = 1;
    private static final int NAME = 2;
    private static final int PROCESS = 3;
    private static final int THREAD = 4;
    private static final int PARENT_UUID = 5;
    private static final int COUNTER = 8;
    // ProcessDescriptor and ThreadDescriptor
    private static final int PID = 1;
    private static final int TID = 2;
    private static final int PROCESS_NAME = 6;
    private static final int THREAD_NAME = 5;
    // TrackEvent
    private static final int TYPE = 9;
    private static final int TRACK_UUID = 11;
    private static final int EVENT_NAME = 23;
    private static final int COUNTER_VALUE = 30;
    private static final int FLOW_IDS = 47;
    private static final int TERMINATING_FLOW_IDS = 48;
    // TrackEvent.Type
    static final int SLICE_BEGIN = 1;
    static final int SLICE_END = 2;
    static final int INSTANT = 3;
    static final int COUNTER_EVENT = 4;

    /** The one writer's sequence: non-zero, as the format asks. */
    static final int SEQUENCE = 1;

    private PerfettoTrace() {
    }

    /**
     * Writes the trace of {@code events} (a run of EchoLab's server or a student's, in order) to
     * {@code out}, folded from {@code settings} as the window folds them; {@code title} names the
     * server's process. Does not close {@code out}.
     */
    public static void write(String title, TraceSettings settings, List<Event> events, OutputStream out)
            throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try {
            TraceFolding.fold(title, settings, events, new Writer(buffered));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    /** The sink that encodes each packet as it comes. */
    private static final class Writer implements TraceSink {

        private final OutputStream out;
        private final ProtoBuffer inner = new ProtoBuffer();
        private final ProtoBuffer body = new ProtoBuffer();
        private final ProtoBuffer packet = new ProtoBuffer();
        private final ProtoBuffer record = new ProtoBuffer();
        private final Map<String, byte[]> utf8 = new HashMap<>();

        Writer(OutputStream out) {
            this.out = out;
        }

        private byte[] utf8(String s) {
            byte[] b = utf8.get(s);
            if (b == null) {
                b = s.getBytes(StandardCharsets.UTF_8);
                if (utf8.size() < 4096) { // the states' names repeat; a client's number does not
                    utf8.put(s, b);
                }
            }
            return b;
        }

        @Override
        public void process(long uuid, int pid, String name) {
            inner.reset();
            inner.uint(PID, pid);
            inner.bytes(PROCESS_NAME, utf8(name));
            descriptor(uuid, PROCESS);
        }

        @Override
        public void thread(long uuid, int pid, long tid, String name) {
            inner.reset();
            inner.uint(PID, pid);
            inner.uint(TID, tid);
            inner.bytes(THREAD_NAME, utf8(name));
            descriptor(uuid, THREAD);
        }

        private void descriptor(long uuid, int kind) {
            body.reset();
            body.uint(UUID, uuid);
            body.message(kind, inner);
            packet(0, TRACK_DESCRIPTOR);
        }

        @Override
        public void counter(long uuid, long parent, String name) {
            inner.reset(); // an empty CounterDescriptor marks a counter track
            body.reset();
            body.uint(UUID, uuid);
            body.bytes(NAME, utf8(name));
            body.uint(PARENT_UUID, parent);
            body.message(COUNTER, inner);
            packet(0, TRACK_DESCRIPTOR);
        }

        @Override
        public void begin(long ts, long track, String name, long flowOut, long flowIn) {
            event(ts, SLICE_BEGIN, track, name, flowOut, flowIn);
        }

        @Override
        public void end(long ts, long track) {
            event(ts, SLICE_END, track, null, 0, 0);
        }

        @Override
        public void instant(long ts, long track, String name, long flowOut, long flowIn) {
            event(ts, INSTANT, track, name, flowOut, flowIn);
        }

        @Override
        public void count(long ts, long track, long value) {
            body.reset();
            body.uint(TYPE, COUNTER_EVENT);
            body.uint(TRACK_UUID, track);
            body.uint(COUNTER_VALUE, value);
            packet(ts, TRACK_EVENT);
        }

        private void event(long ts, int type, long track, String name, long flowOut, long flowIn) {
            body.reset();
            body.uint(TYPE, type);
            body.uint(TRACK_UUID, track);
            if (name != null) {
                body.bytes(EVENT_NAME, utf8(name));
            }
            if (flowOut != 0) {
                body.fixed64(FLOW_IDS, flowOut); // not packed: the importer reads each element as a field
            }
            if (flowIn != 0) {
                body.fixed64(TERMINATING_FLOW_IDS, flowIn);
            }
            packet(ts, TRACK_EVENT);
        }

        /** Wraps {@code body} as field {@code payload} of a packet, and the packet as one record of the trace. */
        private void packet(long ts, int payload) {
            packet.reset();
            packet.uint(TIMESTAMP, ts);
            packet.uint(SEQUENCE_ID, SEQUENCE);
            packet.message(payload, body);
            record.reset();
            record.message(PACKET, packet);
            try {
                record.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            // every packet was written as it came
        }
    }
}
