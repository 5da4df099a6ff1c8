package echolab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.record.DataDir;
import echolab.record.RecordingHeader;
import echolab.record.RecordingRing;
import echolab.record.RecordingWriter;
import echolab.ui.subject.Subject;

/**
 * What a window records of its lab: always the ring in the user's data folder (the last 30 minutes or
 * 1 GB), and the file {@code open --record FILE} names, for the first window opened. A ring that cannot
 * be written (a read-only home) costs the recording, never the window: it is said on stderr.
 *
 * <p>Threading: {@link #start} and {@link #close} on the thread that opens and closes the window.
 */
final class WindowRecording implements AutoCloseable {

    /** {@code open --record FILE}, taken by the first window. */
    private static final AtomicReference<Path> REQUESTED = new AtomicReference<>();

    private final RecordingRing ring;
    private final RecordingWriter file;

    private WindowRecording(RecordingRing ring, RecordingWriter file) {
        this.ring = ring;
        this.file = file;
    }

    /** Asks the next window to record into {@code file} as well. */
    static void recordNextWindowTo(Path file) {
        REQUESTED.set(file);
    }

    /** Starts recording {@code bus}, the window's, before its lab starts, so that the server's start is in. */
    static WindowRecording start(EventBus bus, ServerOptions options) {
        RecordingHeader header = RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_ECHOLAB, options.mode().id(),
                RecordingHeader.settingsOf(options));
        RecordingRing ring = null;
        try {
            ring = RecordingRing.start(DataDir.recordings(), header, bus);
        } catch (IOException e) {
            System.err.println("warning: the window does not record: cannot write " + DataDir.recordings() + ": " + e);
        }
        RecordingWriter file = null;
        Path requested = REQUESTED.getAndSet(null);
        if (requested != null) {
            try {
                file = RecordingWriter.start(requested, header, bus);
            } catch (IOException e) {
                System.err.println("warning: cannot record into " + requested + ": " + e);
            }
        }
        return new WindowRecording(ring, file);
    }

    /** The window now studies {@code subject}: the ring's next segment says so in its header. */
    void subject(Subject subject) {
        if (ring != null) {
            ring.subject(subject == Subject.STUDENT ? RecordingHeader.SUBJECT_YOUR_SERVER : RecordingHeader.SUBJECT_ECHOLAB);
        }
    }

    /** Ends both recordings, writing what is queued. */
    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                System.err.println("warning: the recording " + file.file() + " is incomplete: " + e);
            }
        }
        if (ring != null) {
            try {
                ring.close();
            } catch (IOException e) {
                System.err.println("warning: the window's recording " + ring.dir() + " is incomplete: " + e);
            }
        }
    }
}
