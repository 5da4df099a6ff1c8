package echolab.ui.clients;

import java.util.concurrent.TimeUnit;

import echolab.ui.controls.Units;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * One client in the list: its state colour, name, what it is doing, lines sent and echoed, last
 * latency, and its connection drawn as a wire on which each line travels as a dot to the server
 * and its echo travels back. FX thread only.
 */
final class ClientRow extends VBox {

    private static final double WIRE = 56;
    private static final long TRAVEL = TimeUnit.MILLISECONDS.toNanos(280);

    private final ClientModel client;
    private final Region swatch = new Region();
    private final Circle dot = new Circle(4.5);

    ClientRow(ClientModel client) {
        this.client = client;
        setId("clientRow-" + client.nodeId());
        getStyleClass().add("client-row");

        swatch.getStyleClass().add("client-swatch");
        Label name = new Label();
        name.textProperty().bind(client.nameProperty());
        name.getStyleClass().add("client-name");
        Label counts = new Label();
        counts.setId("clientCounts-" + client.nodeId());
        counts.getStyleClass().add("client-counts");
        counts.textProperty().bind(Bindings.createStringBinding(
                () -> client.echoedProperty().get() + "/" + client.sentProperty().get(),
                client.echoedProperty(), client.sentProperty()));
        Label latency = new Label();
        latency.getStyleClass().add("client-latency");
        latency.setMinWidth(Region.USE_PREF_SIZE);
        latency.textProperty().bind(Bindings.createStringBinding(
                () -> client.lastLatencyMicrosProperty().get() < 0 ? ""
                        : Units.micros(client.lastLatencyMicrosProperty().get()), client.lastLatencyMicrosProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Pane wire = new Pane();
        wire.getStyleClass().add("client-wire");
        wire.setMinSize(WIRE, 12);
        wire.setPrefSize(WIRE, 12);
        wire.setMaxSize(WIRE, 12);
        Line line = new Line(0, 6, WIRE, 6);
        line.getStyleClass().add("wire-line");
        dot.getStyleClass().add("wire-dot");
        dot.setCenterY(6);
        dot.setVisible(false);
        wire.getChildren().addAll(line, dot);

        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, swatch, name, spacer, counts, wire);
        top.setAlignment(Pos.CENTER_LEFT);
        Label state = new Label();
        state.setId("clientState-" + client.nodeId());
        state.getStyleClass().add("client-state");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(
                () -> label(client.stateProperty().get()) + " · " + client.detailProperty().get(),
                client.stateProperty(), client.detailProperty()));
        Region indent = new Region();
        indent.setMinWidth(12);
        HBox bottom = new HBox(8, indent, state, latency);
        HBox.setHgrow(state, Priority.ALWAYS);
        state.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(top, bottom);

        client.stateProperty().addListener((o, was, is) -> showState(was, is));
        showState(null, client.stateProperty().get());
    }

    private static String label(Activity state) {
        return switch (state) {
            case BACKLOG -> "in backlog";
            case QUEUED -> "waiting";
            case SERVED -> "served";
            case CLOSED -> "closed";
            default -> state.name().toLowerCase();
        };
    }

    private void showState(Activity was, Activity is) {
        if (was != null) {
            swatch.getStyleClass().remove(was.styleClass());
            getStyleClass().remove("row-" + was.name().toLowerCase());
        }
        swatch.getStyleClass().add(is.styleClass());
        getStyleClass().add("row-" + is.name().toLowerCase());
    }

    /** Moves the dot: out along the wire after a line was sent, back after its echo. */
    void animate(long now) {
        long sent = client.lastSentNanos();
        long echo = client.lastEchoNanos();
        if (echo != Long.MIN_VALUE && echo >= sent && now - echo < TRAVEL) {
            place(1 - (double) (now - echo) / TRAVEL, true);
        } else if (sent != Long.MIN_VALUE && echo < sent && now - sent >= 0) {
            place(Math.min(1, (double) (now - sent) / TRAVEL), false); // waits at the server end until the echo
        } else {
            dot.setVisible(false);
        }
    }

    private void place(double fraction, boolean returning) {
        dot.setVisible(true);
        dot.setCenterX(4 + fraction * (WIRE - 8));
        dot.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("echo"), returning);
    }

    ClientModel client() {
        return client;
    }
}
