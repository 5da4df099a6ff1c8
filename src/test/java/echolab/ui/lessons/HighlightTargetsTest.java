package echolab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import echolab.lessons.LessonReader;
import echolab.lessons.Step;

/**
 * Every name a lesson file may use for a part of the window or a control has a place of its own;
 * only {@code controls} itself is the controls panel. (That each selector is found in the real
 * window is {@code LessonsPanelTest}'s.)
 */
class HighlightTargetsTest {

    @Test
    void everyPartHasItsOwnNodeAndTheTabsAreSelected() {
        for (String part : LessonReader.TARGETS) {
            HighlightTargets.Target t = HighlightTargets.part(part);
            if (part.equals("controls")) {
                assertEquals(HighlightTargets.CONTROLS, t);
            } else {
                assertNotEquals(HighlightTargets.CONTROLS, t, part);
            }
        }
        assertEquals("tabSync", HighlightTargets.part("sync").tabId());
        assertEquals("tabCompare", HighlightTargets.part("compare").tabId());
        assertEquals("tabYourServer", HighlightTargets.part("yourServer").tabId());
        assertEquals("tabDiagram", HighlightTargets.part("diagram").tabId());
        assertEquals(null, HighlightTargets.part("timeline").tabId());
    }

    @Test
    void everyControlATryMayNameHasItsOwnNode() {
        for (String control : LessonReader.CONTROLS) {
            assertNotEquals(HighlightTargets.CONTROLS, HighlightTargets.control(control), control);
        }
        assertEquals("#raceWindowSlider", HighlightTargets.control("raceWindowMicros").selector());
        assertEquals("tabSync", HighlightTargets.control("permits").tabId());
    }

    @Test
    void aStepPointsByItsKind() {
        Step.Run run = new Step.Run(1, null, null, List.of(), null, null, 5, "timeline", List.of(), null);
        assertEquals(Optional.of(HighlightTargets.part("timeline")), HighlightTargets.forStep(run));
        assertEquals(Optional.of(HighlightTargets.part("figures")),
                HighlightTargets.forStep(new Step.Reveal(1, List.of("lost"), "why", "figures")));
        assertEquals(Optional.of(HighlightTargets.control("protection")),
                HighlightTargets.forStep(new Step.Try(1, "Turn protection on", "protection")));
        assertTrue(HighlightTargets.forStep(new Step.Try(1, "Look", null)).isEmpty());
        assertTrue(HighlightTargets.forStep(new Step.Predict(1, "How many?", List.of(), new Step.NumberGuess("lost", null))).isEmpty());
    }
}
