package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.WorkerModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A carrier thread of the virtual-thread scheduler: a platform thread, with a real stack, that runs
 * one mounted virtual thread at a time. The mounted thread's own lane is moved into its slot.
 * Id {@code carrier-<index>}.
 *
 * <p>Threading: FX thread only.
 */
final class CarrierLane extends HBox {

    private final CarrierModel carrier;
    private final DiagramFold model;
    private final StackGlyph stack = new StackGlyph();
    private final Label name = Nodes.label("", "lane-name");
    private final HBox slot = new HBox();
    private final Label idle = Nodes.label("nothing mounted", "carrier-idle");
    private final Label mountedName = Nodes.label("", "carrier-mounted");

    CarrierLane(CarrierModel carrier, DiagramFold model) {
        this.carrier = carrier;
        this.model = model;
        getStyleClass().addAll("lane", "carrier");
        setAlignment(Pos.CENTER_LEFT);
        Label real = Nodes.label(carrier.name(), "lane-state");
        VBox words = new VBox(name, real);
        words.getStyleClass().add("lane-words");
        slot.getStyleClass().add("carrier-slot");
        slot.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(stack, words, Nodes.label("runs", "carrier-runs"), slot);
    }

    CarrierModel carrier() {
        return carrier;
    }

    void index(int index) {
        String id = "carrier-" + index;
        if (!id.equals(getId())) {
            setId(id);
            name.setText("carrier " + (index + 1));
        }
    }

    /**
     * Shows what is mounted now: {@code lane} when that virtual thread is drawn, else its name.
     */
    void mount(ThreadLane lane) {
        String mounted = carrier.mountedProperty().get();
        WorkerModel w = mounted.isEmpty() ? null : model.worker(mounted);
        stack.state(w == null ? Activity.IDLE : w.state());
        Node shown;
        if (mounted.isEmpty()) {
            shown = idle;
        } else if (lane != null) {
            shown = lane;
        } else {
            Nodes.text(mountedName, w == null ? mounted : w.displayName());
            shown = mountedName;
        }
        if (slot.getChildren().size() != 1 || slot.getChildren().get(0) != shown) {
            slot.getChildren().setAll(shown);
        }
        Nodes.toggle(this, "busy", !mounted.isEmpty());
    }
}
