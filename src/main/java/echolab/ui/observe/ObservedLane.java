package echolab.ui.observe;

import echolab.ui.fx.Nodes;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One thread of an observed process as a lane, drawn like the diagram's: its stack in the colour of
 * what it waits in, its name and TID, what it waits in in words, and the clients whose connection
 * it is reading or writing. Id {@link ObservedThread#nodeId()}.
 *
 * <p>Threading: FX thread only.
 */
final class ObservedLane extends HBox {

    private static final int FRAMES = 3;

    private final VBox stack = new VBox();
    private final Label name = Nodes.label("", "lane-name");
    private final Label tid = Nodes.label("", "lane-tid");
    private final Label state = Nodes.label("", "lane-state");
    private final ChipRow chips = new ChipRow();
    private String stateClass = "";

    ObservedLane(ObservedThread thread) {
        setId(thread.nodeId());
        getStyleClass().addAll("lane", "observed-lane");
        setAlignment(Pos.CENTER_LEFT);
        stack.getStyleClass().add("stack-glyph");
        stack.setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        stack.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        for (int i = 0; i < FRAMES; i++) {
            Region frame = new Region();
            frame.getStyleClass().add("stack-frame");
            stack.getChildren().add(frame);
        }
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(name, tid);
        top.getStyleClass().add("lane-top");
        top.setAlignment(Pos.BASELINE_LEFT);
        state.setWrapText(true);
        VBox words = new VBox(top, state, chips);
        words.getStyleClass().add("lane-words");
        HBox.setHgrow(words, Priority.ALWAYS);
        getChildren().addAll(stack, words);
        update(thread);
    }

    void update(ObservedThread thread) {
        Nodes.text(name, thread.name());
        Nodes.text(tid, "TID " + thread.tid());
        Nodes.text(state, WaitStates.words(thread.waitsIn(), thread.argument()));
        String wanted = WaitStates.styleClass(thread.waitsIn());
        if (!wanted.equals(stateClass)) {
            stateClass = wanted;
            for (Node frame : stack.getChildren()) {
                ObservableList<String> classes = frame.getStyleClass();
                classes.removeIf(c -> c.startsWith("state-"));
                classes.add(wanted);
            }
        }
        boolean serves = chips.show(thread.clients());
        Nodes.show(chips, serves);
        Nodes.toggle(this, "busy", serves);
    }

    /** The style class of the state drawn now, {@code state-*}. */
    String stateClass() {
        return stateClass;
    }
}
