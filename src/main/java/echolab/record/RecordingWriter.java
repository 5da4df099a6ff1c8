package echolab.record;

import java.io.IOException;
import java.nio.file.Path;

import echolab.events.EventBus;
import echolab.events.Subscription;

/**
 * Records a bus's events into one file: the header line, then every event, in gzip chunks
 * ({@code docs/recording.md}). It subscribes when started, so it records from then on.
 *
 * <p>Threading: {@link #start} and {@link #close} from the owner's thread; the writing is its own thread's
 * ({@code echolab-recorder}).
 */
public final class RecordingWriter implements AutoCloseable {

    /** The recording's queue: a burst larger than this, unwritten, is dropped and marked by a gap line. */
    static final int QUEUE = 1 << 17;

    private final Path file;
    private final RecordingDrain drain;
    private boolean closed;

    private RecordingWriter(Path file, RecordingDrain drain) {
        this.file = file;
        this.drain = drain;
    }

    /** Creates (or replaces) {@code file}, writes the header and records {@code bus} from now until {@link #close}. */
    public static RecordingWriter start(Path file, RecordingHeader header, EventBus bus) throws IOException {
        ChunkedGzipFile out = new ChunkedGzipFile(file, ChunkedGzipFile.CHUNK_NANOS);
        try {
            byte[] head = HeaderLine.encode(header);
            out.write(head, head.length, 1);
            out.sync(); // the header on disk at once: even a recording cut short says what it is
        } catch (IOException e) {
            out.close();
            throw e;
        }
        Subscription subscription = bus.subscribe("recording " + file.getFileName(), QUEUE);
        RecordingDrain drain = new RecordingDrain("echolab-recorder", subscription, out);
        drain.start();
        return new RecordingWriter(file, drain);
    }

    public Path file() {
        return file;
    }

    /** Events written so far; exact once closed. */
    public long eventsWritten() {
        return drain.written();
    }

    /** Writes what is queued, ends the last chunk and closes the file; throws if writing failed on the way. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        drain.close();
    }
}
