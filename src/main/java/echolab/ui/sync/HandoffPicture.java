package echolab.ui.sync;

import java.util.ArrayList;
import java.util.List;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The hand-off race as a picture: the acceptor writes each connection into one shared slot and two
 * workers read it late, so one connection is overwritten (unsafe); or each worker gets its own copy
 * (safe). Below, the clients orphaned now, by name. Threading: FX thread only.
 */
public final class HandoffPicture extends VBox {

    static final double WIDTH = 640;
    static final double HEIGHT = 214;

    private final Pane shared = new Pane();
    private final Pane copies = new Pane();
    private final FlowPane orphans = new FlowPane();
    private final Label nobody = Nodes.label("none", "sync-empty");
    private final List<String> shownOrphans = new ArrayList<>();

    public HandoffPicture() {
        setId("handoffPicture");
        getStyleClass().add("handoff-picture");
        shared.setId("handoffShared");
        copies.setId("handoffCopies");
        for (Pane p : List.of(shared, copies)) {
            p.getStyleClass().add("handoff-canvas");
            p.setMinSize(WIDTH, HEIGHT);
            p.setPrefSize(WIDTH, HEIGHT);
            p.setMaxSize(WIDTH, HEIGHT);
        }
        drawShared();
        drawCopies();
        orphans.setId("orphanedClients");
        orphans.getStyleClass().add("handoff-orphans");
        orphans.setAlignment(Pos.CENTER_LEFT);
        orphans.getChildren().setAll(Nodes.label("Orphaned now:", "handoff-orphans-title"), nobody);
        getChildren().addAll(shared, copies, orphans);
        setSafe(false);
    }

    private void drawShared() {
        box(shared, "acceptor", "accepts both", 66, 100, 112, 54, "handoff-acceptor");
        Label name = Nodes.label("connfd", "handoff-slot-name");
        Label kind = Nodes.label("one shared slot", "handoff-slot-kind");
        Label now = Nodes.label("2nd connection", "handoff-slot-value");
        Label gone = Nodes.label("1st connection", "handoff-overwritten");
        VBox slot = new VBox(name, kind, now, gone);
        slot.setId("handoffSlot");
        slot.getStyleClass().addAll("handoff-box", "handoff-slot");
        slot.setAlignment(Pos.TOP_CENTER);
        place(shared, slot, 328, 100, 150, 112);
        box(shared, "worker A", "serves the 2nd", 564, 44, 144, 54, "handoff-worker");
        box(shared, "worker B", "serves the 2nd too", 564, 156, 144, 54, "handoff-worker", "handoff-twice");
        arrow(shared, 122, 88, 251, 78, "① accept\nand write", -22);
        arrow(shared, 122, 112, 251, 122, "② accept and\noverwrite", 24);
        arrow(shared, 405, 78, 490, 52, "③ reads late", -18);
        arrow(shared, 405, 122, 490, 148, "④ reads", 18);
        Label orphan = Nodes.label("1st connection: accepted, read by nobody. It waits forever: orphaned.",
                "handoff-note", "handoff-orphan-note");
        orphan.setGraphic(Fx.swatch(Activity.ORPHANED));
        orphan.relocate(12, 188);
        shared.getChildren().add(orphan);
    }

    private void drawCopies() {
        box(copies, "acceptor", "accepts both", 66, 100, 112, 54, "handoff-acceptor");
        box(copies, "own copy", "1st connection", 330, 44, 160, 54, "handoff-copy");
        box(copies, "own copy", "2nd connection", 330, 156, 160, 54, "handoff-copy");
        box(copies, "worker A", "serves the 1st", 564, 44, 144, 54, "handoff-worker");
        box(copies, "worker B", "serves the 2nd", 564, 156, 144, 54, "handoff-worker");
        arrow(copies, 122, 86, 248, 52, "① accept, copy", -18);
        arrow(copies, 122, 114, 248, 148, "② accept, copy", 18);
        arrow(copies, 412, 44, 490, 44, "hand over", -12);
        arrow(copies, 412, 156, 490, 156, "hand over", -12);
        Label note = Nodes.label("Each worker is handed its own copy when it starts: nothing is left to overwrite.",
                "handoff-note");
        note.relocate(12, 188);
        copies.getChildren().add(note);
    }

    /** A box of two lines centred on ({@code x}, {@code y}). */
    private static Label box(Pane pane, String title, String detail, double x, double y, double w, double h,
                             String... styleClasses) {
        Label l = Nodes.label(title + "\n" + detail, "handoff-box");
        l.getStyleClass().addAll(styleClasses);
        l.setAlignment(Pos.TOP_CENTER);
        place(pane, l, x, y, w, h);
        return l;
    }

    private static void place(Pane pane, Region node, double x, double y, double w, double h) {
        node.setMinSize(w, h);
        node.setPrefSize(w, h);
        node.setMaxSize(w, h);
        node.relocate(x - w / 2, y - h / 2);
        pane.getChildren().add(node);
    }

    /** An arrow with its words above ({@code lift} &lt; 0) or below it. */
    private static void arrow(Pane pane, double x1, double y1, double x2, double y2, String words, double lift) {
        Node a = Arrow.pointing("handoff-arrow").from(x1, y1, x2, y2);
        Label l = Nodes.label(words, "handoff-arrow-label");
        l.layoutXProperty().bind(l.widthProperty().divide(-2).add((x1 + x2) / 2));
        l.layoutYProperty().bind(l.heightProperty().divide(-2).add((y1 + y2) / 2 + lift));
        pane.getChildren().addAll(0, List.of(a, l)); // under the boxes
    }

    /** Draws the shared slot, or the workers' own copies. */
    public void setSafe(boolean safe) {
        Nodes.show(shared, !safe);
        Nodes.show(copies, safe);
    }

    /** Names the clients orphaned now. */
    public void refresh(List<ClientModel> clients) {
        List<String> now = new ArrayList<>();
        for (ClientModel c : clients) {
            if (c.state() == Activity.ORPHANED) {
                now.add(c.name());
            }
        }
        if (now.equals(shownOrphans)) {
            return;
        }
        shownOrphans.clear();
        shownOrphans.addAll(now);
        List<Node> chips = new ArrayList<>();
        chips.add(orphans.getChildren().get(0));
        for (String name : now) {
            Label chip = Nodes.label(name, "handoff-orphan");
            chip.setGraphic(Fx.swatch(Activity.ORPHANED));
            chips.add(chip);
        }
        if (now.isEmpty()) {
            chips.add(nobody);
        }
        orphans.getChildren().setAll(chips);
    }
}
