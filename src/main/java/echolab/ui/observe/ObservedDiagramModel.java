package echolab.ui.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import echolab.observe.SignalNames;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.WorkerModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The observed tree as the process diagram's own models, so that the lab's diagram parts draw a
 * student's server exactly as they draw EchoLab's: a {@link ProcessModel} per process (the program
 * as the server, the processes it forked as children, zombies marked), a {@link WorkerModel} per
 * thread in the colour of what it waits in ({@link WaitStates}, the timeline's colours), the
 * clients each thread and child holds named in its lane and box, and a {@link ClientModel} chip per
 * connection the program holds with no thread in a call on it.
 *
 * <p>Models are kept per PID, TID and client port and only their properties change, so the
 * diagram keeps its boxes and lanes; a zombie keeps the lanes it had when it ended, drawn ended, as
 * the lab's reaped child does. What is drawn is a function of the tree alone (not of when it was
 * synced), so a tree put back by the time machine is drawn as it was, on the same models where
 * they are still there. {@link #sync} brings them in step with the tree; it costs nothing when the tree has
 * not moved.
 *
 * <p>Threading: one thread (the FX thread in the window); it needs no running toolkit.
 */
public final class ObservedDiagramModel {

    /** A process's model with the words it was made with: other words make a new model. */
    private record Drawn(ProcessModel model, Map<Long, WorkerModel> threads) {}

    private final ObservableList<ProcessModel> processes = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> held = FXCollections.observableArrayList();
    private final Map<Long, Drawn> byPid = new HashMap<>();
    private final Map<Integer, ClientModel> clientByPort = new HashMap<>();
    private long synced = -1;

    /** Brings the models in step with {@code tree}; returns whether anything was to do. */
    public boolean sync(ObservedTreeModel tree) {
        if (tree.revision() == synced) {
            return false;
        }
        synced = tree.revision();
        List<ProcessModel> order = new ArrayList<>();
        Map<Long, Drawn> kept = new LinkedHashMap<>();
        for (ObservedProcess p : tree.processes()) {
            Drawn d = byPid.get(p.pid());
            String kind = kind(tree, p);
            if (d == null || d.model().isServer() != p.root() || !d.model().kind().equals(kind)) {
                d = new Drawn(ProcessModel.observed(p.pid(), p.root(), kind), new LinkedHashMap<>());
            }
            update(d, p);
            kept.put(p.pid(), d);
            order.add(d.model());
        }
        byPid.clear();
        byPid.putAll(kept);
        if (!processes.equals(order)) {
            processes.setAll(order);
        }
        ObservedProcess root = tree.process(tree.serverPid());
        heldChips(root == null ? List.of() : root.clients());
        return true;
    }

    /** The program's header names its command; a child's says whose child it is. */
    private static String kind(ObservedTreeModel tree, ObservedProcess p) {
        if (p.root()) {
            return p.command().isEmpty() ? tree.command() : p.command();
        }
        return p.ppid() > 0 ? "child of " + p.ppid() : "forked";
    }

    private static void update(Drawn d, ObservedProcess p) {
        ProcessModel m = d.model();
        StringJoiner serves = new StringJoiner(", ");
        p.clients().forEach(c -> serves.add(c.name()));
        m.descriptorsProperty().set(p.descriptors());
        m.firstDescriptorsProperty().set(p.firstDescriptors());
        m.crashProperty().set(p.crash());
        m.crashMeaningProperty().set(p.crash().isEmpty() ? "" : SignalNames.meaning(p.crashSignal()));
        m.zombieProperty().set(p.zombie());
        if (p.ended()) { // an ended process keeps the lanes it had when it ended, drawn ended
            lanes(d, p, p.endedLanes(), null);
        } else {
            lanes(d, p, ObservedProcess.lanes(p), serves);
        }
        m.clientProperty().set(serves.toString());
    }

    /** Draws {@code lanes} in {@code d}'s process; the clients they hold join {@code serves} unless null. */
    private static void lanes(Drawn d, ObservedProcess p, List<ObservedProcess.Lane> lanes, StringJoiner serves) {
        List<WorkerModel> order = new ArrayList<>();
        Set<Long> alive = new HashSet<>();
        for (ObservedProcess.Lane t : lanes) {
            alive.add(t.tid());
            String role = t.tid() == p.pid() ? (p.root() ? "acceptor" : "process") : "thread";
            WorkerModel w = d.threads().get(t.tid());
            if (w == null || !w.id().equals(t.workerId()) || !w.role().equals(role)) { // a TID the kernel gave again
                w = WorkerModel.observed(t.workerId(), role);
                d.threads().put(t.tid(), w);
            }
            Activity state = WaitStates.activity(t.waitsIn());
            w.stateProperty().set(state);
            w.doingProperty().set(WaitStates.words(t.waitsIn(), t.argument()));
            StringJoiner names = new StringJoiner(", ");
            t.clients().forEach(name -> {
                names.add(name);
                if (serves != null) {
                    serves.add(name);
                }
            });
            w.clientProperty().set(names.toString());
            order.add(w);
        }
        d.threads().keySet().retainAll(alive);
        ObservableList<WorkerModel> lanesShown = d.model().threads();
        if (!lanesShown.equals(order)) {
            lanesShown.setAll(order);
        }
    }

    private void heldChips(List<HeldClient> clients) {
        List<ClientModel> order = new ArrayList<>(clients.size());
        Map<Integer, ClientModel> kept = new HashMap<>();
        for (HeldClient c : clients) {
            ClientModel m = clientByPort.get(c.port());
            if (m == null) {
                m = ClientModel.observed(c.port(), c.name());
            }
            m.observedName(c.name());
            m.stateProperty().set(switch (c.stage()) {
                case CONNECTING -> Activity.CONNECTING;
                case TALKING -> Activity.SERVED;
                case FINISHED -> Activity.CLOSED;
            });
            kept.put(c.port(), m);
            order.add(m);
        }
        clientByPort.clear();
        clientByPort.putAll(kept);
        if (!held.equals(order)) {
            held.setAll(order);
        }
    }

    /** The program first, then every process it forked, as the diagram draws them. */
    public ObservableList<ProcessModel> processes() {
        return processes;
    }

    /** The connections the program holds with no thread in a call on them. */
    public ObservableList<ClientModel> held() {
        return held;
    }

    /** The model of process {@code pid}, or null. */
    public ProcessModel process(long pid) {
        Drawn d = byPid.get(pid);
        return d == null ? null : d.model();
    }
}
