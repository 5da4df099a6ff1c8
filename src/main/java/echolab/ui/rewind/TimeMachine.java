package echolab.ui.rewind;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;

/**
 * The window's folds with their past: every event received is kept in an {@link EventHistory}, a
 * cursor says how many of them are folded, and every so many events folded a checkpoint of the
 * folds is kept. Any kept instant can then be shown again: the nearest checkpoint before it is
 * restored and the events after it are folded, each at its own time, up to the instant.
 *
 * <p>Folding forward (live, or playing a run back) goes through {@link #foldUntil}; going anywhere
 * else through {@link #seek}. Checkpoints are taken as the folds go forward, at the end of a
 * frame, so a rewind never costs more than {@code every} events of folding.
 *
 * <p>Threading: one thread (the FX thread, or a test's).
 *
 * @param <S> the folds' snapshot
 */
public final class TimeMachine<S> {

    /** The folds' state after the first {@code index} events, shown at {@code nanos}. */
    private record Checkpoint<S>(long index, long nanos, S state) {}

    private final Fold folds;
    private final Rewindable<S> rewindable;
    private Consumer<Boolean> replaying = again -> { };
    private boolean again;
    /** One past the newest event ever folded: events below it are folded again when shown again. */
    private long highWater;
    private final EventHistory history;
    private final int every;
    private final TreeMap<Long, Checkpoint<S>> checkpoints = new TreeMap<>();
    private long cursor;
    /** The time of the last event folded (or of the checkpoint restored): the instant shown. */
    private long lastTime = Long.MIN_VALUE;
    private long skipped;

    /**
     * A time machine for {@code folds}, as they are now (before any event), with a checkpoint every
     * {@code every} events folded, keeping the last {@code keep} events.
     */
    public <F extends Fold & Rewindable<S>> TimeMachine(F folds, int every, long keep) {
        this.folds = folds;
        this.rewindable = folds;
        this.every = every;
        this.history = new EventHistory(keep);
        checkpoints.put(0L, new Checkpoint<>(0, Long.MIN_VALUE, folds.snapshot()));
    }

    /**
     * Keeps a received event. When the history is full and forgets events not folded yet (the
     * window paused too long), they are folded first, at their own time: skipped ahead.
     */
    public void receive(Event e) {
        long firstBefore = history.first();
        if (history.forgetsOnNextAppend()) {
            // the oldest chunk goes: fold what of it is not folded yet
            long end = firstBefore + EventHistory.CHUNK;
            while (cursor < end) {
                foldNext(history.get(cursor).nanos());
                skipped++;
            }
        }
        history.append(e);
        long first = history.first();
        if (first != firstBefore) {
            // a checkpoint among forgotten events can no longer be folded on from
            if (checkpoints.ceilingKey(first) == null) {
                checkpoints.put(cursor, new Checkpoint<>(cursor, lastTime, rewindable.snapshot()));
            }
            checkpoints.headMap(first, false).clear();
        }
    }

    /**
     * Tells {@code listener} when the folds start (true) and stop (false) folding events they have
     * folded before: what they write elsewhere (the timeline's spans) must not be written twice.
     */
    public void onReplaying(Consumer<Boolean> listener) {
        replaying = listener;
    }

    /** Folds the event at the cursor, at {@code play}, and moves the cursor past it. */
    private void foldNext(long play) {
        long index = cursor++;
        Event e = history.get(index);
        boolean before = index < highWater;
        if (before != again) {
            again = before;
            replaying.accept(before);
        }
        folds.apply(e, play);
        if (!before) {
            highWater = index + 1;
        }
        lastTime = e.nanos();
    }

    /**
     * Folds the received events up to time {@code until}, at most {@code max} of them, each at
     * {@code play} ({@code Long.MIN_VALUE}: at its own time). Returns how many were folded.
     */
    public int foldUntil(long until, int max, long play) {
        int n = 0;
        while (n < max && cursor < history.head() && history.time(cursor) - until <= 0) {
            foldNext(play == Long.MIN_VALUE ? history.get(cursor).nanos() : play);
            n++;
        }
        return n;
    }

    /** Closes a frame at {@code play}, and keeps a checkpoint when {@code every} events were folded since the last. */
    public void endFrame(long play) {
        folds.endFrame(play);
        Map.Entry<Long, Checkpoint<S>> last = checkpoints.floorEntry(cursor);
        if (last == null || cursor - last.getKey() >= every) {
            checkpoints.put(cursor, new Checkpoint<>(cursor, play, rewindable.snapshot()));
        }
    }

    /**
     * Shows the instant after the first {@code index} events: restores the nearest checkpoint at or
     * before it (unless the folds are already between it and the instant) and folds on, each event
     * at its own time, closing the frame at the last one's. {@code index} is kept within
     * {@link #earliest()} and {@link #head()}.
     */
    public void seek(long index) {
        long target = Math.max(earliest(), Math.min(index, history.head()));
        Map.Entry<Long, Checkpoint<S>> cp = checkpoints.floorEntry(target);
        if (target < cursor || cp.getKey() > cursor) {
            rewindable.restore(cp.getValue().state());
            cursor = cp.getKey();
            lastTime = cp.getValue().nanos();
        }
        while (cursor < target) {
            foldNext(history.get(cursor).nanos());
        }
        if (lastTime != Long.MIN_VALUE) {
            folds.endFrame(lastTime);
        }
    }

    /** The index of the oldest instant that can be shown: the first kept checkpoint's. */
    public long earliest() {
        return checkpoints.firstKey();
    }

    /** How many events are folded into the folds: they show the instant after the event before this index. */
    public long cursor() {
        return cursor;
    }

    /** The instant shown: the time of the last event folded, or {@code Long.MIN_VALUE} before any. */
    public long shownTime() {
        return lastTime;
    }

    /** One past the newest event received. */
    public long head() {
        return history.head();
    }

    /** The events from the earliest instant that can be shown to the newest received, in order. */
    public java.util.List<Event> kept() {
        java.util.List<Event> events = new java.util.ArrayList<>((int) (history.head() - earliest()));
        for (long i = earliest(); i < history.head(); i++) {
            events.add(history.get(i));
        }
        return events;
    }

    public EventHistory history() {
        return history;
    }

    /** Events folded at once because the history was full before they were shown. */
    public long skipped() {
        return skipped;
    }

    /** The index of the latest checkpoint: going live starts there rather than folding everything since. */
    public long latestCheckpoint() {
        return checkpoints.lastKey();
    }

    /** Checkpoints kept now. */
    public int checkpoints() {
        return checkpoints.size();
    }
}
