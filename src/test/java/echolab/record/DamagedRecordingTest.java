package echolab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.NoLeftovers;

/**
 * A damaged recording opens up to its last good line and says in one line where it stopped; a file
 * that is no recording, or one of a newer format, is refused in one line.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class DamagedRecordingTest {

    private static final int EVENTS = 8000;

    @TempDir
    Path dir;
    private Path whole;
    private List<Event> events;

    @BeforeEach
    void record() throws Exception {
        whole = dir.resolve("whole.jsonl.gz");
        EventBus bus = new EventBus();
        try (RecordingWriter writer = RecordingWriter.start(whole,
                RecordingHeader.forThisMachine("echolab", "threads", Map.of()), bus)) {
            for (int i = 0; i < EVENTS; i++) {
                int n = i;
                bus.publish((seq, nanos) -> new Event.CounterWritten(seq, nanos, n % 5, "echolab-thread-c" + (n % 5), n));
            }
        }
        events = Recording.read(whole).events();
        assertEquals(EVENTS, events.size());
    }

    @Test
    void aGzipFileCutInsideAChunkOpensToItsLastGoodLine() throws Exception {
        byte[] bytes = Files.readAllBytes(whole);
        assertTrue(RecordingRoundTripTest.members(bytes) >= 3, "chunks to cut between");
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3)); // inside a chunk after the first

        Recording recording = Recording.read(cut);
        int n = recording.events().size();
        assertTrue(n > 0 && n < EVENTS, "some events, not all: " + n);
        assertEquals(events.subList(0, n), recording.events(), "a prefix of the whole");
        assertEquals("damaged after line " + (n + 1) + ": the file ends inside a compressed chunk",
                recording.damage().orElseThrow());
    }

    @Test
    void aCorruptChunkOpensToTheLastGoodLineBeforeIt() throws Exception {
        byte[] bytes = Files.readAllBytes(whole);
        int middle = bytes.length / 2;
        for (int i = middle; i < middle + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Path corrupt = dir.resolve("corrupt.jsonl.gz");
        Files.write(corrupt, bytes);
        Recording recording = Recording.read(corrupt);
        int n = recording.events().size();
        assertTrue(n > 0 && n < EVENTS, "some events, not all: " + n);
        assertEquals(events.subList(0, n), recording.events(), "a prefix of the whole, nothing garbled");
        String damage = recording.damage().orElseThrow();
        assertTrue(damage.startsWith("damaged after line " + (n + 1) + ": "), damage);
        assertTrue(!damage.contains("\n"), damage);
    }

    @Test
    void plainJsonLinesCutMidLineOpenToTheLineBefore() throws Exception {
        byte[] text = unzipped(whole);
        Path plain = dir.resolve("plain.jsonl");
        Files.write(plain, text);
        Recording full = Recording.read(plain);
        assertEquals(events, full.events(), "plain JSON lines read as well as gzip");
        assertTrue(full.damage().isEmpty());

        int lineStart = nthLineStart(text, 101); // line 101 is the 100th event
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, Arrays.copyOf(text, lineStart + 20));
        Recording recording = Recording.read(cut);
        assertEquals(events.subList(0, 99), recording.events());
        assertEquals("damaged after line 100: line 101 is cut off", recording.damage().orElseThrow());
    }

    @Test
    void aCorruptLineStopsTheReadingThereAndSaysSo() throws Exception {
        List<String> lines = new ArrayList<>(new String(unzipped(whole), StandardCharsets.UTF_8).lines().toList());
        lines.set(50, "{\"type\":\"counterWritten\",\"seq\":1,\"nan");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);
        Recording recording = Recording.read(bad);
        assertEquals(events.subList(0, 49), recording.events());
        assertEquals("damaged after line 50: line 51 is not valid JSON", recording.damage().orElseThrow());
    }

    @Test
    void aLastLineWithoutItsNewlineIsNoDamage() throws Exception {
        byte[] text = unzipped(whole);
        Path plain = dir.resolve("no-newline.jsonl");
        Files.write(plain, Arrays.copyOf(text, text.length - 1));
        Recording recording = Recording.read(plain);
        assertEquals(events, recording.events());
        assertTrue(recording.damage().isEmpty(), recording.damage().toString());
    }

    @Test
    void gapLinesCountTheEventsTheRecorderDropped() throws Exception {
        List<String> lines = new ArrayList<>(new String(unzipped(whole), StandardCharsets.UTF_8).lines().toList());
        lines.add(11, "{\"type\":\"gap\",\"dropped\":42}");
        Path gapped = dir.resolve("gap.jsonl");
        Files.write(gapped, lines);
        Recording recording = Recording.read(gapped);
        assertEquals(events, recording.events());
        assertEquals(List.of(new Recording.Gap(10, 42)), recording.gaps());
        assertTrue(recording.damage().isEmpty());
    }

    @Test
    void aNewerFormatIsRefusedInOneLine() throws Exception {
        List<String> lines = new ArrayList<>(new String(unzipped(whole), StandardCharsets.UTF_8).lines().toList());
        lines.set(0, lines.get(0).replace("\"format\":1,", "\"format\":2,"));
        Path newer = dir.resolve("newer.jsonl.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(newer))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        RecordingException e = assertThrows(RecordingException.class, () -> Recording.read(newer));
        assertEquals("recording format 2 is newer than this EchoLab reads (1)", e.getMessage());
    }

    @Test
    void aFileThatIsNoRecordingIsRefusedInOneLine() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "listening on 127.0.0.1:7707 mode=threads\n{\"type\":\"serverStarted\"}\n");
        assertEquals("not an EchoLab recording: its first line is not a recording header",
                assertThrows(RecordingException.class, () -> Recording.read(text)).getMessage());

        Path events = dir.resolve("events.jsonl"); // serve --events output: JSON, but no header
        Files.writeString(events, EventJson.encode(new Event.ServerStopped(1, 2, "quit")) + "\n");
        assertEquals("not an EchoLab recording: its first line is not a recording header",
                assertThrows(RecordingException.class, () -> Recording.read(events)).getMessage());

        Path binary = dir.resolve("picture.png");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertEquals("not an EchoLab recording: its first line is not a recording header",
                assertThrows(RecordingException.class, () -> Recording.read(binary)).getMessage());

        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertEquals("not an EchoLab recording: empty.jsonl is empty",
                assertThrows(RecordingException.class, () -> Recording.read(empty)).getMessage());

        Path missing = dir.resolve("missing.jsonl.gz");
        assertEquals("cannot read " + missing + ": there is no such file",
                assertThrows(RecordingException.class, () -> Recording.read(missing)).getMessage());
        for (Path p : List.of(text, events, binary, empty, missing)) {
            String message = assertThrows(RecordingException.class, () -> Recording.read(p)).getMessage();
            assertTrue(!message.contains("\n"), "one line: " + message);
        }
    }

    private static byte[] unzipped(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** The offset where line {@code n} (1-based) begins. */
    private static int nthLineStart(byte[] text, int n) {
        int line = 1;
        for (int i = 0; i < text.length; i++) {
            if (line == n) {
                return i;
            }
            if (text[i] == '\n') {
                line++;
            }
        }
        throw new AssertionError("fewer than " + n + " lines");
    }
}
