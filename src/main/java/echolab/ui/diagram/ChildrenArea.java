package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The child processes of {@code processes} mode side by side, one box each with its own memory.
 * A box appears when its child is spawned and fades out once reaped, until the model drops it.
 * Id {@code children}.
 *
 * <p>Threading: FX thread only.
 */
final class ChildrenArea extends VBox implements FrameCoalescer.Refreshable {

    /** The parent's width beside its children: the same in the lab's drawing and a student's. */
    private static final double PARENT_WIDTH = 400;

    /**
     * Lays the parent out beside this area: at {@value #PARENT_WIDTH} px, marked {@code parent},
     * with the area shown, when {@code withChildren}; alone across the whole width otherwise.
     * {@code parent} may be null (no server yet).
     */
    void placeBeside(StackPane parentSlot, ProcessBox parent, boolean withChildren) {
        Nodes.show(this, withChildren);
        parentSlot.setMaxWidth(withChildren ? PARENT_WIDTH : Region.USE_COMPUTED_SIZE);
        parentSlot.setMinWidth(withChildren ? PARENT_WIDTH : Region.USE_COMPUTED_SIZE);
        HBox.setHgrow(parentSlot, withChildren ? Priority.NEVER : Priority.ALWAYS);
        if (parent != null) {
            Nodes.toggle(parent, "parent", withChildren);
        }
    }

    /** Beyond this many the rest are counted: each box is a dozen nodes. */
    static final int MAX_BOXES = 12;
    /** From this many on the boxes get small: two full boxes already fill the row, and a column. */
    static final int SMALL_FROM = 3;

    /** The JVM's children in {@code processes} mode: how they get their client. */
    static final String RELAY_NOTE = "A JVM cannot hand its socket to a child the way fork() would, so the parent "
            + "relays each client's bytes through the child's stdin and stdout.";

    private final ObservableList<ProcessModel> processes;
    private final FrameCoalescer frames;
    private final Label title = Nodes.label("", "section-title");
    private final FlowPane boxes = new FlowPane();
    private final Label empty = Nodes.label("No child yet: every new client gets a fresh process.", "empty");
    private final Label more = Nodes.label("", "more");
    private final Map<ProcessModel, ProcessBox> boxByProcess = new HashMap<>();
    private final Watches watches;
    private String what = " · one per client, each with its own memory";
    private int count;

    ChildrenArea(ObservableList<ProcessModel> processes, FrameCoalescer frames) {
        this(processes, RELAY_NOTE, frames);
    }

    /** @param noteText what the line under the title says about how a child gets its client */
    ChildrenArea(ObservableList<ProcessModel> processes, String noteText, FrameCoalescer frames) {
        this.processes = processes;
        this.frames = frames;
        setId("children");
        getStyleClass().add("children-area");
        Label note = Nodes.label(noteText, "relay-note");
        note.setWrapText(true);
        boxes.getStyleClass().add("child-boxes");
        getChildren().addAll(title, note, empty, boxes, more);
        watches = new Watches(frames, this).on(processes);
        refresh();
    }

    @Override
    public void refresh() {
        List<ProcessModel> wanted = new ArrayList<>();
        count = 0;
        for (ProcessModel p : processes) {
            if (p.isServer()) {
                continue;
            }
            count++;
            if (wanted.size() < MAX_BOXES) {
                wanted.add(p);
            }
        }
        boxByProcess.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            return true;
        });
        boolean small = count >= SMALL_FROM;
        List<Node> order = new ArrayList<>(wanted.size());
        for (ProcessModel p : wanted) {
            ProcessBox box = boxByProcess.computeIfAbsent(p, k -> new ProcessBox(k, frames));
            box.small(small);
            order.add(box);
        }
        if (!boxes.getChildren().equals(order)) {
            boxes.getChildren().setAll(order);
        }
        Nodes.toggle(this, "compact", small);
        Nodes.text(title, "CHILD PROCESSES · " + count + what);
        Nodes.show(empty, count == 0);
        int hidden = count - wanted.size();
        Nodes.text(more, "+" + hidden + " more child processes");
        Nodes.show(more, hidden > 0);
    }

    /** What the title says after the count, from its first dot on; the next refresh shows it. */
    void what(String words) {
        if (!what.equals(words)) {
            what = words;
            frames.mark(this);
        }
    }

    /** Says {@code text} while there is no child. */
    void emptyText(String text) {
        Nodes.text(empty, text);
    }

    /** Child processes in the model now, drawn or not. */
    int count() {
        return count;
    }

    void dispose() {
        watches.dispose();
        boxByProcess.values().forEach(ProcessBox::dispose);
        boxByProcess.clear();
    }
}
