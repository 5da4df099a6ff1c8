package echolab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaneLayoutTest {

    @Test
    void aFewLanesAreTallAndAllNamed() {
        LaneLayout l = LaneLayout.of(5, 200, 0);
        assertEquals(LaneLayout.MAX_HEIGHT, l.height());
        assertEquals(5, l.shown());
        assertEquals(1, l.labelEvery());
        assertEquals(0, l.scrollMax());
    }

    @Test
    void manyLanesShrinkToFitBeforeAnyScrolling() {
        LaneLayout l = LaneLayout.of(40, 200, 0);
        assertEquals(5, l.height());
        assertEquals(40, l.shown());
        assertEquals(0, l.scrollMax());
        assertEquals(3, l.labelEvery(), "names every third lane, so that they do not overlap");
    }

    @Test
    void aHundredLanesStopAtTheThinnestAndScroll() {
        LaneLayout l = LaneLayout.of(105, 200, 1_000);
        assertEquals(LaneLayout.MIN_HEIGHT, l.height());
        assertEquals(50, l.shown());
        assertEquals(55, l.scrollMax());
        assertEquals(55, l.first(), "scrolled no further than the last lane");
        assertTrue(l.isShown(104));
        assertEquals(0, l.top(55));
    }

    @Test
    void ticksNeverCrowd() {
        assertEquals(1, TimeTicks.stepSeconds(100)); // 10 s over 1000 px
        assertEquals(5, TimeTicks.stepSeconds(16)); // 60 s over 1000 px
    }

    @Test
    void theLagLabelSaysLivePausedOrHowFarBehind() {
        assertEquals("live", LagText.of(0.01, false, 1.0));
        assertEquals("paused", LagText.of(0.0, true, 1.0));
        assertEquals("paused · 3.2 s behind", LagText.of(3.21, true, 1.0));
        assertEquals("0.25× · 1.0 s behind", LagText.of(1.0, false, 0.25));
    }
}
