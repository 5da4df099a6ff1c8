package echolab.ui.timeline;

import echolab.ui.model.Activity;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;

/**
 * The key to the timeline's colours: one swatch and name per state, workers' states then clients'.
 * The swatches are the palette's own, so what the legend shows is what the canvas reads.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineLegend extends FlowPane {

    public TimelineLegend(StatePalette palette) {
        setId("legend");
        getStyleClass().add("timeline-legend");
        addGroup("workers", Activity.workerStates(), palette);
        addGroup("clients", Activity.clientStates(), palette);
    }

    private void addGroup(String title, Activity[] states, StatePalette palette) {
        Label heading = new Label(title);
        heading.getStyleClass().add("legend-group");
        getChildren().add(heading);
        for (Activity state : states) {
            Label entry = new Label(name(state), palette.swatch(state));
            entry.setId("legend-" + state.styleClass());
            entry.getStyleClass().add("legend-entry");
            Tooltip tip = new Tooltip(state.description());
            tip.setShowDelay(Duration.millis(200));
            entry.setTooltip(tip);
            getChildren().add(entry);
        }
    }

    /** {@code state-service-wait} reads as "service wait". */
    static String name(Activity state) {
        return state.styleClass().substring("state-".length()).replace('-', ' ');
    }
}
