package echolab.ui.lessons;

import java.util.ArrayList;
import java.util.List;

import echolab.lessons.LessonPlayer;
import echolab.lessons.Step;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A question with choices: a numbered button per choice (one click answers), or, with "Tally
 * hands" on, a field per choice for the hands the class raised. Every change of a field is a
 * tally at once, so nothing typed is lost when the presenter moves on.
 */
final class ChoicesBody implements StepBody {

    private final VBox root = new VBox(6);
    private final ToggleButton tallySwitch = new ToggleButton("Tally hands");
    private final List<Button> buttons = new ArrayList<>();
    private final List<TextField> hands = new ArrayList<>();

    ChoicesBody(Step.Predict question, LessonPlayer player, Runnable done) {
        root.getStyleClass().add("lesson-choices");
        tallySwitch.setId("tallySwitch");
        tallySwitch.getStyleClass().add("tally-switch");
        Hints.tip(tallySwitch, "Count the class's raised hands for each answer instead of giving one answer");
        LessonPlayer.Prediction given = player.prediction(player.index());
        tallySwitch.setSelected(given != null && given.isTally());
        for (int i = 0; i < question.choices().size(); i++) {
            int choice = i + 1;
            Button number = new Button(Integer.toString(choice));
            number.setId("choice-" + choice);
            number.getStyleClass().add("choice-number");
            number.setOnAction(e -> player.choose(choice));
            Hints.tip(number, "Answer " + choice + " (key " + choice + ")");
            Label text = Nodes.label(question.choices().get(i).text(), "choice-text");
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            TextField count = new TextField(given != null && given.isTally() ? Integer.toString(given.hands()[i]) : "");
            count.setId("hands-" + choice);
            count.getStyleClass().add("hands-field");
            count.setPrefColumnCount(3);
            count.setPromptText("hands");
            Hints.tip(count, "How many hands went up for answer " + choice + "; Enter goes to the next");
            count.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,4}") ? c : null));
            count.textProperty().addListener((obs, was, is) -> {
                if (!is.isEmpty()) {
                    player.tally(choice, Integer.parseInt(is));
                }
            });
            // Enter goes on to the next choice's field; from the last, back to the card so Space moves on
            count.setOnAction(e -> {
                int next = hands.indexOf(count) + 1;
                if (next < hands.size()) {
                    hands.get(next).requestFocus();
                } else {
                    done.run();
                }
            });
            HBox row = new HBox(8, number, text, count);
            row.getStyleClass().add("choice-row");
            buttons.add(number);
            hands.add(count);
            root.getChildren().add(row);
        }
        root.getChildren().add(tallySwitch);
        tallySwitch.selectedProperty().addListener((obs, was, is) -> showTally(is));
        showTally(tallySwitch.isSelected());
    }

    private void showTally(boolean on) {
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setDisable(on);
            Nodes.show(hands.get(i), on);
        }
        if (on && !hands.isEmpty()) {
            hands.get(0).requestFocus();
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(LessonPlayer player) {
        LessonPlayer.Prediction given = player.prediction(player.index());
        for (int i = 0; i < buttons.size(); i++) {
            Nodes.toggle(buttons.get(i), "chosen", given != null && !given.isTally() && given.choice() == i + 1);
        }
    }

    @Override
    public boolean takesDigits() {
        return tallySwitch.isSelected();
    }
}
