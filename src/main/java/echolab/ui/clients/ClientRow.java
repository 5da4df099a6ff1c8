package echolab.ui.clients;

import java.util.concurrent.TimeUnit;

import echolab.ui.controls.Units;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * What one client looks like in the list: its state colour, name, what it is doing, lines echoed
 * of lines sent, last latency, and its connection drawn as a wire on which each line travels as a
 * dot to the server and its echo travels back. A row is reused for whichever client its list cell
 * shows; it listens to that client only. Nothing in it wraps, so its height never depends on its
 * width and a changed count costs one row's layout, not the list's. FX thread only.
 */
final class ClientRow extends VBox {

    private static final double WIRE = 56;
    private static final long TRAVEL = TimeUnit.MILLISECONDS.toNanos(280);
    private static final PseudoClass ECHO = PseudoClass.getPseudoClass("echo");

    private final Region swatch = new Region();
    private final Label name = new Label();
    private final Label counts = new Label();
    private final Label state = new Label();
    private final Label latency = new Label();
    private final Circle dot = new Circle(4.5);
    private final Tooltip tip = new Tooltip();
    private final InvalidationListener onChange = o -> show();
    private ClientModel client;
    private Activity shownState;

    ClientRow() {
        getStyleClass().add("client-row");
        swatch.getStyleClass().add("client-swatch");
        name.getStyleClass().add("client-name");
        name.setMinWidth(40);
        counts.getStyleClass().add("client-counts");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        latency.getStyleClass().add("client-latency");
        latency.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("client-state");
        state.setMaxWidth(Double.MAX_VALUE);
        state.setTooltip(tip);

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
        // moves every frame: unmanaged, so its moves never ask the list to lay itself out again
        dot.setManaged(false);
        line.setManaged(false);
        wire.getChildren().addAll(line, dot);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, swatch, name, spacer, counts, wire);
        top.setAlignment(Pos.CENTER_LEFT);
        Region indent = new Region();
        indent.setMinWidth(12);
        HBox bottom = new HBox(8, indent, state, latency);
        HBox.setHgrow(state, Priority.ALWAYS);
        getChildren().addAll(top, bottom);
    }

    /** Shows {@code next} from now on, and stops listening to the client shown before. */
    void bind(ClientModel next) {
        if (client != null) {
            for (var p : new javafx.beans.Observable[] {client.nameProperty(), client.stateProperty(),
                    client.detailProperty(), client.sentProperty(), client.echoedProperty(),
                    client.lastLatencyMicrosProperty()}) {
                p.removeListener(onChange);
            }
        }
        client = next;
        if (client != null) {
            for (var p : new javafx.beans.Observable[] {client.nameProperty(), client.stateProperty(),
                    client.detailProperty(), client.sentProperty(), client.echoedProperty(),
                    client.lastLatencyMicrosProperty()}) {
                p.addListener(onChange);
            }
            show();
        }
    }

    private void show() {
        String id = client.nodeId(); // ids follow the name: a client can be renamed once its own side is heard from
        setId("clientRow-" + id);
        counts.setId("clientCounts-" + id);
        state.setId("clientState-" + id);
        name.setText(client.name());
        counts.setText(client.echoedProperty().get() + "/" + client.sentProperty().get());
        long micros = client.lastLatencyMicrosProperty().get();
        latency.setText(micros < 0 ? "" : Units.micros(micros));
        String text = label(client.state()) + " · " + client.detailProperty().get();
        state.setText(text);
        tip.setText(text);
        if (shownState != client.state()) {
            if (shownState != null) {
                swatch.getStyleClass().remove(shownState.styleClass());
                getStyleClass().remove("row-" + shownState.name().toLowerCase());
            }
            shownState = client.state();
            swatch.getStyleClass().add(shownState.styleClass());
            getStyleClass().add("row-" + shownState.name().toLowerCase());
        }
    }

    private static String label(Activity state) {
        return switch (state) {
            case CONNECTING -> "connecting";
            case BACKLOG -> "in backlog";
            case QUEUED -> "waiting";
            case SERVED -> "served";
            case CLOSED -> "closed";
            default -> state.name().toLowerCase();
        };
    }

    /** Moves the dot: out along the wire after a line was sent, back after its echo. */
    void animate(long now) {
        if (client == null) {
            dot.setVisible(false);
            return;
        }
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
        dot.pseudoClassStateChanged(ECHO, returning);
    }
}
