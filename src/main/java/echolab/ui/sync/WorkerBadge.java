package echolab.ui.sync;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A worker as the tab draws it: a swatch in the colour of its state (the same as its lane in the
 * diagram and the timeline), its name and, when roomy, its state in words. FX thread only.
 */
final class WorkerBadge extends HBox {

    private final Region swatch = new Region();
    private final Label state;

    /**
     * @param name      the worker's display name
     * @param withState whether to write the state under the name
     */
    WorkerBadge(String name, boolean withState) {
        getStyleClass().add("worker-badge");
        setAlignment(Pos.CENTER_LEFT);
        swatch.getStyleClass().add("worker-swatch");
        Label title = Nodes.label(name, "worker-name");
        title.setMinWidth(Region.USE_PREF_SIZE);
        if (withState) {
            state = Nodes.label("", "worker-state");
            VBox words = new VBox(title, state);
            words.getStyleClass().add("worker-words");
            getChildren().addAll(swatch, words);
        } else {
            state = null;
            getChildren().addAll(swatch, title);
        }
    }

    /** Shows {@code activity}: the swatch's colour and, if written, its name. */
    void show(Activity activity) {
        Nodes.state(swatch, activity);
        if (state != null) {
            Nodes.text(state, Fx.shortName(activity));
        }
    }

    /** Fixes the badge's size, for drawings that place it by its centre. */
    WorkerBadge sized(double width, double height) {
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        return this;
    }
}
