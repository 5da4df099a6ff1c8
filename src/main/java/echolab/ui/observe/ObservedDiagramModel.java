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
 * diagram keeps its boxes and lanes; a zombie keeps its lanes, drawn ended, as the lab's reaped
 * child does. {@link #sync} brings them in step with the tree; it costs nothing when the tree has
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
        if (!p.ended()) { // an ended process keeps the lanes it had, drawn ended
            threads(d, p, serves);
        }
        m.clientProperty().set(serves.toString());
    }

    private static void threads(Drawn d, ObservedProcess p, StringJoiner serves) {
        List<WorkerModel> order = new ArrayList<>();
        Set<Long> alive = new HashSet<>();
        for (ObservedThread t : p.threads()) {
            alive.add(t.tid());
            WorkerModel w = d.threads().computeIfAbsent(t.tid(), tid -> WorkerModel.observed(t.workerId(),
                    tid == p.pid() ? (p.root() ? "acceptor" : "process") : "thread"));
            Activity state = WaitStates.activity(t.waitsIn());
            w.stateProperty().set(state);
            w.doingProperty().set(WaitStates.words(t.waitsIn(), t.argument()));
            StringJoiner names = new StringJoiner(", ");
            t.clients().forEach(c -> {
                names.add(c.name());
                serves.add(c.name());
            });
            w.clientProperty().set(names.toString());
            order.add(w);
        }
        d.threads().keySet().retainAll(alive);
        ObservableList<WorkerModel> lanes = d.model().threads();
        if (!lanes.equals(order)) {
            lanes.setAll(order);
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
