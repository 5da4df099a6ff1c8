package echolab.ui;

import echolab.ui.fx.Nodes;
import echolab.ui.fx.ZoomPane;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Folds the side panels away when the window is small (see {@link PanelRoom}): each folded panel
 * leaves a strip at its edge of the window, named, that brings it back beside the diagram and
 * takes it away again. When the window grows to have room, the panel comes back by itself and
 * its strip goes; when it shrinks again, the panel folds again, whatever was clicked before.
 *
 * <p>The client list gives way to the Lessons panel when that is open ({@link #lessonsShown}).
 *
 * <p>Threading: FX thread only.
 */
final class SidePanels {

    private final Fold clients;
    private final Fold controls;
    private final Fold timeline;
    private boolean lessonsShown;
    private PanelRoom room = PanelRoom.ALL;

    /** A panel and its strip (a vertical strip's text is turned a quarter left: ▾ then points right, ▴ left). */
    private final class Fold {
        final Node panel;
        final ToggleButton strip;

        Fold(Node panel, String id, String name, Orientation along, String arrowOut) {
            this.panel = panel;
            strip = new ToggleButton();
            strip.setId(id);
            strip.getStyleClass().addAll("panel-strip", along == Orientation.VERTICAL ? "panel-strip-vertical" : "panel-strip-horizontal");
            Label text = new Label(name + "  " + arrowOut);
            if (along == Orientation.VERTICAL) {
                text.setRotate(-90);
                strip.setGraphic(new Group(text));
                strip.setMaxHeight(Double.MAX_VALUE);
            } else {
                strip.setGraphic(text);
                strip.setMaxWidth(Double.MAX_VALUE);
            }
            strip.setTooltip(new Tooltip("Shows or hides the " + name.toLowerCase(java.util.Locale.ROOT)
                    + ": the window is too small for it beside the diagram"));
            strip.setFocusTraversable(false);
            strip.selectedProperty().addListener((obs, was, is) -> SidePanels.this.apply());
            Nodes.show(strip, false);
        }

        void apply(boolean hasRoom, boolean wanted) {
            Nodes.show(strip, !hasRoom && wanted);
            Nodes.show(panel, wanted && (hasRoom || strip.isSelected()));
        }
    }

    /**
     * Wraps the panels of {@code main} (the window's content: the client list in the left dock, the
     * controls on the right, the timeline and log at the bottom of {@code workspace}) with their
     * strips, and follows the size {@code zoom} lays the content out at.
     */
    SidePanels(ZoomPane zoom, BorderPane main, HBox leftDock, Node clientList, BorderPane workspace) {
        clients = new Fold(clientList, "clientsStrip", "Clients", Orientation.VERTICAL, "▾");
        Node controlsPanel = main.getRight();
        controls = new Fold(controlsPanel, "controlsStrip", "Controls", Orientation.VERTICAL, "▴");
        Node bottom = workspace.getBottom();
        timeline = new Fold(bottom, "timelineStrip", "Timeline and log", Orientation.HORIZONTAL, "▴");
        leftDock.getChildren().add(0, clients.strip);
        main.setRight(new HBox(controls.strip, controlsPanel));
        VBox bottomDock = new VBox(timeline.strip, bottom);
        workspace.setBottom(bottomDock);
        InvalidationListener resized = o -> follow(zoom);
        zoom.widthProperty().addListener(resized);
        zoom.heightProperty().addListener(resized);
        zoom.drawnScaleProperty().addListener(resized);
    }

    private void follow(ZoomPane zoom) {
        double scale = zoom.drawnScaleProperty().get();
        if (zoom.getWidth() <= 0 || zoom.getHeight() <= 0) {
            return;
        }
        PanelRoom now = PanelRoom.at(zoom.getWidth() / scale, zoom.getHeight() / scale);
        if (!now.equals(room)) {
            // a panel that gains room shows by itself; one that loses it folds, whatever was clicked before
            room = now;
            clients.strip.setSelected(false);
            controls.strip.setSelected(false);
            timeline.strip.setSelected(false);
            apply();
        }
    }

    /** The Lessons panel takes the client list's place in the left dock while it shows. */
    void lessonsShown(boolean on) {
        lessonsShown = on;
        apply();
    }

    private void apply() {
        clients.apply(room.clients(), !lessonsShown);
        controls.apply(room.controls(), true);
        timeline.apply(room.timelineAndLog(), true);
    }

    /** What the window has room for now. */
    PanelRoom room() {
        return room;
    }
}
