package echolab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import echolab.events.Event;
import echolab.events.Subscription;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import echolab.ui.rewind.ChainedFold;
import echolab.ui.rewind.TimeMachine;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The one place where events reach the FX thread: once per frame it drains the window's one
 * subscription into the window's {@link TimeMachine} and folds every event whose time has come into
 * every {@link Fold} added to it, in the order they were added, on one play clock. Pause stops them
 * all, the timeline and the student's server's tree alike.
 *
 * <p>Live (speed 1, not paused, not rewound) that is every event drained. Paused, slowed down or
 * rewound, the play clock runs behind real time and the time machine holds the rest, so the
 * animation can go slower than the server, or back, without slowing it: the server never waits for
 * the window. The time machine keeps the last {@value #HISTORY_KEEP} events with a checkpoint of the
 * folds every {@value #CHECKPOINT_EVERY}: {@link #rewindTo} shows any instant among them (the folds
 * that cannot be put back, the timeline's, keep what they drew). When it is full while the picture
 * is behind, the oldest events are folded at once ("skipped ahead") rather than kept.
 *
 * <p>Threading: FX thread only.
 */
public final class EventPump {

    private static final int DRAIN_PER_FRAME = 100_000;
    private static final int FOLD_PER_FRAME = 60_000;
    public static final int HISTORY_KEEP = 1_000_000;
    public static final int CHECKPOINT_EVERY = 20_000;

    private final Subscription subscription;
    private final ChainedFold chain = new ChainedFold();
    private final List<Fold> live = new ArrayList<>();
    private final List<LongConsumer> frameListeners = new ArrayList<>();
    private final List<Consumer<Boolean>> replayListeners = new ArrayList<>();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper behind = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper lagSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper();
    private final FrameBudget budget = new FrameBudget();
    private TimeMachine<List<Object>> machine;
    private long playNanos;
    private long lastFrame;
    /** Rewound or stepped: the play clock stays where it was put until Go live, even at speed 1. */
    private boolean away;
    /** Playing a recording: its clock is not this machine's, and there is no live to go back to. */
    private boolean replay;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /** A pump of {@code subscription} into {@code folds}; {@link #add} adds more before it starts. */
    public EventPump(Subscription subscription, Fold... folds) {
        this.subscription = subscription;
        for (Fold f : folds) {
            chain.add(f);
        }
        speed.addListener((obs, was, is) -> {
            if (is.doubleValue() >= 1.0 && !paused.get() && !away) {
                playNanos = System.nanoTime(); // back to live
            }
        });
    }

    public void start() {
        lastFrame = System.nanoTime();
        if (!replay) { // a recording loaded before the first frame keeps its own clock
            playNanos = lastFrame;
        }
        machine();
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Folds every event from now on into {@code fold} too, after the folds added before it. */
    public void add(Fold fold) {
        if (machine != null) {
            throw new IllegalStateException("folds are added before the first frame");
        }
        chain.add(fold);
    }

    /**
     * Folds every event into {@code fold} as soon as it is drained, not on the play clock: for
     * what says how the server stands now (the figures), which slow motion and pause must not hold back.
     */
    public void addLive(Fold fold) {
        live.add(fold);
    }

    /** Called every frame, after the fold, with the play time; for animations that move on their own. */
    public void onFrame(LongConsumer listener) {
        frameListeners.add(listener);
    }

    /**
     * Told true when the folds start folding again events they folded before (a rewind, a step
     * back, going live from a checkpoint), false when they are past them: what the folds write
     * elsewhere, the timeline's spans, is written once.
     */
    public void onReplaying(Consumer<Boolean> listener) {
        replayListeners.add(listener);
    }

    private TimeMachine<List<Object>> machine() {
        if (machine == null) {
            machine = new TimeMachine<>(chain, CHECKPOINT_EVERY, HISTORY_KEEP);
            machine.onReplaying(again -> {
                chain.replaying(again);
                for (Consumer<Boolean> l : replayListeners) {
                    l.accept(again);
                }
            });
        }
        return machine;
    }

    /** One frame's work; public so tests and benchmarks can drive it without a pulse. */
    public void frame(long now) {
        TimeMachine<List<Object>> m = machine();
        budget.frame(now);
        subscription.drain(e -> {
            m.receive(e);
            for (Fold f : live) {
                f.apply(e, now);
            }
        }, DRAIN_PER_FRAME);
        for (Fold f : live) {
            f.endFrame(now);
        }
        long elapsed = now - lastFrame;
        lastFrame = now;
        if (!paused.get()) {
            if (replay) {
                playNanos += (long) (elapsed * speed.get());
                if (m.cursor() == m.head()) {
                    paused.set(true); // the recording's end
                }
            } else {
                playNanos = speed.get() >= 1.0 && !away ? now
                        : Math.min(now, playNanos + (long) (elapsed * speed.get()));
                if (away && playNanos == now && m.cursor() == m.head()) {
                    away = false; // played forward until it caught up: live again
                }
            }
        }
        if (!(paused.get() && away)) { // rewound and paused: the instant stays the one asked for
            m.foldUntil(playNanos, FOLD_PER_FRAME, away ? Long.MIN_VALUE : playNanos);
        }
        m.endFrame(playNanos);
        skipped.set(m.skipped());
        long oldest = m.cursor() < m.head() ? m.history().time(m.cursor()) : Long.MAX_VALUE;
        if (replay) { // how far from the recording's end
            lagSeconds.set(Math.max(0, (newestNanos() - playNanos) / 1e9));
        } else {
            lagSeconds.set(oldest == Long.MAX_VALUE ? Math.max(0, (now - playNanos) / 1e9)
                    : (now - Math.min(playNanos, oldest)) / 1e9);
        }
        behind.set(paused.get() || speed.get() < 1.0 || away);
        frames.set(frames.get() + 1);
        for (LongConsumer l : frameListeners) {
            l.accept(playNanos);
        }
    }

    /**
     * Plays {@code events} (a recording) instead of the subscription's: they are folded once through
     * to their end, so that every part of them has a checkpoint near it, then the picture is taken
     * back to their start, paused. From then on the play clock is the recording's; Go live goes to
     * its end. Call before the first frame.
     */
    public void replay(List<Event> events) {
        TimeMachine<List<Object>> m = machine();
        for (int i = 0; i < events.size(); i++) {
            m.receive(events.get(i));
            if ((i + 1) % 1_000 == 0 || i == events.size() - 1) {
                m.foldUntil(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE);
                m.endFrame(events.get(i).nanos());
            }
        }
        replay = true;
        away = true;
        paused.set(true);
        m.seek(m.earliest());
        playNanos = events.isEmpty() ? 0 : events.get(0).nanos();
        behind.set(true);
    }

    /** Whether the window plays a recording rather than a server. */
    public boolean replaying() {
        return replay;
    }

    /** Jumps the play clock to now and folds everything received, from the latest checkpoint when that is nearer. */
    public void goLive() {
        TimeMachine<List<Object>> m = machine();
        if (replay) { // no server: its end
            showIndex(m.head());
            playNanos = m.shownTime();
            return;
        }
        if (m.latestCheckpoint() > m.cursor()) {
            m.seek(m.latestCheckpoint());
        }
        away = false;
        paused.set(false);
        speed.set(1.0);
        playNanos = System.nanoTime();
        behind.set(false);
    }

    // The time machine

    /**
     * Shows the instant {@code nanos} (a time on the events' clock) and pauses there: the folds
     * show the state after the last event at or before it. Kept within what the history holds.
     */
    public void rewindTo(long nanos) {
        TimeMachine<List<Object>> m = machine();
        showIndex(m.history().indexAfter(nanos));
        playNanos = Math.max(replay ? nanos : Math.min(nanos, System.nanoTime()), m.shownTime());
    }

    /** Steps {@code events} events forward (positive) or back (negative), and pauses there. */
    public void step(long events) {
        TimeMachine<List<Object>> m = machine();
        showIndex(m.cursor() + events);
        playNanos = m.shownTime();
    }

    /** Steps {@code nanos} of the events' time forward or back from the instant shown, and pauses there. */
    public void stepTime(long nanos) {
        rewindTo(shownNanos() + nanos);
    }

    private void showIndex(long index) {
        TimeMachine<List<Object>> m = machine();
        paused.set(true);
        away = true;
        m.seek(index);
        behind.set(true);
    }

    /** The instant shown: the time of the last event folded into the window. */
    public long shownNanos() {
        TimeMachine<List<Object>> m = machine();
        return m.shownTime() == Long.MIN_VALUE ? playNanos : m.shownTime();
    }

    /** The earliest instant a rewind can show, on the events' clock, or the newest when nothing is kept yet. */
    public long earliestNanos() {
        TimeMachine<List<Object>> m = machine();
        long first = m.earliest();
        return m.history().holds(first) ? m.history().time(first) : newestNanos();
    }

    /** The newest event's time, or now when there is none. */
    public long newestNanos() {
        TimeMachine<List<Object>> m = machine();
        return m.head() > m.history().first() ? m.history().time(m.head() - 1) : System.nanoTime();
    }

    /** The time machine itself: the events kept, the cursor, the checkpoints. */
    public TimeMachine<List<Object>> timeMachine() {
        return machine();
    }

    // Properties

    /** Animation speed: 1 is live; below 1 is slow motion, replayed from the buffer. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Whether the picture shows anything but now: paused, slowed down or rewound. */
    public ReadOnlyBooleanProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    /** How far the picture runs behind the server, in seconds. */
    public ReadOnlyDoubleProperty lagSecondsProperty() {
        return lagSeconds.getReadOnlyProperty();
    }

    /** Events folded at once because the history was full before they were shown. */
    public ReadOnlyLongProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** The window's frame budget: the panels' {@link Cadence}s take turns in it and slow down when it is strained. */
    public FrameBudget budget() {
        return budget;
    }

    /** Events dropped before they reached the window (its subscription was full). */
    public long dropped() {
        return subscription.dropped();
    }

    /** The play time of the last frame. */
    public long playNanos() {
        return playNanos;
    }
}
