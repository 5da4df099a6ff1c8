package echolab.ui.timeline;

import java.util.concurrent.TimeUnit;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.model.Lanes;
import echolab.ui.model.ObservedLanes;
import echolab.ui.model.TimelineModel;

/**
 * The timeline's lanes: the workers' and clients' spans, written by the diagram's and the clients'
 * folds as they fold their events, and the student's server's threads, folded here. Added to the
 * pump after those folds, it closes each frame last: it forgets what is older than two minutes and
 * settles the spans drawn.
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class TimelineFold implements Fold {

    private static final long TIMELINE_KEEP = TimeUnit.SECONDS.toNanos(120);

    private final TimelineModel timeline = new TimelineModel(60_000);
    private final Lanes lanes;
    private final ObservedLanes observedLanes;

    public TimelineFold() {
        this(null);
    }

    /** A timeline whose lanes {@code also} sees as well (every call, unsettled), or none when null. */
    public TimelineFold(Lanes also) {
        lanes = also == null ? timeline : Lanes.tee(timeline, also);
        observedLanes = new ObservedLanes(lanes);
    }

    @Override
    public void apply(Event e, long playNanos) {
        observedLanes.apply(e);
    }

    @Override
    public void endFrame(long playNanos) {
        timeline.prune(playNanos - TIMELINE_KEEP);
        timeline.settle(playNanos);
    }

    public TimelineModel timeline() {
        return timeline;
    }

    /** Where the other folds write their lanes: the timeline, and what it was given to see them too. */
    public Lanes lanes() {
        return lanes;
    }
}
