package echolab.ui.rewind;

import java.util.ArrayList;
import java.util.List;

import echolab.events.Event;

/**
 * The events the window has received, in the order it received them, numbered from the first
 * (index 0) on, the oldest forgotten beyond a limit, whole chunks at a time. Each index also has a
 * time that never goes back (the latest event time up to it): events are stamped on the threads that
 * publish them, so two may arrive a microsecond out of order, and a search by time needs an order.
 *
 * <p>Threading: one thread (the FX thread, or a test's).
 */
public final class EventHistory {

    static final int CHUNK = 1 << 14;

    private final List<Event[]> chunkList = new ArrayList<>();
    private final List<long[]> timeList = new ArrayList<>();
    private final long limit;
    private long first;
    private long head;
    private long latest = Long.MIN_VALUE;

    /** A history that keeps at least the last {@code limit} events (and at most a chunk more). */
    public EventHistory(long limit) {
        if (limit < CHUNK) {
            throw new IllegalArgumentException("a history keeps at least " + CHUNK + " events");
        }
        this.limit = limit;
    }

    /** Adds {@code e} at index {@link #head()}; may forget the oldest chunk. */
    public void append(Event e) {
        int at = (int) (head % CHUNK);
        if (at == 0) {
            Event[] chunk = new Event[CHUNK];
            long[] stamp = new long[CHUNK];
            chunkList.add(chunk);
            timeList.add(stamp);
        }
        latest = Math.max(latest, e.nanos());
        chunkList.get(chunkList.size() - 1)[at] = e;
        timeList.get(timeList.size() - 1)[at] = latest;
        boolean forget = forgetsOnNextAppend();
        head++;
        if (forget) {
            chunkList.remove(0);
            timeList.remove(0);
            first += CHUNK;
        }
    }

    /** Whether the next {@link #append} forgets the oldest chunk. */
    public boolean forgetsOnNextAppend() {
        return head + 1 - first > limit + CHUNK;
    }

    /** The index of the oldest event kept. */
    public long first() {
        return first;
    }

    /** The index the next event will have: one past the newest. */
    public long head() {
        return head;
    }

    /** Whether {@code index} is kept. */
    public boolean holds(long index) {
        return index >= first && index < head;
    }

    /** The event at {@code index}, which must be kept. */
    public Event get(long index) {
        check(index);
        long offset = index - first;
        return chunkList.get((int) (offset / CHUNK))[(int) (offset % CHUNK)];
    }

    /** The history's time at {@code index}: the latest event time up to and including it. */
    public long time(long index) {
        check(index);
        long offset = index - first;
        return timeList.get((int) (offset / CHUNK))[(int) (offset % CHUNK)];
    }

    /**
     * The number of the first kept event whose history time is after {@code nanos}: the events
     * before it are those of the instant {@code nanos}. {@link #head()} when all are at or before it.
     */
    public long indexAfter(long nanos) {
        long lo = first;
        long hi = head;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (time(mid) <= nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void check(long index) {
        if (!holds(index)) {
            throw new IndexOutOfBoundsException("event " + index + " is not kept (kept: " + first + " to " + head + ")");
        }
    }
}
