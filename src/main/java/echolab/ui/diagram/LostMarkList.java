package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The newest lost updates, marked in the data region where they happened: who overwrote whose
 * write, to what value, and how many increments vanished. Id {@code lostMarks}. The labels are made
 * once and reused; a new mark is also handed to {@code onNewest} so the two lanes can light up.
 *
 * <p>Threading: FX thread only.
 */
final class LostMarkList extends VBox implements FrameCoalescer.Refreshable {

    /** The model keeps five; three newest keep the data region small enough for the lanes below. */
    static final int SHOWN = 3;

    private final DiagramFold model;
    private final ProcessModel server;
    private final Consumer<LostMark> onNewest;
    private final Label title = Nodes.label("", "lost-title");
    private final List<Label> marks = new ArrayList<>();
    private final Watches watches;
    private LostMark newest;

    LostMarkList(DiagramFold model, ProcessModel server, Consumer<LostMark> onNewest, FrameCoalescer frames) {
        this.model = model;
        this.server = server;
        this.onNewest = onNewest;
        setId("lostMarks");
        getStyleClass().add("lost-marks");
        title.setWrapText(true);
        getChildren().add(title);
        for (int i = 0; i < SHOWN; i++) {
            Label mark = Nodes.label("", "lost-mark", i == 0 ? "newest" : "older");
            mark.setWrapText(true);
            marks.add(mark);
            getChildren().add(mark);
        }
        watches = new Watches(frames, this).on(model.lostMarks(), server.counterProperty());
        refresh();
    }

    @Override
    public void refresh() {
        List<LostMark> list = model.lostMarks();
        for (int i = 0; i < SHOWN; i++) {
            Label label = marks.get(i);
            boolean shown = i < list.size();
            Nodes.show(label, shown);
            if (shown) {
                Nodes.text(label, describe(list.get(i)));
            }
        }
        long lost = model.lostSeen();
        long counter = server.counterProperty().get();
        Nodes.text(title, "LOST UPDATES · " + lost + " so far — without them the counter would read "
                + (counter + lost));
        Nodes.show(this, lost > 0 || !list.isEmpty());
        LostMark first = list.isEmpty() ? null : list.get(0);
        if (first != null && !first.equals(newest)) {
            newest = first;
            onNewest.accept(first);
        }
    }

    /** "pool-worker-2 overwrote pool-worker-1's write → 41 (1 lost, client-3)". */
    static String describe(LostMark m) {
        return "⚡ " + m.writer() + " overwrote " + m.overwritten() + "'s write → " + m.written()
                + " (" + m.lost() + " lost, " + m.client() + ")";
    }

    void dispose() {
        watches.dispose();
    }
}
