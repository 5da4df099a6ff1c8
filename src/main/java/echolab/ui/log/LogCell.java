package echolab.ui.log;

import echolab.events.Event;
import echolab.ui.model.LogFormat;
import echolab.ui.model.LogModel.Entry;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One row of the log: when (seconds), what (the event's type) and the sentence. Rows that matter
 * most in class carry a style class: {@code log-lost} for a lost update, {@code log-error} for an
 * error, a limit hit or an echo that came back different, {@code log-setting} for a change of mode,
 * protection or setting.
 *
 * <p>Threading: FX thread only.
 */
final class LogCell extends ListCell<Entry> {

    static final String LOST = "log-lost";
    static final String ERROR = "log-error";
    static final String SETTING = "log-setting";

    private final LogClock clock;
    private final Label time = new Label();
    private final Label type = new Label();
    private final Label text = new Label();
    private final HBox row = new HBox(time, type, text);

    LogCell(LogClock clock) {
        this.clock = clock;
        getStyleClass().add("log-cell");
        time.getStyleClass().add("log-time");
        type.getStyleClass().add("log-type");
        text.getStyleClass().add("log-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        // A cell as wide as the list, never wider: long sentences end in an ellipsis instead of
        // bringing up a horizontal scroll bar, which would shrink the view and unpin the bottom.
        setPrefWidth(0);
        row.getStyleClass().add("log-row");
        setText(null);
    }

    @Override
    protected void updateItem(Entry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll(LOST, ERROR, SETTING);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        Event e = entry.event();
        time.setText(clock.format(e.nanos()));
        type.setText(LogFormat.typeName(e));
        text.setText(LogFormat.text(e, entry.client()));
        String mark = markOf(e);
        if (mark != null) {
            getStyleClass().add(mark);
        }
        setGraphic(row);
    }

    /** The style class that makes {@code e}'s row stand out, or null for an ordinary row. */
    static String markOf(Event e) {
        if (e instanceof Event.LostUpdate) {
            return LOST;
        }
        if (e instanceof Event.ErrorEvent || e instanceof Event.LimitHit
                || (e instanceof Event.ClientEchoReceived r && !r.matched())) {
            return ERROR;
        }
        if (e instanceof Event.ModeChanged || e instanceof Event.ProtectionChanged
                || e instanceof Event.SettingChanged) {
            return SETTING;
        }
        return null;
    }
}
