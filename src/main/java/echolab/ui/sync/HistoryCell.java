package echolab.ui.sync;

import echolab.sync.step.Action;
import echolab.ui.model.Activity;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * One step of the history on one line (the list has a fixed cell size, so that it can keep the
 * newest step in sight exactly): its number, the worker's badge, the sentence; a lost write in red.
 */
final class HistoryCell extends ListCell<StepThroughViewModel.HistoryRow> {

    private final Label number = new Label();
    private final Label badge = new Label();
    private final Label text = new Label();
    private final HBox row = new HBox(number, badge, text);

    HistoryCell() {
        getStyleClass().add("history-cell");
        number.getStyleClass().add("history-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        badge.getStyleClass().add("history-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        text.getStyleClass().add("history-text");
        row.getStyleClass().add("history-row");
        row.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0); // take the list's width: a sentence too long for it ends in "..." instead of scrolling
    }

    @Override
    protected void updateItem(StepThroughViewModel.HistoryRow item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("lost", "blocked");
        badge.getStyleClass().removeIf(c -> c.startsWith("state-"));
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        number.setText(item.number() + ".");
        badge.setText(item.worker().name());
        text.setText(item.text());
        if (item.lost()) {
            getStyleClass().add("lost");
        }
        if (item.action() == Action.BLOCKED) {
            getStyleClass().add("blocked");
            badge.getStyleClass().add(Activity.LOCK_WAIT.styleClass());
        }
        setGraphic(row);
    }
}
