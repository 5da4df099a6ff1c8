package echolab.ui.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import echolab.events.Event;
import echolab.sync.TwoResources;
import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.WorkerModel;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The deadlock scenario's wait-for graph: the two resources (log, counter) and the workers as
 * nodes; a solid line where a worker holds a resource, a dashed arrow where it waits for one. The
 * last deadlock's cycle is drawn in the deadlocked colour, the workers blocked behind it beside
 * it. With no deadlock, the workers are drawn in the colours of what they do now.
 *
 * <p>The layout is rebuilt only when the cycle or the set of workers changes; otherwise a refresh
 * only recolours the workers. Threading: FX thread only.
 */
public final class WaitForGraph extends VBox {

    static final double WIDTH = 640;
    static final double HEIGHT = 260;
    private static final double RESOURCE_W = 120;
    private static final double RESOURCE_H = 54;
    private static final double WORKER_W = 178;
    private static final double WORKER_H = 48;
    private static final double SIDE_W = 128;
    private static final double IDLE_W = 150;
    private static final double LOG_X = 200;
    private static final double COUNTER_X = 440;
    private static final double MIDDLE_Y = 130;
    private static final double TOP_Y = 30;
    private static final double BOTTOM_Y = 230;
    /** Where the workers blocked behind the cycle go, beside the resource they wait for: its two corners. */
    private static final double[] SIDE_Y = {BOTTOM_Y, TOP_Y};

    /** A node of the graph: where it is and how big, to clip the edges at its border. */
    private record Box(double x, double y, double w, double h) {
        /** Where the line from this box's centre toward ({@code tx}, {@code ty}) leaves it. */
        double[] exitToward(double tx, double ty) {
            double dx = tx - x;
            double dy = ty - y;
            double t = Math.min(dx == 0 ? Double.MAX_VALUE : (w / 2 + 3) / Math.abs(dx),
                    dy == 0 ? Double.MAX_VALUE : (h / 2 + 3) / Math.abs(dy));
            return new double[] {x + dx * t, y + dy * t};
        }
    }

    private final Label caption = Nodes.label("", "wf-caption");
    private final Pane canvas = new Pane();
    private final List<WorkerBadge> badges = new ArrayList<>();
    private final List<String> badgeWorkers = new ArrayList<>();
    private String drawn = "";

    public WaitForGraph() {
        setId("waitForGraph");
        getStyleClass().add("wait-for-graph");
        canvas.getStyleClass().add("wf-canvas");
        canvas.setMinSize(WIDTH, HEIGHT);
        canvas.setPrefSize(WIDTH, HEIGHT);
        canvas.setMaxSize(WIDTH, HEIGHT);
        Label key = Nodes.label("solid line: holds   ·   dashed arrow: waits for   ·   dark red: the cycle   ·"
                + "   red: blocked behind it", "wf-key");
        getChildren().addAll(caption, canvas, key);
    }

    /**
     * Draws the last deadlock ({@code cycle} and the workers {@code blocked} behind it), or, when
     * there is none, {@code workers} in their current states. {@code byId} finds a worker's model
     * by thread name.
     */
    public void refresh(List<Event.WaitFor> cycle, List<Event.WaitFor> blocked, List<WorkerModel> workers,
                        Function<String, WorkerModel> byId) {
        List<WorkerModel> alsoWaiting = cycle.isEmpty() ? List.of() : alsoWaiting(cycle, blocked, workers);
        String wanted = cycle.isEmpty() ? "idle:" + ids(workers) : "cycle:" + cycle + blocked + ids(alsoWaiting);
        if (!wanted.equals(drawn)) {
            drawn = wanted;
            clear();
            if (cycle.isEmpty()) {
                layoutIdle(workers);
            } else {
                layoutCycle(cycle, blocked, alsoWaiting);
            }
        }
        for (int i = 0; i < badges.size(); i++) {
            WorkerModel w = byId.apply(badgeWorkers.get(i));
            badges.get(i).show(w == null ? Activity.IDLE : w.state());
        }
    }

    /**
     * Workers waiting for a resource whom the JVM did not name: it names the threads of the first
     * chain that led it into the cycle only. While the cycle holds both resources, whoever waits for
     * one is stuck behind it, though which one it waits for is not known here.
     */
    private static List<WorkerModel> alsoWaiting(List<Event.WaitFor> cycle, List<Event.WaitFor> blocked,
                                                 List<WorkerModel> workers) {
        List<WorkerModel> out = new ArrayList<>();
        for (WorkerModel w : workers) {
            if (w.state() == Activity.LOCK_WAIT && !names(cycle, w.id()) && !names(blocked, w.id())) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean names(List<Event.WaitFor> edges, String worker) {
        for (Event.WaitFor e : edges) {
            if (e.worker().equals(worker)) {
                return true;
            }
        }
        return false;
    }

    private static String ids(List<WorkerModel> workers) {
        StringBuilder b = new StringBuilder();
        for (WorkerModel w : workers) {
            b.append(w.id()).append(',');
        }
        return b.toString();
    }

    private void clear() {
        canvas.getChildren().clear();
        badges.clear();
        badgeWorkers.clear();
    }

    private void layoutIdle(List<WorkerModel> workers) {
        resource(TwoResources.LOG, LOG_X);
        resource(TwoResources.COUNTER, COUNTER_X);
        int top = (workers.size() + 1) / 2;
        for (int i = 0; i < workers.size(); i++) {
            boolean upper = i < top;
            int inRow = upper ? top : workers.size() - top;
            int at = upper ? i : i - top;
            double x = WIDTH / 2 + (at - (inRow - 1) / 2.0) * (IDLE_W + 16);
            worker(workers.get(i).id(), x, upper ? TOP_Y : BOTTOM_Y, IDLE_W, WORKER_H, false);
        }
        Nodes.text(caption, workers.isEmpty()
                ? "No deadlock. The workers appear here once the server has some."
                : "No deadlock now: each worker in the colour of what it does.");
        Nodes.toggle(caption, "wf-caption-deadlock", false);
    }

    private void layoutCycle(List<Event.WaitFor> cycle, List<Event.WaitFor> blocked, List<WorkerModel> alsoWaiting) {
        Box log = resource(TwoResources.LOG, LOG_X);
        Box counter = resource(TwoResources.COUNTER, COUNTER_X);
        List<Node> edges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Event.WaitFor w : cycle) {
            boolean holdsLog = TwoResources.LOG.equals(w.holds());
            Box held = holdsLog ? log : counter;
            Box wanted = holdsLog ? counter : log;
            Box me = worker(w.worker(), WIDTH / 2, holdsLog ? TOP_Y : BOTTOM_Y, WORKER_W, WORKER_H, true);
            edges.add(holds(me, held, "wf-cycle"));
            edges.add(waits(me, wanted, "wf-cycle"));
            names.add(display(w.worker()));
        }
        int[] used = new int[2]; // slots taken beside the log (0) and beside the counter (1)
        int hidden = 0;
        for (Event.WaitFor w : blocked) {
            int side = TwoResources.LOG.equals(w.waitsFor()) ? 0 : 1;
            if (used[side] == SIDE_Y.length) {
                hidden++;
                continue;
            }
            Box me = worker(w.worker(), sideX(side), SIDE_Y[used[side]++], SIDE_W, WORKER_H, false);
            edges.add(waits(me, side == 0 ? log : counter, "wf-blocked"));
        }
        for (WorkerModel w : alsoWaiting) { // no arrow: which resource it waits for is not known
            int side = used[0] <= used[1] ? 0 : 1;
            if (used[side] == SIDE_Y.length) {
                hidden++;
                continue;
            }
            worker(w.id(), sideX(side), SIDE_Y[used[side]++], SIDE_W, WORKER_H, false);
        }
        canvas.getChildren().addAll(0, edges); // under the boxes
        int behind = blocked.size() + alsoWaiting.size();
        Nodes.text(caption, "Deadlock: " + String.join(" and ", names) + " wait for each other"
                + (behind == 0 ? "" : "  ·  " + behind + " stuck behind them")
                + (hidden == 0 ? "" : " (" + hidden + " not drawn)"));
        Nodes.toggle(caption, "wf-caption-deadlock", true);
    }

    private static double sideX(int side) {
        return side == 0 ? SIDE_W / 2 + 4 : WIDTH - SIDE_W / 2 - 4;
    }

    private Box resource(String name, double x) {
        Label title = Nodes.label(name, "wf-resource-name");
        Label kind = Nodes.label("resource", "wf-resource-kind");
        VBox box = new VBox(title, kind);
        box.setId("wf-resource-" + name);
        box.getStyleClass().add("wf-resource");
        return place(box, x, MIDDLE_Y, RESOURCE_W, RESOURCE_H);
    }

    private Box worker(String id, double x, double y, double w, double h, boolean inCycle) {
        WorkerBadge badge = new WorkerBadge(display(id), true).sized(w, h);
        badge.setId("wf-" + Fx.idPart(display(id)));
        badge.getStyleClass().add("wf-worker");
        Nodes.toggle(badge, "wf-in-cycle", inCycle);
        badges.add(badge);
        badgeWorkers.add(id);
        return place(badge, x, y, w, h);
    }

    private Box place(Region node, double x, double y, double w, double h) {
        node.setMinSize(w, h);
        node.setPrefSize(w, h);
        node.setMaxSize(w, h);
        node.relocate(x - w / 2, y - h / 2);
        canvas.getChildren().add(node);
        return new Box(x, y, w, h);
    }

    private Node holds(Box worker, Box resource, String kind) {
        double[] a = worker.exitToward(resource.x(), resource.y());
        double[] b = resource.exitToward(worker.x(), worker.y());
        return labelled(Arrow.plain("wf-edge", "wf-holds", kind).from(a[0], a[1], b[0], b[1]), "holds", a, b, kind);
    }

    private Node waits(Box worker, Box resource, String kind) {
        double[] a = worker.exitToward(resource.x(), resource.y());
        double[] b = resource.exitToward(worker.x(), worker.y());
        Arrow edge = Arrow.pointing("wf-edge", "wf-waits", kind).from(a[0], a[1], b[0], b[1]);
        return "wf-cycle".equals(kind) ? labelled(edge, "waits for", a, b, kind) : edge;
    }

    /** The edge with its words at its middle. */
    private static Node labelled(Arrow edge, String words, double[] a, double[] b, String kind) {
        Label l = Nodes.label(words, "wf-edge-label", kind);
        // centred on the edge's middle whatever the font makes its width
        l.layoutXProperty().bind(l.widthProperty().divide(-2).add((a[0] + b[0]) / 2));
        l.layoutYProperty().bind(l.heightProperty().divide(-2).add((a[1] + b[1]) / 2));
        return new Group(edge, l);
    }

    private static String display(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }
}
