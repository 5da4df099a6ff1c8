package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import echolab.lessons.Step;
import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** A set-up or a try step: its words are the card's; the body only names the control to change. */
final class SayBody implements StepBody {

    private final Label hint;

    SayBody(Step step) {
        String control = step instanceof Step.Try t ? t.control() : null;
        hint = Nodes.label(control == null ? "" : "Change: " + control + " (outlined), then R runs it again.", "try-hint");
        hint.setId("tryHint");
        hint.setWrapText(true);
        Nodes.show(hint, control != null);
    }

    @Override
    public Node node() {
        return hint;
    }

    @Override
    public void update(LessonPlayer player) {
        // nothing of its own changes: the card shows the step's message
    }
}
