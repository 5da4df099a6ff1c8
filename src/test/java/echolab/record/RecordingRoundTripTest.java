package echolab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.lab.Lab;
import echolab.sync.Protection;
import echolab.testing.EventRecorder;
import echolab.testing.NoLeftovers;

/** A real run of the lab, recorded to a file and read back, equals the events the bus delivered. */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class RecordingRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aRealPoolRunReadBackEqualsTheEventsOfTheBus() throws Exception {
        Path file = dir.resolve("run.jsonl.gz");
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(Mode.POOL).poolSize(2)
                .protection(Protection.NONE).build();
        RecordingHeader header = RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_ECHOLAB, "pool",
                RecordingHeader.settingsOf(options));
        EventBus bus = new EventBus();
        List<Event> live;
        try (EventRecorder recorder = new EventRecorder(bus); RecordingWriter writer = RecordingWriter.start(file, header, bus)) {
            try (Lab lab = Lab.start(options, bus)) {
                for (int i = 0; i < 4; i++) {
                    lab.addClient(new Behaviour.Steady(30, 2, 32));
                }
                assertTrue(lab.clients().awaitAll(60, TimeUnit.SECONDS), "the clients finished");
                recorder.await(Event.ClientFinished.class, 4, Duration.ofSeconds(10));
            }
            writer.close();
            live = recorder.all();
            assertEquals(0, recorder.dropped());
            assertEquals(live.size(), writer.eventsWritten(), "the writer saw what the recorder saw");
        }
        Recording recording = Recording.read(file);
        assertEquals(header, recording.header());
        // two subscriptions: the same events, each in its own order (EventRecorder.bySeq)
        assertEquals(EventRecorder.bySeq(live), EventRecorder.bySeq(recording.events()));
        assertTrue(recording.damage().isEmpty(), recording.damage().toString());
        assertEquals(0, recording.dropped());
        assertTrue(recording.events().stream().anyMatch(e -> e instanceof Event.LineEchoed), "echoes recorded");
        assertEquals("pool", recording.header().settings().get("mode").toLowerCase());

        try (RecordingReader reader = RecordingReader.open(file)) {
            List<Event> streamed = new ArrayList<>();
            reader.forEachRemaining(streamed::add);
            assertEquals(recording.events(), streamed, "the streaming reader gives the same, in the same order");
        }
    }

    @Test
    void theFileIsGzipChunksAfterAHeaderLineThatZcatReadsAsJsonLines() throws Exception {
        Path file = dir.resolve("chunks.jsonl.gz");
        EventBus bus = new EventBus();
        try (RecordingWriter writer = RecordingWriter.start(file,
                RecordingHeader.forThisMachine("echolab", "threads", Map.of("delayMs", "0")), bus)) {
            for (int i = 0; i < 12000; i++) { // over 1 MB of text: four chunks or more by size
                int n = i;
                bus.publish((seq, nanos) -> new Event.LineEchoed(seq, nanos, n % 7, "echolab-pool-worker-" + (n % 4), 40, 12345 + n));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(members(bytes) >= 5, "a header chunk, then chunks of at most 256 KB of text: " + members(bytes));
        Process zcat = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(zcat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        assertEquals(0, zcat.waitFor());
        assertEquals(12001, lines.size());
        assertTrue(lines.get(0).startsWith("{\"type\":\"recording\",\"format\":1,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"type\":\"lineEchoed\",\"seq\":1,"), lines.get(1));
        double perEvent = (double) (bytes.length - firstMemberLength(bytes)) / 12000;
        assertTrue(perEvent < 60, "bytes per event on disk: " + perEvent);
    }

    /**
     * The header is written by hand (no Jackson at start-up) and read by Jackson: a student's command
     * with quotes, backslashes, a tab and letters beyond ASCII, and no mode, comes back equal.
     */
    @Test
    void aHeaderWithAwkwardSettingsComesBackEqual() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("command", "python3 \"my server.py\" --dir C:\\élève\t{port}");
        settings.put("framing", "blank-line");
        settings.put("note", "漢字 \u2028 😀");
        RecordingHeader header = RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_YOUR_SERVER, null, settings);
        Path file = dir.resolve("awkward.jsonl.gz");
        try (RecordingWriter writer = RecordingWriter.start(file, header, new EventBus())) {
            assertEquals(file, writer.file());
        }
        assertEquals(header, Recording.read(file).header());
    }

    /** Gzip members in a file: each begins with the magic, method 8 (deflate) and no flags, as Java writes them. */
    static int members(byte[] b) {
        int n = 0;
        for (int i = 0; i + 3 < b.length; i++) {
            if ((b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8 && b[i + 3] == 0) {
                n++;
            }
        }
        return n;
    }

    static int firstMemberLength(byte[] b) {
        for (int i = 4; i + 3 < b.length; i++) {
            if ((b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8 && b[i + 3] == 0) {
                return i;
            }
        }
        return b.length;
    }

}
