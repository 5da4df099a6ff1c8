package echolab.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import echolab.events.EventBus;
import echolab.events.Subscription;

/**
 * The window's continuous recording: a segment file per {@code segmentLength}, each a whole recording
 * (header and events) that opens on its own, keeping the last {@code keep} of time or {@code maxBytes}
 * of disk, whichever is reached first. Older segments, this run's or an earlier one's, are deleted as
 * new ones begin. Segments are named {@code echolab-YYYYMMDD-HHMMSS-PID-N.jsonl.gz}, so the names sort
 * by time and two windows open at once never write the same file.
 *
 * <p>Threading: {@link #start} and {@link #close} from the owner's thread; {@link #segments} from any;
 * the writing is its own thread's ({@code echolab-ring-recorder}).
 */
public final class RecordingRing implements AutoCloseable {

    /** The numbers: the last 30 minutes or 1 GB, whichever first; a segment per 5 minutes. */
    public static final Duration KEEP = Duration.ofMinutes(30);
    public static final long MAX_BYTES = 1L << 30;
    public static final Duration SEGMENT = Duration.ofMinutes(5);

    static final String PREFIX = "echolab-";
    static final String SUFFIX = ".jsonl.gz";
    /** A segment ends at this fraction of the size limit too, so that the limit is kept to a segment's size. */
    private static final int SEGMENTS_PER_LIMIT = 8;
    /** Numbers segments across every ring of this JVM: two windows opened in the same second write two files. */
    private static final java.util.concurrent.atomic.AtomicInteger NUMBER = new java.util.concurrent.atomic.AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final RecordingDrain drain;
    private final Segments segments;
    private boolean closed;

    private RecordingRing(Path dir, RecordingDrain drain, Segments segments) {
        this.dir = dir;
        this.drain = drain;
        this.segments = segments;
    }

    /** Records {@code bus} into {@code dir} (created if missing) with the default limits. */
    public static RecordingRing start(Path dir, RecordingHeader header, EventBus bus) throws IOException {
        return start(dir, header, bus, SEGMENT, KEEP, MAX_BYTES);
    }

    /** As {@link #start(Path, RecordingHeader, EventBus)}, with limits of its own (tests use tiny ones). */
    public static RecordingRing start(Path dir, RecordingHeader header, EventBus bus, Duration segmentLength,
                                      Duration keep, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Segments segments = new Segments(dir, header, segmentLength.toNanos(), keep, maxBytes);
        segments.begin();
        Subscription subscription = bus.subscribe("recording ring", RecordingWriter.QUEUE);
        RecordingDrain drain = new RecordingDrain("echolab-ring-recorder", subscription, segments);
        drain.start();
        return new RecordingRing(dir, drain, segments);
    }

    public Path dir() {
        return dir;
    }

    /**
     * The window now studies {@code subject} ({@link RecordingHeader#SUBJECT_ECHOLAB} or
     * {@link RecordingHeader#SUBJECT_YOUR_SERVER}): a new segment begins at the recorder's next batch, its
     * header naming it, so that a segment opened on its own says what it shows. Any thread.
     */
    public void subject(String subject) {
        segments.wanted = segments.wanted.withSubject(subject);
    }

    /** The segment files in the folder, oldest first (the last is being written while the ring runs). */
    public List<Path> segments() {
        return segmentsIn(dir);
    }

    /** The segments in a ring's folder, oldest first: for a window that opens the last run. Any thread. */
    public static List<Path> segmentsIn(Path dir) {
        try {
            return Files.isDirectory(dir) ? list(dir) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is queued, ends the current segment and stops; throws if writing failed on the way. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        drain.close();
    }

    static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /** The current segment, replaced by a new one when it is old enough; the drain's thread only. */
    private static final class Segments implements LineTarget {
        private final Path dir;
        private RecordingHeader header;
        /** The header the next segment should have; a change begins one (set from any thread). */
        private volatile RecordingHeader wanted;
        private final long segmentNanos;
        private final Duration keep;
        private final long maxBytes;
        private ChunkedGzipFile current;
        private long begun;

        Segments(Path dir, RecordingHeader header, long segmentNanos, Duration keep, long maxBytes) {
            this.dir = dir;
            this.header = header;
            this.wanted = header;
            this.segmentNanos = segmentNanos;
            this.keep = keep;
            this.maxBytes = maxBytes;
        }

        void begin() throws IOException {
            int number = NUMBER.incrementAndGet();
            String name = PREFIX + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + "-"
                    + String.format(java.util.Locale.ROOT, "%04d", number) + SUFFIX;
            // chunks no longer than a segment, so a short segment is on disk when it ends
            current = new ChunkedGzipFile(dir.resolve(name), Math.min(ChunkedGzipFile.CHUNK_NANOS, segmentNanos));
            byte[] head = HeaderLine.encode(header);
            current.write(head, head.length, 1);
            current.sync(); // the header on disk at once
            begun = System.nanoTime();
            prune();
        }

        @Override
        public void write(byte[] utf8, int length, int lineCount) throws IOException {
            newSubject();
            current.write(utf8, length, lineCount);
            if (current.bytesOnDisk() >= maxBytes / SEGMENTS_PER_LIMIT) { // a busy lab: the size limit comes first
                next();
            }
        }

        @Override
        public void tick(long now) throws IOException {
            newSubject();
            current.tick(now);
            if (now - begun >= segmentNanos) {
                next();
            }
        }

        /** A new segment for a new subject, its header saying so. */
        private void newSubject() throws IOException {
            RecordingHeader now = wanted;
            if (now != header) {
                header = now;
                next();
            }
        }

        private void next() throws IOException {
            current.close();
            begin();
        }

        /** Deletes segments older than {@code keep}, then the oldest while the folder holds more than {@code maxBytes}. */
        private void prune() throws IOException {
            List<Path> files = list(dir);
            files.remove(current.path());
            long cutoff = System.currentTimeMillis() - keep.toMillis();
            long total = Files.size(current.path());
            List<Path> kept = new ArrayList<>();
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                } else {
                    kept.add(f);
                    total += Files.size(f);
                }
            }
            for (int i = 0; i < kept.size() && total > maxBytes; i++) { // oldest first
                total -= Files.size(kept.get(i));
                Files.deleteIfExists(kept.get(i));
            }
        }

        @Override
        public void close() throws IOException {
            current.close();
            // its last chunks, compressed at the end (behind a busy lab the compressing thread lags), may
            // take the folder over its bytes: the oldest go, as at the start of every segment
            prune();
        }
    }
}
