package echolab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.NoLeftovers;

/** The window's ring keeps the last stretch of time or of bytes, whichever is less, in segments that each open alone. */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class RecordingRingTest {

    @TempDir
    Path dir;

    private static final RecordingHeader HEADER = RecordingHeader.forThisMachine("echolab", "threads", Map.of());

    @Test
    void segmentsOlderThanTheRingKeepsAreDeletedOthersOpenAlone() throws Exception {
        Path old = Files.writeString(dir.resolve("echolab-20200101-000000-1-0001.jsonl.gz"), "an hour old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path notOurs = Files.writeString(dir.resolve("notes.txt"), "the user's");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        EventBus bus = new EventBus();
        List<Path> seen = new java.util.ArrayList<>();
        try (RecordingRing ring = RecordingRing.start(dir, HEADER, bus, Duration.ofMillis(100), Duration.ofMillis(600), 1L << 30)) {
            assertFalse(Files.exists(old), "a segment of an earlier run, older than the ring keeps, is gone at the start");
            assertTrue(Files.exists(notOurs), "files that are no segment are left alone");
            // 2.5 s, and on a busy machine until ten segments have begun (at most 20 s): a segment is
            // closed once its compressing thread, at the lowest priority, has caught up
            long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            long atMost = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until || seen.size() < 10 && System.nanoTime() < atMost) {
                bus.publish((seq, nanos) -> new Event.ServerStopped(seq, nanos, "tick"));
                Thread.sleep(10);
                ring.segments().stream().filter(p -> !seen.contains(p)).forEach(seen::add);
            }
            List<Path> now = ring.segments();
            assertTrue(seen.size() >= 10, "a segment per 100 ms: " + seen.size());
            assertFalse(now.contains(seen.get(0)), "the first segments, over 600 ms old, are gone: " + now);
            assertTrue(now.size() <= 9, "about 600 ms of 100 ms segments, and the current one: " + now.size());
        }
        List<Path> segments = RecordingRing.list(dir);
        long events = 0;
        for (Path segment : segments) {
            Recording r = Recording.read(segment);
            assertEquals(HEADER, r.header(), "each segment opens alone, with the header");
            assertTrue(r.damage().isEmpty(), segment + ": " + r.damage());
            events += r.events().size();
        }
        assertTrue(events > 0, "the kept segments hold events");
    }

    /** How many segments the ring has begun: the last one's number, less the first's, plus one. */
    private static int seen(List<Path> segments) {
        return number(segments.get(segments.size() - 1)) - FIRST.get() + 1;
    }

    private static int number(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.indexOf('.')));
    }

    private static final java.util.concurrent.atomic.AtomicInteger FIRST = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void theOldestSegmentsGoWhenTheFolderHoldsMoreThanItsBytes() throws Exception {
        long maxBytes = 40_000;
        EventBus bus = new EventBus();
        try (RecordingRing ring = RecordingRing.start(dir, HEADER, bus, Duration.ofMillis(50), Duration.ofMinutes(30), maxBytes)) {
            FIRST.set(number(ring.segments().get(0)));
            long until = System.nanoTime() + Duration.ofMillis(2000).toNanos();
            int i = 0;
            while (System.nanoTime() < until) {
                for (int k = 0; k < 200; k++, i++) { // random-ish text compresses badly: bytes add up
                    String text = Long.toHexString(Double.doubleToLongBits(Math.random()));
                    bus.publish((seq, nanos) -> new Event.ObservedOutput(seq, nanos, 1, "stdout", text));
                }
                Thread.sleep(20);
            }
        }
        List<Path> segments = RecordingRing.list(dir);
        long total = 0;
        for (Path p : segments) {
            total += Files.size(p);
        }
        assertTrue(segments.size() < seen(segments), "the first segments were deleted: " + segments);
        // while it records, the newest segment may go past its share (its chunks are compressed behind a
        // busy lab); once closed, the folder holds at most the limit, or the newest segment alone
        assertTrue(total <= maxBytes || segments.size() == 1, "at most the limit once closed: " + total + " in " + segments);
    }

    /**
     * A window switched to the student's server: the ring begins a segment whose header says so (and
     * names no mode of EchoLab's), so that a segment opened alone says what it shows.
     */
    @Test
    void aNewSubjectBeginsASegmentWhoseHeaderNamesIt() throws Exception {
        EventBus bus = new EventBus();
        try (RecordingRing ring = RecordingRing.start(dir, HEADER, bus, Duration.ofMinutes(5), Duration.ofMinutes(30), 1L << 30)) {
            bus.publish((seq, nanos) -> new Event.ServerStopped(seq, nanos, "before"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            ring.subject(RecordingHeader.SUBJECT_YOUR_SERVER);
            while (ring.segments().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10); // the recorder begins the segment at its next batch, or when it has caught up
            }
            bus.publish((seq, nanos) -> new Event.ServerStopped(seq, nanos, "after"));
        }
        List<Path> segments = RecordingRing.list(dir);
        assertEquals(2, segments.size(), segments.toString());
        Recording first = Recording.read(segments.get(0));
        Recording second = Recording.read(segments.get(1));
        assertEquals(HEADER, first.header());
        assertEquals(HEADER.withSubject(RecordingHeader.SUBJECT_YOUR_SERVER), second.header());
        assertEquals(null, second.header().mode());
        List<String> all = new java.util.ArrayList<>();
        for (Recording r : List.of(first, second)) {
            r.events().forEach(e -> all.add(((Event.ServerStopped) e).reason()));
        }
        // "before" lands on either side, as the recorder took it before or after the switch; "after" after it
        assertEquals(List.of("before", "after"), all);
        assertTrue(second.events().stream().anyMatch(e -> ((Event.ServerStopped) e).reason().equals("after")));
    }
}
