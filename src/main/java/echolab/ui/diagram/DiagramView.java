package echolab.ui.diagram;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.fold.Cadence;
import echolab.ui.EventPump;
import echolab.ui.fx.Nodes;
import echolab.ui.clients.ClientsFold;
import echolab.ui.controls.ControlsFold;
import echolab.ui.model.ProcessModel;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The process diagram, the centre of the window: every process a box with its PID and memory
 * (code, data with the counter, heap), every thread a lane with its own stack, and what the mode
 * adds — the kernel's backlog at the listening socket, the pool's queue, the event loop's watched
 * connections, the carriers of virtual threads, the child processes of {@code processes} mode.
 *
 * <p>It is made of a few dozen scene-graph nodes styled by {@code css/diagram.css}, each with a
 * stable id (see the package's classes). Nodes are made when their model appears and kept while it
 * lives; changes in the view model only mark parts dirty, and the dirty parts are redrawn once at
 * the end of each frame of the {@link EventPump}.
 *
 * <p>Threading: construct, {@link #bind} and use on the FX thread only.
 */
public final class DiagramView extends ScrollPane {

    /** The parent's width while child boxes share the row with it. */

    private final FrameCoalescer frames = new FrameCoalescer();
    private final Label caption = Nodes.label("", "diagram-caption");
    private final Label waiting = Nodes.label("Waiting for the server to start…", "empty");
    private final StackPane serverSlot = new StackPane(waiting);
    private final HBox row = new HBox(serverSlot);
    private final FrameCoalescer.Refreshable layout = this::refreshLayout;
    private final FrameCoalescer.Refreshable server = this::refreshServer;
    private final Label socket = Nodes.label("", "socket");
    private DiagramFold model;
    private ClientsFold clients;
    private ControlsFold controls;
    private Watches serverAppears;
    private ProcessBox serverBox;
    private ChildrenArea children;
    private ClientChipList backlog;
    private ClientChipList poolQueue;
    private ClientChipList watched;
    private VirtualThreadsView virtualThreads;
    private RelayNote relays;

    /** An empty diagram; it draws once {@link #bind} gives it a model. */
    public DiagramView() {
        setId("diagram");
        getStyleClass().add("diagram");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        caption.setId("diagramCaption");
        caption.setWrapText(true);
        socket.setId("listeningSocket");
        row.getStyleClass().add("diagram-row");
        row.setAlignment(Pos.TOP_LEFT);
        serverSlot.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(serverSlot, Priority.ALWAYS);
        VBox content = new VBox(caption, row);
        content.getStyleClass().add("diagram-content");
        setContent(content);
    }

    /**
     * Draws {@code model} from now on, redrawing what changed once per frame of {@code pump}.
     * Call once, on the FX thread.
     */
    public void bind(DiagramFold model, ClientsFold clients, ControlsFold controls, EventPump pump) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("bind the diagram on the FX thread");
        }
        if (this.model != null) {
            throw new IllegalStateException("the diagram is already bound");
        }
        this.model = model;
        this.clients = clients;
        this.controls = controls;
        backlog = new ClientChipList("backlog", "backlog", "BACKLOG",
                " · connected, not yet accepted: the kernel holds them", "empty: nobody is waiting to be accepted",
                clients.backlog(), ClientChip.Shows.DETAIL, 8, frames);
        poolQueue = new ClientChipList("poolQueue", "queue", "QUEUE", " · accepted, waiting for a free worker",
                "empty: a worker is free", clients.poolQueue(), ClientChip.Shows.NAME, 16, frames);
        watched = new ClientChipList("watched", "watched", "WATCHED BY THE SELECTOR",
                " · lit: ready in this turn of the loop", "no connection yet", clients.watched(),
                ClientChip.Shows.READY, 24, frames);
        children = new ChildrenArea(model.processes(), frames);
        HBox.setHgrow(children, Priority.ALWAYS);
        row.getChildren().add(children);
        serverAppears = new Watches(frames, server).on(model.processes());
        new Watches(frames, layout).on(controls.modeProperty(), controls.protectionProperty(), controls.poolSizeProperty(),
                controls.addressProperty(), model.processes(), clients.backlog(), clients.poolQueue(), clients.watched(),
                model.carriers());
        // Ten redraws a second: readable, and cheap enough to keep the window smooth at full load.
        Cadence cadence = new Cadence(10, 0.0).followsBudget(pump.budget());
        pump.onFrame(now -> {
            if (cadence.due(System.nanoTime())) { // wall time: paused or slowed, changes still show
                frames.flush();
            }
        });
        frames.mark(server);
        frames.mark(layout);
        frames.flush();
    }

    /** Builds the server's box once its process is known; everything of the server hangs off it. */
    private void refreshServer() {
        ProcessModel process = model.serverProcess();
        if (serverBox != null || process == null) {
            return;
        }
        serverBox = new ProcessBox(process, frames);
        Label port = Nodes.label("⇄", "socket-glyph");
        Label hint = Nodes.label("new connections wait here until accept() takes them", "section-hint");
        FlowPane socketRow = new FlowPane(port, socket, hint);
        socketRow.getStyleClass().add("socket-row");
        VBox socketBlock = new VBox(socketRow, backlog);
        socketBlock.getStyleClass().add("socket-block");
        serverBox.top().getChildren().add(socketBlock);
        // before the marks: a list built when updates were already lost replays them at once, onto lanes
        // that may be virtual threads' (Issue 19 names this ordering bug)
        virtualThreads = new VirtualThreadsView(model, process, serverBox.memory().heapSlot(), frames);
        serverBox.data().add(new LostMarkList(model, process, this::markLanes, frames));
        relays = new RelayNote(model.processes(), frames);
        serverBox.bottom().getChildren().addAll(relays, poolQueue, watched, virtualThreads);
        serverSlot.getChildren().setAll(serverBox);
        serverAppears.dispose();
        new Watches(frames, layout).on(process.threads());
        frames.mark(layout);
    }

    /** What depends on the mode: the caption, which sections show, how wide the parent is. */
    private void refreshLayout() {
        Mode mode = controls.modeProperty().get();
        Nodes.text(caption, Captions.caption(mode));
        boolean withChildren = mode == Mode.PROCESSES || children.count() > 0;
        children.placeBeside(serverSlot, serverBox, withChildren);
        if (serverBox == null) {
            return;
        }
        Nodes.text(socket, "LISTENING SOCKET " + controls.addressProperty().get());
        Nodes.show(backlog, mode == Mode.ITERATIVE || !backlog.isEmpty());
        backlog.detailShown(mode == Mode.ITERATIVE);
        Nodes.show(poolQueue, mode == Mode.POOL || !poolQueue.isEmpty());
        Nodes.show(watched, mode == Mode.EVENTS || !watched.isEmpty());
        boolean virtual = mode == Mode.VIRTUAL || virtualThreads.virtualCount() > 0;
        Nodes.show(virtualThreads, virtual);
        serverBox.memory().heapGrows(virtual);
        Nodes.show(relays, withChildren);
        Protection protection = controls.protectionProperty().get();
        // with children each process counts alone, so what guards the parent's copy is beside the point
        serverBox.data().guard(withChildren ? "" : Captions.guard(protection), protection == Protection.NONE);
        serverBox.data().note(withChildren ? Captions.parentCounterNote() : "");
        serverBox.threads().hint(" · " + Captions.threadsHint(mode, controls.poolSizeProperty().get()));
        frames.mark(serverBox.threads()); // a switch makes lanes draining; the title counts them
    }

    /** Lights the two lanes of a lost update: the writer and the one whose write vanished. */
    private void markLanes(LostMark mark) {
        ThreadLane writer = lane(mark.writer());
        if (writer != null) {
            writer.markLost("⚡ overwrote " + mark.overwritten() + "'s write");
        }
        ThreadLane victim = lane(mark.overwritten());
        if (victim != null && victim != writer) {
            victim.markLost("⚡ its write was lost");
        }
    }

    private ThreadLane lane(String displayName) {
        ThreadLane lane = serverBox.lane(displayName);
        return lane != null ? lane : virtualThreads.lane(displayName);
    }
}
