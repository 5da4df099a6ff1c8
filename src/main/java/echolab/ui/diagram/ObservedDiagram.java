package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ClientModel;
import echolab.ui.model.ProcessModel;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A student's server drawn by the process diagram's own parts, laid out as {@link DiagramView}
 * lays out EchoLab's server in {@code processes} mode: a caption saying where the picture comes
 * from, the program's {@link ProcessBox} with its listening socket, its open descriptors and its
 * threads as lanes, the connections it holds with no thread in a call on them as client chips, and
 * beside it the {@link ChildrenArea} with a box per process it forked, zombies included, wrapping
 * into rows; the whole scrolls when it is taller than the window.
 *
 * <p>It draws the models it is given ({@code processes}: the program first, where
 * {@link ProcessModel#isServer()}; {@code held}: the program's held connections) and knows nothing
 * of where they come from. Changes mark parts dirty; {@link #flush} redraws them, so the caller
 * decides how often the picture moves.
 *
 * <p>Threading: construct and use on the FX thread only.
 */
public final class ObservedDiagram extends ScrollPane {

    /** The program's width while child boxes share the row with it, as in the lab's processes mode. */

    private final FrameCoalescer frames = new FrameCoalescer();
    private final ObservableList<ProcessModel> processes;
    private final Label caption = Nodes.label("", "diagram-caption");
    private final Label waiting = Nodes.label("", "empty");
    private final StackPane serverSlot = new StackPane(waiting);
    private final Label socket = Nodes.label("", "socket");
    private final FlowPane socketRow;
    private final ChildrenArea children;
    private final ClientChipList held;
    private final FrameCoalescer.Refreshable layout = this::refreshLayout;
    private String address = "";
    private ProcessBox serverBox;
    private DescriptorMarks marks;

    /**
     * @param childrenNote what the line under the children's title says about how a child gets its client
     */
    public ObservedDiagram(ObservableList<ProcessModel> processes, ObservableList<ClientModel> held,
                           String childrenNote) {
        this.processes = processes;
        setId("observedDiagram");
        getStyleClass().addAll("diagram", "observed-diagram");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        caption.setId("observedCaption");
        caption.setWrapText(true);
        waiting.setWrapText(true);
        socket.setId("observedSocket");
        socketRow = new FlowPane(Nodes.label("⇄", "socket-glyph"), socket,
                Nodes.label("new connections wait here until accept() takes them", "section-hint"));
        socketRow.getStyleClass().add("socket-row");
        // the children's watch first: the layout asks how many children there are, after they were counted
        children = new ChildrenArea(processes, childrenNote, frames);
        children.emptyText("No child yet.");
        this.held = new ClientChipList("held", "held", "HELD", " · connections open, no thread in a call on them",
                "none", held, ClientChip.Shows.NAME, 24, frames);
        HBox.setHgrow(children, Priority.ALWAYS);
        serverSlot.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(serverSlot, Priority.ALWAYS);
        HBox row = new HBox(serverSlot, children);
        row.getStyleClass().add("diagram-row");
        row.setAlignment(Pos.TOP_LEFT);
        VBox content = new VBox(caption, row);
        content.getStyleClass().add("diagram-content");
        setContent(content);
        new Watches(frames, layout).on(processes, held);
        frames.mark(layout);
        flush();
    }

    /**
     * The caption above the picture, in the lab's voice: what it shows, and that it is read from
     * {@code source} ({@code /proc}) {@code perSecond} times a second.
     */
    public void readFrom(String source, int perSecond) {
        Nodes.text(caption, Captions.observed(source, perSecond));
    }

    /** The caption of a replay: the picture was read from {@code source} when the server ran. */
    public void recordedFrom(String source) {
        Nodes.text(caption, Captions.recorded(source));
    }

    /** What the diagram says while there is no program to draw. */
    public void waiting(String text) {
        Nodes.text(waiting, text);
    }

    /** Where the program listens, {@code 127.0.0.1:40000}, for its socket's line. */
    public void address(String hostAndPort) {
        if (!address.equals(hostAndPort)) {
            address = hostAndPort;
            frames.mark(layout);
        }
    }

    /** What the children's title says after their count, from its first dot on. */
    public void childrenWhat(String words) {
        children.what(words);
    }

    /** Redraws every part whose model changed since the last flush. */
    public void flush() {
        frames.flush();
    }

    private ProcessModel root() {
        for (ProcessModel p : processes) {
            if (p.isServer()) {
                return p;
            }
        }
        return null;
    }

    private void refreshLayout() {
        ProcessModel root = root();
        if (serverBox != null && serverBox.process() != root) {
            serverBox.dispose();
            marks.dispose();
            socketRow.getChildren().remove(marks);
            serverBox = null;
            marks = null;
            serverSlot.getChildren().setAll(waiting);
        }
        if (serverBox == null && root != null) {
            serverBox = new ProcessBox(root, frames);
            marks = new DescriptorMarks(root, frames);
            socketRow.getChildren().add(marks); // after the hint, on its line when it fits: the box stays short
            VBox socketBlock = new VBox(socketRow);
            socketBlock.getStyleClass().add("socket-block");
            serverBox.top().getChildren().add(socketBlock);
            serverBox.bottom().getChildren().add(held);
            serverSlot.getChildren().setAll(serverBox);
        }
        boolean withChildren = children.count() > 0;
        children.placeBeside(serverSlot, serverBox, withChildren);
        if (serverBox == null) {
            return;
        }
        Nodes.text(socket, "LISTENING SOCKET " + address);
        Nodes.show(socketRow, !address.isEmpty() && serverBox.process().crashProperty().get().isEmpty());
        Nodes.show(held, !held.isEmpty());
    }
}
