package echolab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A tee of lanes: the timeline keeps drawing as before, and the other side sees every call, in order. */
@Timeout(10)
class LanesTest {

    /** Lanes that write down every call. */
    private static final class Written implements Lanes {
        final List<String> calls = new ArrayList<>();

        @Override
        public void set(String key, String label, boolean worker, Activity state, long nanos) {
            calls.add("set " + key + " " + state + " " + nanos);
        }

        @Override
        public void end(String key, long nanos) {
            calls.add("end " + key + " " + nanos);
        }

        @Override
        public void mark(String key, long nanos, String label) {
            calls.add("mark " + key + " " + label);
        }

        @Override
        public void rename(String key, String label) {
            calls.add("rename " + key + " " + label);
        }
    }

    @Test
    void aTeePassesEveryCallToBothSidesAndTheTimelineStillCoalescesItsSpans() {
        TimelineModel timeline = new TimelineModel(100);
        Written exact = new Written();
        Lanes both = Lanes.tee(timeline, exact);
        both.set("w1", "worker 1", true, Activity.READING, 0);
        both.set("w1", "worker 1", true, Activity.COUNTER, 1_000); // a flicker far under 2 ms
        both.set("w1", "worker 1", true, Activity.ECHOING, 10_000_000);
        both.mark("w1", 10_000_001, "lost 1");
        both.rename("w1", "worker one");
        both.end("w1", 20_000_000);
        assertEquals(List.of("set w1 READING 0", "set w1 COUNTER 1000", "set w1 ECHOING 10000000", "mark w1 lost 1",
                "rename w1 worker one", "end w1 20000000"), exact.calls);
        assertEquals(2, timeline.spanCount(), "the timeline merged the flicker into its first span");
        assertEquals("worker one", timeline.lanes().get(0).label());
        assertEquals(1, timeline.marks().size());
    }
}
