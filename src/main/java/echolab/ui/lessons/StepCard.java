package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import echolab.lessons.Step;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The step in front of the class: "Step k of n · Kind", its words, the body of its kind, the
 * player's message, and Back / Next / Leave. The body is rebuilt only when the step changes.
 * FX thread.
 */
final class StepCard extends VBox {

    private final Label title = Nodes.label("", "lesson-title");
    private final Label position = Nodes.label("", "lesson-position");
    private final Label text = Nodes.label("", "step-text");
    private final StackPane bodyHolder = new StackPane();
    private final Label message = Nodes.label("", "lesson-message");
    private final Button back = new Button("← Back");
    private final Button next = new Button("Next →");
    private final Button leave = new Button("Leave lesson");
    /** Beside Back and Next: why one of them is greyed (the first step, the last, a run under way). */
    private final Label navReason = Nodes.label("", "hint", "disabled-reason");

    private LessonPlayer shownPlayer;
    private int shownIndex = -1;
    private StepBody body;
    private final HBox nav;

    StepCard(Runnable onLeave) {
        setId("lessonCard");
        getStyleClass().add("step-card");
        title.setId("lessonTitle");
        position.setId("lessonPosition");
        text.setId("lessonStepText");
        message.setId("lessonMessage");
        for (Label l : new Label[] {title, text, message}) {
            l.setWrapText(true);
        }
        bodyHolder.getStyleClass().add("step-body");
        bodyHolder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        back.setId("lessonBack");
        next.setId("lessonNext");
        leave.setId("lessonLeave");
        leave.setOnAction(e -> onLeave.run());
        Hints.tip(back, "The step before (←); an answer given stays given");
        Hints.tip(next, "The next step (Space or →); on a run step it runs the lab first");
        Hints.tip(leave, "Closes the lesson (Esc) and shows the list of lessons; the sitting's record stays");
        navReason.setId("lessonNavReason");
        Hints.reason(back, navReason);
        Hints.reason(next, navReason);
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        nav = new HBox(8, back, next, navReason, gap, leave);
        nav.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        nav.getStyleClass().add("lesson-nav");
        getChildren().addAll(title, position, text, bodyHolder, message);
    }

    /**
     * Back, Next and Leave: not part of the card, which scrolls; the panel keeps them under it, in
     * sight however long the step is and however small the window.
     */
    HBox nav() {
        return nav;
    }

    /** Shows the step in front of {@code player}. */
    void show(LessonPlayer player) {
        if (player != shownPlayer || player.index() != shownIndex) {
            shownPlayer = player;
            shownIndex = player.index();
            body = bodyFor(player);
            bodyHolder.getChildren().setAll(body.node());
            back.setOnAction(e -> player.back());
            next.setOnAction(e -> player.next());
            Nodes.text(title, player.lesson().title());
        }
        Step step = player.step();
        Nodes.text(position, CardTexts.position(player.index(), player.lesson().steps().size()) + " · " + CardTexts.kind(step));
        Nodes.text(text, CardTexts.text(step));
        Nodes.show(text, !text.getText().isEmpty());
        Nodes.text(message, player.message());
        Nodes.show(message, !message.getText().isEmpty());
        Nodes.toggle(message, "running", player.status() == LessonPlayer.Status.RUNNING);
        body.update(player);
        boolean running = player.status() == LessonPlayer.Status.RUNNING;
        back.setDisable(running || player.index() <= 0);
        boolean last = player.index() + 1 >= player.lesson().steps().size();
        boolean runsNext = step instanceof Step.Run && player.result(player.index()) == null;
        next.setDisable(running || (last && !runsNext));
        next.setText(runsNext ? "Run ▶" : "Next →");
        boolean first = player.index() <= 0;
        Nodes.text(navReason, running ? "a run is under way" : first && last && !runsNext ? "the only step"
                : first ? "the first step" : last && !runsNext ? "the last step" : "");
        Nodes.show(navReason, !navReason.getText().isEmpty());
    }

    /** Whether the digit keys are for the hands being counted rather than for an answer. */
    boolean takesDigits() {
        return body != null && body.takesDigits();
    }

    void clear() {
        shownPlayer = null;
        shownIndex = -1;
        body = null;
        bodyHolder.getChildren().clear();
    }

    private StepBody bodyFor(LessonPlayer player) {
        Step step = player.step();
        Runnable backToCard = this::requestFocus;
        if (step instanceof Step.Predict p) {
            return p.isNumber() ? new GuessBody(p, player, backToCard) : new ChoicesBody(p, player, backToCard);
        }
        if (step instanceof Step.Run) {
            return new RunBody(player);
        }
        if (step instanceof Step.Reveal) {
            return new RevealBody(player);
        }
        return new SayBody(step);
    }
}
