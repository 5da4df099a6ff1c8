package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.List;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A student's process's open descriptors as a row of marks under its socket, one per descriptor:
 * those open when it was first seen in grey, those opened since in the colour of a leak, so a
 * server that forgets to close grows a visibly longer orange tail. Past {@link #MAX_MARKS} the rest
 * are counted. Hidden while the system does not say.
 *
 * <p>Threading: FX thread only.
 */
final class DescriptorMarks extends HBox implements FrameCoalescer.Refreshable {

    /** Marks drawn at most; the rest are counted. */
    static final int MAX_MARKS = 64;

    private final ProcessModel process;
    private final FlowPane marks = new FlowPane();
    private final Label more = Nodes.label("", "descriptor-more");
    private final Watches watches;
    private int shown = -1;
    private int first = -1;

    DescriptorMarks(ProcessModel process, FrameCoalescer frames) {
        this.process = process;
        setId("descriptors-" + process.pid());
        getStyleClass().add("descriptor-row");
        setAlignment(Pos.CENTER_LEFT);
        marks.getStyleClass().add("descriptor-marks");
        marks.setPrefWrapLength(180); // a row of marks, then more rows: never wider than the box's line
        getChildren().addAll(Nodes.label("DESCRIPTORS", "section-title"), marks, more);
        watches = new Watches(frames, this).on(process.descriptorsProperty(), process.firstDescriptorsProperty(),
                process.zombieProperty(), process.crashProperty());
        refresh();
    }

    @Override
    public void refresh() {
        int open = process.descriptorsProperty().get();
        boolean ended = process.zombieProperty().get() || !process.crashProperty().get().isEmpty();
        Nodes.show(this, open >= 0 && !ended);
        int since = process.firstDescriptorsProperty().get();
        if (open < 0 || open == shown && since == first) {
            return;
        }
        shown = open;
        first = since;
        int drawn = Math.min(open, MAX_MARKS);
        List<Node> all = new ArrayList<>(drawn);
        for (int i = 0; i < drawn; i++) {
            Region mark = new Region();
            mark.getStyleClass().addAll("descriptor-mark", i >= since ? "new" : "old");
            all.add(mark);
        }
        marks.getChildren().setAll(all);
        Nodes.text(more, open > drawn ? "+" + (open - drawn) : "");
        Nodes.show(more, open > drawn);
    }

    void dispose() {
        watches.dispose();
    }
}
