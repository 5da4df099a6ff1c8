package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import javafx.scene.Node;

/**
 * The part of the step card that depends on the step's kind. Built once per step (so that what a
 * teacher is typing is not rebuilt under the cursor), brought up to date on every change of the player.
 */
interface StepBody {

    Node node();

    /** Brings the body in step with {@code player}, whose step in front is still the one it was built for. */
    void update(LessonPlayer player);

    /** Whether the digit keys should leave the answer alone (hands are being counted). */
    default boolean takesDigits() {
        return false;
    }
}
