package echolab.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import echolab.events.Event;
import echolab.events.Subscription;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The one place where events reach the FX thread: once per frame it drains the window's one
 * subscription into a replay buffer and folds every event whose time has come into every
 * {@link Fold} added to it, in the order they were added, on one play clock. Pause stops them all,
 * the timeline and the student's server's tree alike.
 *
 * <p>Live (speed 1, not paused) that is every event drained. Paused or slowed down, a play clock
 * runs behind real time and the buffer holds the rest, so the animation can go slower than the
 * server without slowing it: the server never waits for the window. The buffer is bounded; when it
 * is full the oldest events are folded at once ("skipped ahead") rather than kept.
 *
 * <p>Threading: FX thread only.
 */
public final class EventPump {

    private static final int DRAIN_PER_FRAME = 100_000;
    private static final int FOLD_PER_FRAME = 60_000;
    private static final int BUFFER_LIMIT = 400_000;

    private final Subscription subscription;
    private final List<Fold> folds = new ArrayList<>();
    private final List<Fold> live = new ArrayList<>();
    private final ArrayDeque<Event> buffer = new ArrayDeque<>();
    private final List<LongConsumer> frameListeners = new ArrayList<>();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyDoubleWrapper lagSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper();
    private final FrameBudget budget = new FrameBudget();
    private long playNanos;
    private long lastFrame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /** A pump of {@code subscription} into {@code folds}; {@link #add} adds more before it starts. */
    public EventPump(Subscription subscription, Fold... folds) {
        this.subscription = subscription;
        this.folds.addAll(List.of(folds));
        speed.addListener((obs, was, is) -> {
            if (is.doubleValue() >= 1.0 && !paused.get()) {
                playNanos = System.nanoTime(); // back to live
            }
        });
    }

    public void start() {
        lastFrame = System.nanoTime();
        playNanos = lastFrame;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Folds every event from now on into {@code fold} too, after the folds added before it. */
    public void add(Fold fold) {
        folds.add(fold);
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

    /** One frame's work; public so tests and benchmarks can drive it without a pulse. */
    public void frame(long now) {
        budget.frame(now);
        subscription.drain(e -> {
            buffer.addLast(e);
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
            playNanos = speed.get() >= 1.0 ? now : Math.min(now, playNanos + (long) (elapsed * speed.get()));
        }
        int folded = 0;
        while (buffer.size() > BUFFER_LIMIT) {
            Event e = buffer.pollFirst();
            apply(e, e.nanos());
            skipped.set(skipped.get() + 1);
        }
        Event next;
        while (folded < FOLD_PER_FRAME && (next = buffer.peekFirst()) != null && next.nanos() - playNanos <= 0) {
            buffer.pollFirst();
            apply(next, playNanos);
            folded++;
        }
        for (Fold f : folds) {
            f.endFrame(playNanos);
        }
        Event oldest = buffer.peekFirst();
        lagSeconds.set(oldest == null ? Math.max(0, (now - playNanos) / 1e9) : (now - Math.min(playNanos, oldest.nanos())) / 1e9);
        frames.set(frames.get() + 1);
        for (LongConsumer l : frameListeners) {
            l.accept(playNanos);
        }
    }

    private void apply(Event e, long play) {
        for (Fold f : folds) {
            f.apply(e, play);
        }
    }

    /** Jumps the play clock to now and folds everything buffered. */
    public void goLive() {
        paused.set(false);
        speed.set(1.0);
        playNanos = System.nanoTime();
    }

    // Properties

    /** Animation speed: 1 is live; below 1 is slow motion, replayed from the buffer. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** How far the picture runs behind the server, in seconds. */
    public ReadOnlyDoubleProperty lagSecondsProperty() {
        return lagSeconds.getReadOnlyProperty();
    }

    /** Events folded at once because the replay buffer was full. */
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
