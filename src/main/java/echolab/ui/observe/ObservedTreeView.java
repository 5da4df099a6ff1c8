package echolab.ui.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The student's process tree drawn like the embedded server's diagram: the program's box with its
 * threads as lanes, and beside it, below, a box per process it forked, zombies as ghosts until they
 * are reaped; each client in the box, and the lane, of whoever holds its connection. Boxes, lanes and
 * chips are kept per PID, TID and client, never rebuilt per frame; {@link #refresh} brings them in
 * step with the model.
 *
 * <p>Threading: FX thread only.
 */
public final class ObservedTreeView extends ScrollPane {

    private final VBox content = new VBox();
    private final Label empty = Nodes.label(
            "Start your server above: its processes and their threads appear here as it runs, "
                    + "each thread in the colour of what it waits in.", "empty");
    private final VBox rootHolder = new VBox();
    private final Label childrenTitle = Nodes.label("", "section-title");
    private final FlowPane children = new FlowPane();
    private final Map<Long, ObservedProcessBox> boxes = new HashMap<>();
    private long shownRevision = -1;

    public ObservedTreeView() {
        getStyleClass().addAll("diagram", "observed-tree");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        empty.setWrapText(true);
        content.getStyleClass().addAll("diagram-content", "observed-content");
        children.getStyleClass().addAll("child-boxes", "observed-children");
        content.getChildren().addAll(empty, rootHolder, childrenTitle, children);
        setContent(content);
        Nodes.show(childrenTitle, false);
    }

    /** Redraws from {@code tree} if it changed since the last refresh. */
    public void refresh(ObservedTreeModel tree) {
        if (tree.revision() == shownRevision) {
            return;
        }
        shownRevision = tree.revision();
        List<ObservedProcess> processes = tree.processes();
        Map<Long, ObservedProcessBox> kept = new HashMap<>();
        List<Node> root = new ArrayList<>(1);
        List<Node> kids = new ArrayList<>(processes.size());
        for (ObservedProcess p : processes) {
            ObservedProcessBox box = boxes.get(p.pid());
            if (box == null) {
                box = new ObservedProcessBox(p);
            } else {
                box.update(p);
            }
            kept.put(p.pid(), box);
            (p.root() ? root : kids).add(box);
        }
        boxes.clear();
        boxes.putAll(kept);
        if (!rootHolder.getChildren().equals(root)) {
            rootHolder.getChildren().setAll(root);
        }
        if (!children.getChildren().equals(kids)) {
            children.getChildren().setAll(kids);
        }
        Nodes.show(empty, processes.isEmpty());
        if (processes.isEmpty()) {
            Nodes.text(empty, tree.serverPid() < 0 ? empty.getText()
                    : tree.running() ? "PID " + tree.serverPid() + " runs; its tree is being read …"
                    : "PID " + tree.serverPid() + " has stopped: " + tree.stopReason());
        }
        int zombies = tree.zombies();
        int alive = tree.childrenAlive();
        Nodes.text(childrenTitle, "CHILDREN · " + alive + " running"
                + (zombies > 0 ? " · " + zombies + (zombies == 1 ? " zombie" : " zombies") + ": ended, not reaped" : "")
                + (tree.reaped() > 0 ? " · " + tree.reaped() + " reaped" : ""));
        Nodes.show(childrenTitle, !kids.isEmpty() || tree.reaped() > 0 && tree.crash().isEmpty());
        Nodes.toggle(children, "many", kids.size() > 8);
    }

    /** The box of process {@code pid}, if drawn. */
    ObservedProcessBox box(long pid) {
        return boxes.get(pid);
    }
}
