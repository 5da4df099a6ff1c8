package echolab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import echolab.ui.lessons.LessonKeys.Action;
import echolab.ui.lessons.LessonKeys.Kind;
import javafx.scene.input.KeyCode;

/** The presenter's keys, by the names of the JavaFX key codes the window passes. */
class LessonKeysTest {

    @Test
    void theDigitsOneToNineAnswerOnTheRowAndTheKeypad() {
        for (int d = 1; d <= 9; d++) {
            assertEquals(Optional.of(new Action(Kind.CHOOSE, d)), LessonKeys.of(KeyCode.valueOf("DIGIT" + d).name()));
            assertEquals(Optional.of(new Action(Kind.CHOOSE, d)), LessonKeys.of(KeyCode.valueOf("NUMPAD" + d).name()));
        }
        assertTrue(LessonKeys.of(KeyCode.DIGIT0.name()).isEmpty());
        assertTrue(LessonKeys.of(KeyCode.NUMPAD0.name()).isEmpty());
    }

    @Test
    void spaceAndRightGoOnLeftGoesBackRRunsAgainEscapeLeaves() {
        assertEquals(Kind.NEXT, LessonKeys.of(KeyCode.SPACE.name()).orElseThrow().kind());
        assertEquals(Kind.NEXT, LessonKeys.of(KeyCode.RIGHT.name()).orElseThrow().kind());
        assertEquals(Kind.BACK, LessonKeys.of(KeyCode.LEFT.name()).orElseThrow().kind());
        assertEquals(Kind.RERUN, LessonKeys.of(KeyCode.R.name()).orElseThrow().kind());
        assertEquals(Kind.LEAVE, LessonKeys.of(KeyCode.ESCAPE.name()).orElseThrow().kind());
    }

    @Test
    void otherKeysAreLeftToTheWindow() {
        for (KeyCode k : new KeyCode[] {KeyCode.ENTER, KeyCode.TAB, KeyCode.UP, KeyCode.DOWN, KeyCode.A, KeyCode.F1, KeyCode.DIGIT0}) {
            assertTrue(LessonKeys.of(k.name()).isEmpty(), k.name());
        }
    }
}
