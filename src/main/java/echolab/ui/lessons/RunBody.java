package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import echolab.lessons.RunResult;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A run step: the Run button (Run again once it ran) and, when it has run, what it measured. */
final class RunBody implements StepBody {

    private final VBox root = new VBox(6);
    private final Button run = new Button("Run");
    private final Label summary = Nodes.label("", "run-summary");
    private final Label running = Nodes.label("running on the lab: watch the diagram", "hint", "disabled-reason");

    RunBody(LessonPlayer player) {
        root.getStyleClass().add("lesson-run");
        run.setId("runButton");
        run.getStyleClass().add("run-button");
        Hints.tip(run, "Runs the step's clients on the window's own server (R runs it again)");
        running.setId("runRunning");
        Hints.reason(run, running);
        run.setOnAction(e -> {
            if (player.result(player.index()) == null) {
                player.next(); // a run step not yet run: next runs it
            } else {
                player.rerun();
            }
        });
        summary.setId("runSummary");
        summary.setWrapText(true);
        root.getChildren().addAll(run, running, summary);
        Nodes.show(running, false);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(LessonPlayer player) {
        RunResult result = player.result(player.index());
        run.setText(result == null ? "Run" : "Run again");
        run.setDisable(player.status() == LessonPlayer.Status.RUNNING);
        Nodes.show(running, run.isDisable());
        Nodes.text(summary, player.status() == LessonPlayer.Status.RUNNING ? "" : CardTexts.runSummary(result));
        Nodes.show(summary, !summary.getText().isEmpty());
    }
}
