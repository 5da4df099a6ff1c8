package echolab.record;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import echolab.events.Event;

/**
 * A recording's events one at a time, for files too big to hold: gzip chunks or plain JSON lines
 * (sniffed by the gzip magic). A damaged file yields its events up to its last good line and then ends;
 * {@link #damage()} says where and why.
 *
 * <p>Threading: one thread.
 */
public final class RecordingReader implements Iterator<Event>, AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final LineSource lines;
    private final RecordingHeader header;
    private long lineNumber = 1; // the header's
    private long dropped;
    private Event next;
    private boolean done;
    private String damage;

    private RecordingReader(LineSource lines, RecordingHeader header) {
        this.lines = lines;
        this.header = header;
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws RecordingException (one line) when the file cannot be read, is not a recording, or is of a
     *                            newer format
     */
    public static RecordingReader open(Path file) throws RecordingException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (NoSuchFileException e) {
            throw new RecordingException("cannot read " + file + ": there is no such file");
        } catch (AccessDeniedException e) {
            throw new RecordingException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new RecordingException("cannot read " + file + ": " + e.getMessage());
        }
        return open(in, file.toString(), file.getFileName().toString());
    }

    /**
     * Reads a recording from {@code stream} (a lesson's, from the class path, say), which the reader then
     * owns; {@code where} and {@code name} name it in messages.
     *
     * @throws RecordingException (one line) as {@link #open(Path)}
     */
    public static RecordingReader open(InputStream stream, String where, String name) throws RecordingException {
        InputStream in = stream instanceof BufferedInputStream ? stream : new BufferedInputStream(stream, 64 * 1024);
        try {
            LineSource lines = new LineSource(decompressed(in));
            String first = lines.next();
            if (first == null) {
                first = lines.cutLine();
            }
            if (first == null) {
                throw new RecordingException("not an EchoLab recording: " + name + " is empty");
            }
            return new RecordingReader(lines, HeaderLine.decode(first));
        } catch (RecordingException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw new RecordingException("cannot read " + where + ": " + e.getMessage());
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            try {
                return new GZIPInputStream(in, 64 * 1024);
            } catch (EOFException e) { // the first member's header itself is cut off
                throw new IOException("its first compressed chunk is cut off");
            }
        }
        return in;
    }

    public RecordingHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event e = next;
        next = null;
        return e;
    }

    /** The event of the next good line, or null (and {@code done}) at the end or at the first bad line. */
    private Event advance() {
        while (true) {
            String line = lines.next();
            if (line == null) {
                done = true;
                return endOfLines();
            }
            if (line.isBlank()) {
                lineNumber++;
                continue;
            }
            Event fast = EventJson.decodeFast(line); // the usual line, streamed
            if (fast != null) {
                lineNumber++;
                return fast;
            }
            JsonNode node;
            try {
                node = EventJson.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                return stop("line " + (lineNumber + 1) + " is not valid JSON");
            }
            String type = node == null ? "" : node.path("type").asText("");
            if (RecordingDrain.GAP.equals(type)) {
                dropped += node.path("dropped").asLong(0);
                lineNumber++;
                continue;
            }
            try {
                Event event = EventJson.decode(node);
                lineNumber++;
                return event;
            } catch (IllegalArgumentException e) {
                return stop("line " + (lineNumber + 1) + " is not an event (" + e.getMessage() + ")");
            }
        }
    }

    private Event stop(String why) {
        done = true;
        damage = "damaged after line " + lineNumber + ": " + why;
        return null;
    }

    /** Judges how the lines ended; returns the last line's event when only its newline was missing. */
    private Event endOfLines() {
        IOException failure = lines.failure();
        if (failure != null) { // a line cut with its chunk says nothing more than the chunk
            damage = "damaged after line " + lineNumber + ": " + (failure instanceof EOFException
                    ? "the file ends inside a compressed chunk"
                    : "a compressed chunk is corrupt (" + failure.getMessage() + ")");
            return null;
        }
        String cut = lines.cutLine();
        if (cut != null && !cut.isBlank()) {
            try {
                Event last = EventJson.decodeLine(cut); // a last line complete but for its newline is good
                lineNumber++;
                return last;
            } catch (IllegalArgumentException e) {
                damage = "damaged after line " + lineNumber + ": line " + (lineNumber + 1) + " is cut off";
            }
        }
        return null;
    }

    /** Where and why the file stopped being readable, in one line; empty for a whole file. Final once {@link #hasNext} is false. */
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    /** Events the recorder had to drop (its queue was full), as its gap lines said, so far. */
    public long dropped() {
        return dropped;
    }

    /** The number of the last line read well (the header is line 1). */
    public long lastGoodLine() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // nothing was written: a failed close of a file read loses nothing
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that is what the user hears of
        }
    }
}
