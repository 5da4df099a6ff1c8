package echolab.ui.observe;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A client whose connection the observed tree holds, as a chip like the diagram's: a swatch in the
 * colour of how far the client has got and its name. Id {@link HeldClient#nodeId()}.
 *
 * <p>Threading: FX thread only.
 */
final class ObservedChip extends HBox {

    private final Region swatch = new Region();
    private final Label name = Nodes.label("", "chip-name");

    ObservedChip(HeldClient client) {
        setId(client.nodeId());
        getStyleClass().addAll("chip", "observed-chip");
        setAlignment(Pos.CENTER_LEFT);
        swatch.getStyleClass().add("chip-swatch");
        getChildren().addAll(swatch, name);
        update(client);
    }

    void update(HeldClient client) {
        Nodes.text(name, client.name());
        Nodes.state(swatch, switch (client.stage()) {
            case CONNECTING -> Activity.CONNECTING;
            case TALKING -> Activity.SERVED;
            case FINISHED -> Activity.CLOSED;
        });
        Nodes.toggle(this, "finished", client.stage() == HeldClient.Stage.FINISHED);
    }
}
