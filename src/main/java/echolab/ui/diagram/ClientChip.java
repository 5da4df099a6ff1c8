package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ClientModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A client as a small chip: a swatch in the colour of its state, its name and, where it teaches
 * something (the backlog), what it is waiting for. Its id is {@code <prefix>-<client node id>};
 * it carries the style class {@code ready} while the event loop found it ready.
 *
 * <p>Threading: FX thread only.
 */
final class ClientChip extends HBox implements FrameCoalescer.Refreshable {

    /** What a chip shows besides the name. */
    enum Shows { NAME, DETAIL, READY }

    private final ClientModel client;
    private final String idPrefix;
    private final Region swatch = new Region();
    private final Label name = Nodes.label("", "chip-name");
    private final Label detail = Nodes.label("", "chip-detail");
    private final Label ready = Nodes.label("ready", "chip-ready");
    private final Watches watches;

    ClientChip(ClientModel client, String idPrefix, Shows shows, FrameCoalescer frames) {
        this.client = client;
        this.idPrefix = idPrefix;
        getStyleClass().add("chip");
        setAlignment(Pos.CENTER_LEFT);
        swatch.getStyleClass().add("chip-swatch");
        getChildren().addAll(swatch, name);
        if (shows == Shows.DETAIL) {
            getChildren().add(detail);
        } else if (shows == Shows.READY) {
            getChildren().add(ready);
        }
        watches = new Watches(frames, this).on(client.nameProperty(), client.stateProperty(),
                client.detailProperty(), client.readyProperty());
        refresh();
    }

    /** Shows or hides what the client waits for (only chips made with {@link Shows#DETAIL} have it). */
    void detailShown(boolean shown) {
        Nodes.show(detail, shown);
    }

    @Override
    public void refresh() {
        String id = idPrefix + "-" + client.nodeId();
        if (!id.equals(getId())) {
            setId(id); // a client can be renamed once its own side is heard from
        }
        Nodes.text(name, client.name());
        Nodes.text(detail, client.detailProperty().get());
        Nodes.state(swatch, client.state());
        boolean isReady = client.readyProperty().get();
        Nodes.toggle(this, "ready", isReady);
        Nodes.show(ready, isReady);
    }

    void dispose() {
        watches.dispose();
    }
}
