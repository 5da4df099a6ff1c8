package echolab.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the timeline draws: a lane per worker and per client, and the spans of state each lane went
 * through, in a ring of fixed size so an hour of use costs no more memory than a minute. Plain data
 * for the canvas, not properties. FX thread only.
 */
public final class TimelineModel {

    /** One stretch of one state on one lane; {@code end} is {@link Long#MAX_VALUE} while it lasts. */
    public static final class Span {
        public final Lane lane;
        public final Activity state;
        public final long start;
        long end = Long.MAX_VALUE;

        Span(Lane lane, Activity state, long start) {
            this.lane = lane;
            this.state = state;
            this.start = start;
        }

        public long end() {
            return end;
        }
    }

    /** A moment to mark on a lane, such as a lost update. */
    public record Mark(Lane lane, long nanos, String label) {}

    /** A row of the timeline. */
    public static final class Lane {
        public final String key;
        public final boolean worker;
        String label;
        Span open;
        long endedAt = Long.MAX_VALUE;

        Lane(String key, String label, boolean worker) {
            this.key = key;
            this.label = label;
            this.worker = worker;
        }

        /** The name printed on the lane; a client's can change once it tells its own name. */
        public String label() {
            return label;
        }

        /** When the lane's worker or client ended, or {@link Long#MAX_VALUE} while it lives. */
        public long endedAt() {
            return endedAt;
        }
    }

    private final Span[] ring;
    private int head;
    private int size;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private long revision;

    public TimelineModel(int capacity) {
        ring = new Span[capacity];
    }

    /** Puts {@code key}'s lane into {@code state} from {@code nanos} on, opening the lane if new. */
    public void set(String key, String label, boolean worker, Activity state, long nanos) {
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane(k, label, worker));
        if (lane.open != null) {
            if (lane.open.state == state) {
                return;
            }
            lane.open.end = nanos;
        }
        lane.endedAt = Long.MAX_VALUE;
        Span span = new Span(lane, state, nanos);
        lane.open = span;
        add(span);
    }

    /** Gives a lane a new name, e.g. a client the server saw before it said its own name. */
    public void rename(String key, String label) {
        Lane lane = lanes.get(key);
        if (lane != null && !lane.label.equals(label)) {
            lane.label = label;
            revision++;
        }
    }

    /** The lane's worker or client has gone: its last span ends now. */
    public void end(String key, long nanos) {
        Lane lane = lanes.get(key);
        if (lane == null) {
            return;
        }
        if (lane.open != null) {
            lane.open.end = nanos;
            lane.open = null;
        }
        lane.endedAt = nanos;
        revision++;
    }

    public void mark(String key, long nanos, String label) {
        Lane lane = lanes.get(key);
        if (lane != null) {
            marks.add(new Mark(lane, nanos, label));
            if (marks.size() > 500) {
                marks.subList(0, 100).clear();
            }
            revision++;
        }
    }

    private void add(Span span) {
        ring[(head + size) % ring.length] = span;
        if (size < ring.length) {
            size++;
        } else {
            head = (head + 1) % ring.length;
        }
        revision++;
    }

    /** Forgets lanes that ended before {@code nanos} (scrolled out of view). */
    public void prune(long nanos) {
        lanes.values().removeIf(l -> l.endedAt < nanos);
    }

    /** Lanes in order of first appearance, workers first. */
    public List<Lane> lanes() {
        List<Lane> ordered = new ArrayList<>(lanes.size());
        for (Lane l : lanes.values()) {
            if (l.worker) {
                ordered.add(l);
            }
        }
        for (Lane l : lanes.values()) {
            if (!l.worker) {
                ordered.add(l);
            }
        }
        return ordered;
    }

    /** Calls {@code visitor} for every span kept, oldest first. */
    public void forEachSpan(java.util.function.Consumer<Span> visitor) {
        for (int i = 0; i < size; i++) {
            visitor.accept(ring[(head + i) % ring.length]);
        }
    }

    public List<Mark> marks() {
        return marks;
    }

    public int spanCount() {
        return size;
    }

    public int capacity() {
        return ring.length;
    }

    /** Changes whenever something was added or ended. */
    public long revision() {
        return revision;
    }
}
