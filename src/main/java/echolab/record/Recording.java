package echolab.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import echolab.events.Event;

/**
 * A whole recording in memory: its header, its events, where it was damaged if it was, and the gaps
 * where the recorder had to drop events. For a file too big to hold, use {@link RecordingReader}.
 *
 * <p>Threading: immutable once read.
 */
public final class Recording {

    /** {@code dropped} events are missing before {@code events().get(beforeEvent)}. */
    public record Gap(int beforeEvent, long dropped) {}

    private final RecordingHeader header;
    private final List<Event> events;
    private final List<Gap> gaps;
    private final String damage;

    private Recording(RecordingHeader header, List<Event> events, List<Gap> gaps, String damage) {
        this.header = header;
        this.events = events;
        this.gaps = gaps;
        this.damage = damage;
    }

    /**
     * Reads {@code file} whole. A truncated or corrupt file opens up to its last good line; {@link #damage()}
     * says where it stopped.
     *
     * @throws RecordingException (one line) when the file cannot be read at all, is not a recording, or is
     *                            of a newer format
     */
    public static Recording read(Path file) throws RecordingException {
        return read(RecordingReader.open(file));
    }

    /** Reads a recording from {@code stream}, which it closes; {@code where} and {@code name} name it in messages. */
    public static Recording read(java.io.InputStream stream, String where, String name) throws RecordingException {
        return read(RecordingReader.open(stream, where, name));
    }

    private static Recording read(RecordingReader opened) {
        try (RecordingReader reader = opened) {
            List<Event> events = new ArrayList<>();
            List<Gap> gaps = new ArrayList<>();
            long dropped = 0;
            while (reader.hasNext()) {
                Event e = reader.next();
                if (reader.dropped() != dropped) { // the gap lines read just before this event
                    gaps.add(new Gap(events.size(), reader.dropped() - dropped));
                    dropped = reader.dropped();
                }
                events.add(e);
            }
            if (reader.dropped() != dropped) {
                gaps.add(new Gap(events.size(), reader.dropped() - dropped));
            }
            return new Recording(reader.header(), List.copyOf(events), List.copyOf(gaps),
                    reader.damage().orElse(null));
        }
    }

    public RecordingHeader header() {
        return header;
    }

    public List<Event> events() {
        return events;
    }

    /** Where the file stopped being readable, in one line ("damaged after line 1234: ..."); empty when whole. */
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    public List<Gap> gaps() {
        return gaps;
    }

    /** Events the recorder had to drop, summed over the gaps. */
    public long dropped() {
        return gaps.stream().mapToLong(Gap::dropped).sum();
    }
}
