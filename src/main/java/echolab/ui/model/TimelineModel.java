package echolab.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the timeline draws: a lane per worker and per client, and the spans of state each lane went
 * through, in a ring of fixed size so an hour of use costs no more memory than a minute. Plain data
 * for the canvas, not properties. FX thread only.
 *
 * <p>A busy worker changes state every few microseconds, far below what a pixel shows. So a span
 * lasts at least {@link #MIN_SPAN_NANOS}: changes inside that time do not open new spans, and the
 * span takes the state that lasted longest in it. The ring then holds tens of seconds even at full
 * speed, and a frame draws a few thousand rectangles, not a hundred thousand.
 */
public final class TimelineModel implements Lanes {

    /** The shortest span kept, far below a pixel of the shortest window shown. */
    public static final long MIN_SPAN_NANOS = 2_000_000;

    /** One stretch of one state on one lane; {@code end} is {@link Long#MAX_VALUE} while it lasts. */
    public static final class Span {
        public final Lane lane;
        /** The state drawn; while the span is young, the state that has lasted longest in it. */
        public Activity state;
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
        /** The state the lane is in now, since when, and the longest any state lasted in the open span. */
        Activity current;
        long currentSince;
        long longest;

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
    private java.util.function.Predicate<Lane> shown = lane -> true;
    private boolean muted;

    public TimelineModel(int capacity) {
        ring = new Span[capacity];
    }

    /**
     * While muted, nothing is written: the folds are folding again, for a rewind, events whose
     * spans are drawn already.
     */
    public void mute(boolean muted) {
        this.muted = muted;
    }

    /** Puts {@code key}'s lane into {@code state} from {@code nanos} on, opening the lane if new. */
    @Override
    public void set(String key, String label, boolean worker, Activity state, long nanos) {
        if (muted) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane(k, label, worker));
        Span open = lane.open;
        if (open != null) {
            if (lane.current == state) {
                return;
            }
            long lasted = nanos - lane.currentSince;
            if (lasted >= lane.longest) {
                lane.longest = lasted;
                if (open.state != lane.current) {
                    open.state = lane.current;
                    revision++;
                }
            }
            if (nanos - open.start < MIN_SPAN_NANOS) { // a flicker inside a young span: no new span
                lane.current = state;
                lane.currentSince = nanos;
                return;
            }
            open.end = nanos;
        }
        lane.endedAt = Long.MAX_VALUE;
        Span span = new Span(lane, state, nanos);
        lane.open = span;
        lane.current = state;
        lane.currentSince = nanos;
        lane.longest = 0;
        add(span);
    }

    /** Gives a lane a new name, e.g. a client the server saw before it said its own name. */
    @Override
    public void rename(String key, String label) {
        if (muted) {
            return;
        }
        Lane lane = lanes.get(key);
        if (lane != null && !lane.label.equals(label)) {
            lane.label = label;
            revision++;
        }
    }

    /**
     * Once a frame: an open span shows the state the lane is in now once that state has lasted
     * longer than any other in the span (a client that went through three states in a millisecond
     * and has been served since is drawn served).
     */
    public void settle(long now) {
        for (Lane lane : lanes.values()) {
            Span open = lane.open;
            if (open != null && open.state != lane.current && now - lane.currentSince > lane.longest) {
                open.state = lane.current;
                revision++;
            }
        }
    }

    /** The lane's worker or client has gone: its last span ends now. */
    @Override
    public void end(String key, long nanos) {
        if (muted) {
            return;
        }
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

    @Override
    public void mark(String key, long nanos, String label) {
        if (muted) {
            return;
        }
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

    /**
     * Shows only the lanes {@code shown} accepts (the window's subject's), from the next picture on;
     * the others are still kept, so switching back shows them with their past.
     */
    public void showOnly(java.util.function.Predicate<Lane> shown) {
        this.shown = shown;
        revision++;
    }

    /** Lanes shown, in order of first appearance, workers first. */
    public List<Lane> lanes() {
        List<Lane> ordered = new ArrayList<>(lanes.size());
        for (Lane l : lanes.values()) {
            if (l.worker && shown.test(l)) {
                ordered.add(l);
            }
        }
        for (Lane l : lanes.values()) {
            if (!l.worker && shown.test(l)) {
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
