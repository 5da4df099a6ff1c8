package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.WorkerModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * Puts every virtual thread where it is: on the carrier thread it is mounted on, or parked on the
 * heap (a parked virtual thread's stack is a heap object). The carriers are drawn here as lanes
 * (id {@code carriers}); the parked threads go into the heap segment given to the constructor.
 * A virtual thread keeps one lane (id {@link WorkerModel#nodeId()}) that moves between the two.
 *
 * <p>Threading: FX thread only.
 */
final class VirtualThreadsView extends VBox implements FrameCoalescer.Refreshable {

    static final int MAX_VIRTUAL = 40;
    static final int MAX_PARKED = 24;

    private final DiagramFold model;
    private final ProcessModel server;
    private final FrameCoalescer frames;
    private final FlowPane carrierLanes = new FlowPane();
    private final Label noCarrier = Nodes.label("none yet: a carrier shows up when it first runs a virtual thread",
            "empty");
    private final Label parkedTitle = Nodes.label("", "heap-title");
    private final FlowPane parked = new FlowPane();
    private final Label more = Nodes.label("", "more");
    private final Map<CarrierModel, CarrierLane> laneByCarrier = new HashMap<>();
    private final Map<WorkerModel, ThreadLane> laneByThread = new HashMap<>();
    private final Map<Object, Watches> itemWatches = new HashMap<>();
    private final Watches watches;
    private int virtualCount;

    VirtualThreadsView(DiagramFold model, ProcessModel server, Pane heapSlot, FrameCoalescer frames) {
        this.model = model;
        this.server = server;
        this.frames = frames;
        setId("carriers");
        getStyleClass().add("carriers");
        HBox header = new HBox(Nodes.label("CARRIER THREADS", "section-title"),
                Nodes.label(" · platform threads; each runs one mounted virtual thread at a time", "section-hint"));
        header.getStyleClass().add("section-header");
        carrierLanes.getStyleClass().add("carrier-lanes");
        getChildren().addAll(header, noCarrier, carrierLanes);
        parked.getStyleClass().add("parked");
        parkedTitle.setWrapText(true);
        heapSlot.getChildren().addAll(parkedTitle, parked, more);
        watches = new Watches(frames, this).on(model.carriers(), server.threads());
        refresh();
    }

    @Override
    public void refresh() {
        List<WorkerModel> wanted = new ArrayList<>();
        for (WorkerModel w : server.threads()) {
            if ("virtual".equals(w.role())) {
                wanted.add(w);
            }
        }
        virtualCount = wanted.size();
        wanted.sort(Comparator.comparing(WorkerModel::displayName, NaturalOrder.INSTANCE));
        if (virtualCount > MAX_VIRTUAL) {
            wanted.subList(MAX_VIRTUAL, virtualCount).clear();
        }
        laneByThread.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            itemWatches.remove(e.getKey()).dispose();
            return true;
        });
        Map<String, ThreadLane> byId = new HashMap<>();
        for (WorkerModel w : wanted) {
            ThreadLane lane = laneByThread.computeIfAbsent(w, k -> {
                // small tiles: there may be many, and virtual-c3 already says whose it is
                ThreadLane made = new ThreadLane(k, false, frames);
                made.density(ThreadLane.Density.TINY);
                made.getStyleClass().add("virtual-thread");
                itemWatches.put(k, new Watches(frames, this).on(k.carrierProperty()));
                return made;
            });
            byId.put(w.id(), lane);
        }
        int mounted = placeOnCarriers(byId);
        placeOnHeap(wanted, byId, virtualCount - mounted);
    }

    /** Moves each mounted thread's lane onto its carrier; returns how many carriers run one now. */
    private int placeOnCarriers(Map<String, ThreadLane> byId) {
        List<Node> order = new ArrayList<>();
        int busy = 0;
        List<CarrierModel> carriers = model.carriers();
        for (int i = 0; i < carriers.size(); i++) {
            CarrierModel c = carriers.get(i);
            CarrierLane lane = laneByCarrier.computeIfAbsent(c, k -> {
                itemWatches.put(k, new Watches(frames, this).on(k.mountedProperty()));
                return new CarrierLane(k, model);
            });
            lane.index(i);
            String mounted = c.mountedProperty().get();
            if (!mounted.isEmpty()) {
                busy++;
            }
            lane.mount(mounted.isEmpty() ? null : byId.remove(mounted));
            order.add(lane);
        }
        if (!carrierLanes.getChildren().equals(order)) {
            carrierLanes.getChildren().setAll(order);
        }
        Nodes.show(noCarrier, carriers.isEmpty());
        return busy;
    }

    /** What is left in {@code byId} after the carriers took theirs is parked. */
    private void placeOnHeap(List<WorkerModel> wanted, Map<String, ThreadLane> byId, int parkedCount) {
        List<Node> order = new ArrayList<>();
        for (WorkerModel w : wanted) {
            ThreadLane lane = byId.get(w.id());
            if (lane != null && order.size() < MAX_PARKED) {
                order.add(lane);
            }
        }
        if (!parked.getChildren().equals(order)) {
            parked.getChildren().setAll(order);
        }
        Nodes.text(parkedTitle, "PARKED VIRTUAL THREADS · " + parkedCount + " · their stacks live here, on the heap");
        int hidden = parkedCount - order.size();
        Nodes.text(more, "+" + hidden + " more parked");
        Nodes.show(more, hidden > 0);
    }

    /** Virtual threads alive now, drawn or not. */
    int virtualCount() {
        return virtualCount;
    }

    /** The lane of the virtual thread shown as {@code displayName}, or null. */
    ThreadLane lane(String displayName) {
        for (ThreadLane lane : laneByThread.values()) {
            if (lane.worker().displayName().equals(displayName)) {
                return lane;
            }
        }
        return null;
    }

    void dispose() {
        watches.dispose();
        itemWatches.values().forEach(Watches::dispose);
        itemWatches.clear();
        laneByThread.values().forEach(ThreadLane::dispose);
        laneByThread.clear();
    }
}
