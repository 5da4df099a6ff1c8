package echolab.ui.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.observe.SignalNames;
import echolab.ui.fx.Nodes;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One process of the student's tree drawn as a box, like the diagram's: its PID and command, its
 * open descriptors as a figure and a row of marks (those opened since it was first seen in another
 * colour, so a leak visibly grows), its threads as lanes, and the clients it holds with no thread in
 * a call on them. A zombie is drawn as a ghost: greyed, a dashed border, "zombie — ended, not
 * reaped", until its parent reaps it. Id {@link ObservedProcess#nodeId()}; style classes
 * {@code process-box}, {@code server} or {@code child}, and {@code zombie}.
 *
 * <p>Threading: FX thread only.
 */
final class ObservedProcessBox extends VBox {

    /** Lanes drawn at most; the rest are counted. */
    static final int MAX_LANES = 30;
    /** Descriptor marks drawn at most; the rest are counted. */
    static final int MAX_MARKS = 64;

    private final long pid;
    private final Label title = Nodes.label("", "process-title");
    private final Label kind = Nodes.label("", "process-kind");
    private final Label parent = Nodes.label("", "process-status");
    private final boolean root;
    private final Label zombieNote = Nodes.label("zombie — ended, not reaped", "zombie-note");
    private final Label crashNote = Nodes.label("", "crash-note");
    private final Label crashMeaning = Nodes.label("", "crash-meaning");
    private final Label descriptors = Nodes.label("", "descriptor-figure");
    private final FlowPane marks = new FlowPane();
    private final Label moreMarks = Nodes.label("", "descriptor-more");
    private final Label grownNote = Nodes.label("", "descriptor-more");
    private final Label threadsTitle = Nodes.label("", "section-title");
    private final FlowPane lanes = new FlowPane();
    private final Label moreLanes = Nodes.label("", "more");
    private final Label heldTitle = Nodes.label("holds, no thread in a call on it:", "section-hint");
    private final ChipRow held = new ChipRow();
    private final VBox heldRow = new VBox(heldTitle, held);
    private final Map<Long, ObservedLane> lanesByTid = new HashMap<>();
    private final Tooltip commandTip = new Tooltip();
    private int marksShown = -1;
    private int marksFirst = -1;

    ObservedProcessBox(ObservedProcess process) {
        this.pid = process.pid();
        this.root = process.root();
        setId(process.nodeId());
        getStyleClass().addAll("process-box", "observed-process", process.root() ? "server" : "child");
        title.setMinWidth(Region.USE_PREF_SIZE); // the PID stays whole; the command gives way
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // a child's box is small: its command is its parent's (it forked), so it says whose child it is instead
        HBox header = root ? new HBox(title, kind, gap, descriptors) : new HBox(title, gap, descriptors);
        header.getStyleClass().add("process-header");
        header.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(kind, commandTip);
        marks.getStyleClass().add("descriptor-marks");
        HBox descriptorRow = new HBox(marks, moreMarks, grownNote);
        descriptorRow.getStyleClass().add("descriptor-row");
        descriptorRow.setAlignment(Pos.CENTER_LEFT);
        lanes.getStyleClass().add("lanes");
        heldRow.getStyleClass().add("held-row");
        crashMeaning.setWrapText(true);
        getChildren().addAll(header, zombieNote, crashNote, crashMeaning, descriptorRow, threadsTitle, lanes, moreLanes, heldRow);
        if (!root) {
            getChildren().add(1, parent);
            Tooltip.install(parent, commandTip);
        }
        update(process);
    }

    long pid() {
        return pid;
    }

    void update(ObservedProcess p) {
        Nodes.text(title, "PID " + p.pid());
        String command = p.command().isEmpty() ? "" : p.command();
        Nodes.text(kind, command);
        Nodes.text(parent, p.ppid() > 0 ? "child of " + p.ppid() : "");
        commandTip.setText(command.isEmpty() ? "PID " + p.pid() : command);
        Nodes.toggle(this, "zombie", p.zombie());
        Nodes.show(zombieNote, p.zombie());
        boolean crashed = !p.crash().isEmpty();
        Nodes.toggle(this, "crashed", crashed);
        Nodes.text(crashNote, p.crash());
        Nodes.show(crashNote, crashed);
        String meaning = crashed ? SignalNames.meaning(p.crashSignal()) : "";
        Nodes.text(crashMeaning, meaning.isEmpty() ? "" : "usually " + meaning);
        Nodes.show(crashMeaning, !meaning.isEmpty());
        boolean zombie = p.ended(); // nothing of an ended process runs: no lanes, no descriptors
        descriptors(p, zombie);
        lanes(p, zombie);
        boolean holds = held.show(p.clients());
        Nodes.show(heldRow, holds && !zombie);
    }

    private void descriptors(ObservedProcess p, boolean zombie) {
        int n = p.descriptors();
        int first = p.firstDescriptors();
        boolean known = n >= 0 && !zombie;
        Nodes.show(descriptors, known);
        Nodes.show(marks.getParent(), known && root); // a child's box has room for the figure only
        if (!known) {
            return;
        }
        int grown = n - first;
        Nodes.text(descriptors, root ? n + (n == 1 ? " descriptor" : " descriptors") : n + " fds");
        Nodes.text(grownNote, grown > 0 ? "+" + grown + " since first seen" : "");
        Nodes.show(grownNote, grown > 0);
        Nodes.toggle(descriptors, "grown", grown > 0);
        if (n != marksShown || first != marksFirst) {
            marksShown = n;
            marksFirst = first;
            int drawn = Math.min(n, MAX_MARKS);
            List<Node> all = new ArrayList<>(drawn);
            for (int i = 0; i < drawn; i++) {
                Region mark = new Region();
                mark.getStyleClass().addAll("descriptor-mark", i >= first ? "new" : "old");
                all.add(mark);
            }
            marks.getChildren().setAll(all);
            Nodes.text(moreMarks, n > drawn ? "+" + (n - drawn) : "");
            Nodes.show(moreMarks, n > drawn);
        }
    }

    private void lanes(ObservedProcess p, boolean zombie) {
        List<ObservedThread> threads = zombie ? List.of() : p.threads();
        int total = threads.size();
        List<Node> order = new ArrayList<>(Math.min(total, MAX_LANES));
        Map<Long, ObservedLane> kept = new HashMap<>();
        for (ObservedThread t : threads.subList(0, Math.min(total, MAX_LANES))) {
            ObservedLane lane = lanesByTid.get(t.tid());
            if (lane == null) {
                lane = new ObservedLane(t);
            } else {
                lane.update(t);
            }
            kept.put(t.tid(), lane);
            order.add(lane);
        }
        lanesByTid.clear();
        lanesByTid.putAll(kept);
        if (!lanes.getChildren().equals(order)) {
            lanes.getChildren().setAll(order);
        }
        Nodes.toggle(this, "many-threads", total > 8);
        Nodes.text(threadsTitle, "THREADS · " + total + (total == 1 ? " thread" : " threads")
                + " · each with its own stack");
        Nodes.show(threadsTitle, root && !zombie); // a child's box is small; its lane needs no title
        Nodes.show(lanes, total > 0);
        Nodes.text(moreLanes, "+" + (total - order.size()) + " more threads, not drawn");
        Nodes.show(moreLanes, total > order.size());
    }

    /** The lane of thread {@code tid}, if drawn. */
    ObservedLane lane(long tid) {
        return lanesByTid.get(tid);
    }
}
