package echolab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.testing.FoldedSteps;
import echolab.ui.model.Activity;
import echolab.ui.model.TimelineModel;

/** The timeline's lanes as the folds write them, fed by hand-made events, without the toolkit. */
class TimelineFoldTest {

    private final FoldedSteps s = new FoldedSteps();
    private final TimelineFold timeline = s.folds.timeline();

    @Test
    void aBusyLaneIsDrawnInSpansOfAtLeastTwoMillisecondsShowingWhatLastedLongest() {
        s.start("pool");
        s.apply(new Event.WorkerStarted(s.seq(), s.tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        long t = s.now();
        for (int i = 0; i < 1000; i++) { // 10 µs of counter work, then 90 µs waiting for the next line
            s.apply(new Event.CounterRead(s.seq(), t += 1_000, 1, "echolab-pool-worker-1", i));
            s.apply(new Event.LineEchoed(s.seq(), t += 10_000, 1, "echolab-pool-worker-1", 6, 1000));
            t += 89_000;
        }
        s.endFrame(t);
        List<TimelineModel.Span> spans = new java.util.ArrayList<>();
        timeline.timeline().forEachSpan(spans::add);
        assertTrue(spans.size() < 60, "100 ms of work in spans of 2 ms or more: " + spans.size());
        long reading = spans.stream().filter(s -> s.state == Activity.READING).count();
        assertTrue(reading > spans.size() / 2, "mostly waiting for the client's next line");
    }

    @Test
    void theTimelineKeepsABoundedHistory() {
        s.start("pool");
        s.apply(new Event.WorkerStarted(s.seq(), s.tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        for (int i = 0; i < 100_000; i++) {
            s.apply(new Event.CounterRead(s.seq(), s.tick(), 1, "echolab-pool-worker-1", i));
            s.apply(new Event.LineEchoed(s.seq(), s.tick(), 1, "echolab-pool-worker-1", 6, 1000));
        }
        assertEquals(timeline.timeline().capacity(), timeline.timeline().spanCount(), "the ring is full, not larger");
    }
}
