package echolab.ui.lessons;

import echolab.lessons.LessonPlayer;
import echolab.lessons.Measured;
import echolab.lessons.Step;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** A question that asks for a number: a field and its unit; Enter or "Guess" gives it. */
final class GuessBody implements StepBody {

    private final HBox root = new HBox(8);
    private final TextField field = new TextField();
    private final Label given = Nodes.label("", "guess-given");

    GuessBody(Step.Predict question, LessonPlayer player, Runnable done) {
        root.getStyleClass().add("lesson-guess");
        field.setId("guessField");
        field.setPrefColumnCount(8);
        field.setPromptText("a number");
        Hints.tip(field, "Your prediction, a number; Enter gives it");
        Label unit = Nodes.label(question.number().unit() == null ? "" : question.number().unit(), "guess-unit");
        Button guess = new Button("Guess");
        guess.setId("guessButton");
        Hints.tip(guess, "Gives the number as the class's prediction");
        Runnable give = () -> {
            Double number = parse(field.getText());
            if (number == null) {
                Nodes.text(given, "Type a number, e.g. 120");
                return;
            }
            player.guess(number);
            done.run(); // out of the field, so that Space moves on
        };
        field.setOnAction(e -> give.run());
        guess.setOnAction(e -> give.run());
        given.setId("guessGiven");
        root.getChildren().addAll(field, unit, guess, given);
        LessonPlayer.Prediction before = player.prediction(player.index());
        if (before != null && before.number() != null) {
            field.setText(Measured.format(before.number()));
        }
    }

    /** The number typed, or null when it is none; a comma is read as a decimal point. */
    static Double parse(String text) {
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(LessonPlayer player) {
        LessonPlayer.Prediction p = player.prediction(player.index());
        Nodes.text(given, p == null || p.number() == null ? "" : "Guessed: " + player.predictionText(player.index()));
    }
}
