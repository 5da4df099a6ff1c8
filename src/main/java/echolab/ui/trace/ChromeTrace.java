package echolab.ui.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import echolab.events.Event;

/**
 * A run in Chrome's JSON Trace Event Format, for tools older than Perfetto's protobuf: a JSON
 * array of events with {@code ts} in microseconds. {@code M} names processes and threads, a
 * state is {@code B}/{@code E} on its thread, a mark {@code i}, a counter {@code C}, and a flow an
 * {@code s} where it leaves and an {@code f} (binding point "e", the enclosing slice) where it
 * arrives. The format's flows bind to the slice open on the thread, so a flow from a process-wide
 * mark is lost in some viewers: best effort (see docs/trace-export.md).
 */
public final class ChromeTrace {

    private ChromeTrace() {
    }

    /** Writes the trace of {@code events}, as {@link PerfettoTrace#write} does, as JSON. Does not close {@code out}. */
    public static void write(String title, TraceSettings settings, List<Event> events, OutputStream out)
            throws IOException {
        JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8);
        json.writeStartArray();
        try {
            TraceFolding.fold(title, settings, events, new Writer(json));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.flush();
        json.close();
    }

    /** The sink that writes each event object as it comes. */
    private static final class Writer implements TraceSink {

        /** Where a track's events go: a thread (tid), a process (tid 0), or a counter (its name). */
        private record Place(int pid, long tid, String counter) {}

        private final JsonGenerator json;
        private final Map<Long, Place> places = new HashMap<>();

        Writer(JsonGenerator json) {
            this.json = json;
        }

        @Override
        public void process(long uuid, int pid, String name) {
            places.put(uuid, new Place(pid, 0, null));
            metadata("process_name", pid, 0, name);
        }

        @Override
        public void thread(long uuid, int pid, long tid, String name) {
            places.put(uuid, new Place(pid, tid, null));
            metadata("thread_name", pid, tid, name);
        }

        @Override
        public void counter(long uuid, long parent, String name) {
            places.put(uuid, new Place(places.get(parent).pid(), 0, name));
        }

        private void metadata(String what, int pid, long tid, String name) {
            try {
                json.writeStartObject();
                json.writeStringField("ph", "M");
                json.writeStringField("name", what);
                json.writeNumberField("pid", pid);
                json.writeNumberField("tid", tid);
                json.writeNumberField("ts", 0);
                json.writeObjectFieldStart("args");
                json.writeStringField("name", name);
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void begin(long ts, long track, String name, long flowOut, long flowIn) {
            Place p = places.get(track);
            try {
                start("B", ts, p);
                json.writeStringField("name", name);
                json.writeStringField("cat", "state");
                json.writeEndObject();
                flows(ts, p, flowOut, flowIn);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void end(long ts, long track) {
            try {
                start("E", ts, places.get(track));
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void instant(long ts, long track, String name, long flowOut, long flowIn) {
            Place p = places.get(track);
            try {
                start("i", ts, p);
                json.writeStringField("name", name);
                json.writeStringField("cat", "mark");
                json.writeStringField("s", p.tid() == 0 ? "p" : "t");
                json.writeEndObject();
                flows(ts, p, flowOut, flowIn);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void count(long ts, long track, long value) {
            Place p = places.get(track);
            try {
                start("C", ts, p);
                json.writeStringField("name", p.counter());
                json.writeObjectFieldStart("args");
                json.writeNumberField("value", value);
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flows(long ts, Place p, long flowOut, long flowIn) throws IOException {
            if (flowOut != 0) {
                flow("s", ts, p, flowOut);
            }
            if (flowIn != 0) {
                flow("f", ts, p, flowIn);
            }
        }

        private void flow(String ph, long ts, Place p, long id) throws IOException {
            start(ph, ts, p);
            json.writeStringField("name", "flow");
            json.writeStringField("cat", "flow");
            json.writeNumberField("id", id);
            if (ph.equals("f")) {
                json.writeStringField("bp", "e");
            }
            json.writeEndObject();
        }

        /** Opens an event object with its phase, place and time (µs, to the ns). */
        private void start(String ph, long ts, Place p) throws IOException {
            json.writeStartObject();
            json.writeStringField("ph", ph);
            json.writeNumberField("pid", p.pid());
            json.writeNumberField("tid", p.tid());
            json.writeNumberField("ts", ts / 1000.0);
        }

        @Override
        public void finish() {
            // every event was written as it came
        }
    }
}
