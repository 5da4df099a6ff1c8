package echolab.ui.sync;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * The key to the synchronization states' colours: the same classes, so the same colours, as the
 * diagram's lanes, the timeline and its legend. Threading: FX thread only.
 */
public final class StateKey extends FlowPane {

    private static final Activity[] STATES = {Activity.HOLDING, Activity.LOCK_WAIT, Activity.SEMAPHORE_WAIT,
        Activity.BACKOFF, Activity.DEADLOCKED, Activity.ORPHANED};

    public StateKey() {
        setId("syncLegend");
        getStyleClass().add("sync-legend");
        getChildren().add(Nodes.label("colours", "sync-legend-title"));
        for (Activity state : STATES) {
            Label entry = Nodes.label(words(state), "sync-legend-entry");
            entry.setGraphic(Fx.swatch(state));
            entry.setId("syncLegend-" + state.styleClass());
            getChildren().add(entry);
        }
    }

    /** Words for the key: the state's description, short enough to keep the key on one line. */
    static String words(Activity state) {
        return switch (state) {
            case BACKOFF -> "backing off";
            case ORPHANED -> "orphaned client";
            default -> {
                String d = state.description();
                int colon = d.indexOf(':');
                yield colon < 0 ? d : d.substring(0, colon);
            }
        };
    }
}
