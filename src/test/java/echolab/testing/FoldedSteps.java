package echolab.testing;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.ui.LabFolds;

/**
 * The window's folds, without the toolkit or a pump, fed by hand-made events one millisecond
 * apart: what each sequence of server steps must look like.
 */
public final class FoldedSteps {

    /** A pool of 2, no protection, no delay, a race window of 50 µs. */
    public final LabFolds folds = new LabFolds(Mode.POOL, Protection.NONE, 0, 50, 2, false);
    private long seq;
    private long now = 1_000_000_000L;

    /** The next sequence number. */
    public long seq() {
        return ++seq;
    }

    /** One millisecond later; returns the new time. */
    public long tick() {
        now += 1_000_000;
        return now;
    }

    /** The time of the last tick. */
    public long now() {
        return now;
    }

    /** Folds {@code e} at its own time, as the pump does live. */
    public void apply(Event e) {
        folds.apply(e, e.nanos());
    }

    /** Closes a frame at {@code playNanos}. */
    public void endFrame(long playNanos) {
        folds.endFrame(playNanos);
    }

    /** The server started in {@code mode}, with its acceptor, {@code echolab-main}. */
    public void start(String mode) {
        apply(new Event.ServerStarted(seq(), tick(), "127.0.0.1", 7000, mode, 4711));
        apply(new Event.WorkerStarted(seq(), tick(), "echolab-main", mode, "acceptor"));
    }
}
