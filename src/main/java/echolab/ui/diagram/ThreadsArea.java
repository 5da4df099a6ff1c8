package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import echolab.ui.fx.Nodes;
import echolab.ui.model.WorkerModel;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The threads of a process as lanes, wrapped into columns, the accepting thread first. A few
 * threads get roomy lanes that say what each does; more get one-line lanes, then small tiles; past
 * {@link #MAX_LANES} the rest are counted, not drawn, so a hundred threads stay readable and cheap.
 * Lanes are kept per worker, never rebuilt per frame.
 *
 * <p>Threading: FX thread only.
 */
final class ThreadsArea extends VBox implements FrameCoalescer.Refreshable {

    static final int ROOMY_UP_TO = 8;
    static final int COMPACT_UP_TO = 20;
    static final int MAX_LANES = 30;

    /**
     * The acceptor leads, then the current model's threads, then those draining; by name within
     * each, numbers compared as numbers, so thread-c9 comes before thread-c10 whatever the start order.
     */
    private static final Comparator<WorkerModel> LANE_ORDER = Comparator
            .comparingInt((WorkerModel w) -> "acceptor".equals(w.role()) ? 0 : w.drainingProperty().get() ? 2 : 1)
            .thenComparing(WorkerModel::displayName, NaturalOrder.INSTANCE);

    private final ObservableList<WorkerModel> threads;
    private final Predicate<WorkerModel> drawn;
    private final FrameCoalescer frames;
    private final Label title = Nodes.label("", "section-title");
    private final Label hint = Nodes.label("", "section-hint");
    private final FlowPane lanes = new FlowPane();
    private final Label more = Nodes.label("", "more");
    private final Map<WorkerModel, ThreadLane> laneByWorker = new HashMap<>();
    private final Watches watches;
    private final boolean withHeader;
    private boolean tilesOnly;

    /**
     * @param threads    the process's threads
     * @param drawn      which of them get a lane here (virtual threads are drawn elsewhere)
     * @param withHeader whether to say "threads" above the lanes and name the clients in them (a
     *                   child's box names its client and needs no title over its single lane)
     */
    ThreadsArea(ObservableList<WorkerModel> threads, Predicate<WorkerModel> drawn, boolean withHeader,
                FrameCoalescer frames) {
        this.threads = threads;
        this.drawn = drawn;
        this.frames = frames;
        this.withHeader = withHeader;
        getStyleClass().add("threads-area");
        lanes.getStyleClass().add("lanes");
        FlowPane header = new FlowPane(title, hint);
        header.getStyleClass().add("section-header");
        if (withHeader) {
            getChildren().add(header);
        }
        getChildren().addAll(lanes, more);
        Nodes.show(more, false);
        watches = new Watches(frames, this).on(threads);
        refresh();
    }

    /** Draws every lane as a small tile, whatever the count (for a small child box). */
    void tilesOnly(boolean on) {
        if (tilesOnly != on) {
            tilesOnly = on;
            refresh();
        }
    }

    /** A sentence after the title saying who does what in this mode. */
    void hint(String text) {
        Nodes.text(hint, text);
    }

    @Override
    public void refresh() {
        List<WorkerModel> wanted = new ArrayList<>();
        int draining = 0;
        for (WorkerModel w : threads) {
            if (drawn.test(w)) {
                wanted.add(w);
                if (w.drainingProperty().get()) {
                    draining++;
                }
            }
        }
        int total = wanted.size();
        wanted.sort(LANE_ORDER);
        if (total > MAX_LANES) {
            wanted.subList(MAX_LANES, total).clear();
        }
        laneByWorker.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            return true;
        });
        ThreadLane.Density density = tilesOnly || total > COMPACT_UP_TO ? ThreadLane.Density.TINY
                : total <= ROOMY_UP_TO ? ThreadLane.Density.ROOMY : ThreadLane.Density.COMPACT;
        List<Node> order = new ArrayList<>(wanted.size());
        for (WorkerModel w : wanted) {
            ThreadLane lane = laneByWorker.computeIfAbsent(w, k -> new ThreadLane(k, withHeader, frames));
            lane.density(density);
            order.add(lane);
        }
        if (!lanes.getChildren().equals(order)) {
            lanes.getChildren().setAll(order);
        }
        Nodes.toggle(this, "compact", density != ThreadLane.Density.ROOMY);
        int hidden = total - wanted.size();
        Nodes.text(more, "+" + hidden + " more threads, not drawn — they share the same memory");
        Nodes.show(more, hidden > 0);
        if (withHeader) {
            String count = total == 1 ? "1 thread" : total + " threads";
            Nodes.text(title, "THREADS · " + count + (draining > 0 ? " (" + draining + " draining)" : "")
                    + " · each with its own stack");
        }
    }

    /** The lane drawn for the thread shown as {@code displayName}, or null. */
    ThreadLane lane(String displayName) {
        for (ThreadLane lane : laneByWorker.values()) {
            if (lane.worker().displayName().equals(displayName)) {
                return lane;
            }
        }
        return null;
    }

    /** Its process has ended; so have all its threads. */
    void ended() {
        laneByWorker.values().forEach(ThreadLane::ended);
    }

    void dispose() {
        watches.dispose();
        laneByWorker.values().forEach(ThreadLane::dispose);
        laneByWorker.clear();
    }
}
