package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A reveal: "You predicted …" beside "Measured …", the right choices, and why; or, when this
 * machine did not show what the lesson expects, what it showed instead (never the why, which
 * would then be false) and the offer to widen and run again. A run read from the recording the lesson
 * ships, on a machine that could not make it, says so first, and where and when it was recorded.
 */
final class RevealBody implements StepBody {

    private final VBox root = new VBox(8);
    private final Label predicted = label("revealPredicted", "reveal-predicted");
    private final Label measured = label("revealMeasured", "reveal-measured");
    private final Label right = label("revealRight", "reveal-right");
    private final Label why = label("revealWhy", "reveal-why");
    private final Label contradiction = label("revealContradiction", "reveal-contradiction");
    private final Label nothing = label("revealNothing", "reveal-nothing");
    private final Label recorded = label("revealRecorded", "reveal-recorded");
    private final Button widen = new Button();

    RevealBody(LessonPlayer player) {
        root.setId("lessonReveal");
        root.getStyleClass().add("lesson-reveal");
        HBox beside = new HBox(12, predicted, measured);
        beside.getStyleClass().add("reveal-beside");
        HBox.setHgrow(predicted, Priority.ALWAYS);
        HBox.setHgrow(measured, Priority.ALWAYS);
        for (Label side : new Label[] {predicted, measured}) { // two equal halves, whatever their words
            side.setMinWidth(0);
            side.setPrefWidth(1);
            side.setMaxWidth(Double.MAX_VALUE);
            side.setMaxHeight(Double.MAX_VALUE);
        }
        widen.setId("widenButton");
        widen.setOnAction(e -> player.widenAndRerun());
        Hints.tip(widen, "Runs the step again with the lesson's wider setting, to see whether the effect shows then");
        Nodes.text(nothing, "Nothing has run yet: go back (←) and run it.");
        root.getChildren().addAll(nothing, recorded, beside, right, why, contradiction, widen);
    }

    private static Label label(String id, String styleClass) {
        Label l = Nodes.label("", styleClass);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(LessonPlayer player) {
        LessonPlayer.Reveal r = player.reveal();
        Nodes.show(nothing, r == null);
        Nodes.show(predicted.getParent(), r != null);
        if (r == null) {
            for (Node n : new Node[] {recorded, right, why, contradiction, widen}) {
                Nodes.show(n, false);
            }
            return;
        }
        Nodes.text(recorded, r.recorded() == null ? "" : r.recorded());
        Nodes.show(recorded, r.recorded() != null);
        Nodes.text(predicted, CardTexts.predicted(r));
        Nodes.text(measured, CardTexts.measured(r));
        Nodes.text(right, CardTexts.right(r.right()));
        Nodes.show(right, !right.getText().isEmpty());
        Nodes.text(why, r.supported() && r.why() != null ? r.why() : "");
        Nodes.show(why, r.supported() && r.why() != null);
        Nodes.text(contradiction, r.supported() || r.contradiction() == null ? "" : r.contradiction());
        Nodes.show(contradiction, !r.supported());
        widen.setText(r.widen() == null ? "" : r.widen());
        Nodes.show(widen, !r.supported() && r.widen() != null);
        widen.setDisable(player.status() == LessonPlayer.Status.RUNNING);
    }
}
