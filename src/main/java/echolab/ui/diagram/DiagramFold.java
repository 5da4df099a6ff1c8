package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.ui.clients.ClientsFold;
import echolab.ui.controls.ControlsFold;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Restore;
import echolab.ui.fold.Rewindable;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.Lanes;
import echolab.ui.model.WorkerModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the diagram draws of the server: its processes with their threads (workers) and counters,
 * the virtual threads' carriers, the last lost updates, and the event loop's ready set. Each worker
 * has a lane on the timeline.
 *
 * <p>It reads the clients' fold (added to the pump before it, so an assigned worker finds its
 * client) and the controls' fold (the mode, for the workers that drain; the delay, for what a
 * worker waits in).
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class DiagramFold implements Fold, Rewindable<DiagramFold.Snapshot> {

    /** Long enough to see, short enough that a client between two lines is seen not ready. */
    private static final long READY_GLOW = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long MOUNT_GLOW = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long REAPED_SHOWN = TimeUnit.MILLISECONDS.toNanos(2500);
    private static final String SEMAPHORE = echolab.sync.CountingGate.NAME;

    private final ClientsFold clients;
    private final ControlsFold controls;
    private final Lanes timeline;
    private final ObservableList<ProcessModel> processes = FXCollections.observableArrayList();
    private final ObservableList<CarrierModel> carriers = FXCollections.observableArrayList();
    private final ObservableList<LostMark> lostMarks = FXCollections.observableArrayList();
    private final Map<String, WorkerModel> workers = new HashMap<>();
    private final Map<Long, ProcessModel> processesByPid = new HashMap<>();
    private final Map<String, CarrierModel> carriersByName = new HashMap<>();
    private ProcessModel server;
    /** Every server process seen, by PID: a rewind through its start finds it again. */
    private final Map<Long, ProcessModel> servers = new HashMap<>();
    private long lastLoopTurn = Long.MIN_VALUE;
    /** Writes of the shared counter seen: each is one increment (see {@link #lostSeen}). */
    private long writesSeen;

    /** The diagram of the server whose clients and settings those folds follow; its lanes go on {@code timeline}. */
    public DiagramFold(ClientsFold clients, ControlsFold controls, Lanes timeline) {
        this.clients = clients;
        this.controls = controls;
        this.timeline = timeline;
        clients.onRenamed(this::clientRenamed);
    }

    @Override
    public void apply(Event e, long now) {
        if (e instanceof Event.LineReceived x) {
            lineReceived(x);
        } else if (e instanceof Event.LineEchoed x) {
            WorkerModel w = workers.get(x.workerId());
            if (w != null && !"event-loop".equals(w.role())) {
                workerState(x.workerId(), Activity.READING, x.nanos());
            }
        } else if (e instanceof Event.CounterRead x) {
            counterRead(x);
        } else if (e instanceof Event.CounterWritten x) {
            counterWritten(x);
        } else if (e instanceof Event.LostUpdate x) {
            lostUpdate(x);
        } else if (e instanceof Event.LockRequested x) {
            workerState(x.workerId(), Activity.LOCK_WAIT, x.nanos());
        } else if (e instanceof Event.LockAcquired x) {
            workerState(x.workerId(), Activity.COUNTER, x.nanos());
        } else if (e instanceof Event.LockReleased x) {
            workerState(x.workerId(), Activity.ECHOING, x.nanos());
        } else if (e instanceof Event.WorkerAssigned x) {
            assigned(x);
        } else if (e instanceof Event.ClientClosed x) {
            closed(x);
        } else if (e instanceof Event.WorkerStarted x) {
            workerStarted(x);
        } else if (e instanceof Event.WorkerRetired x) {
            workerRetired(x);
        } else if (e instanceof Event.LoopTurn x) {
            loopTurn(x, now);
        } else if (e instanceof Event.VirtualThreadMounted x) {
            mounted(x, now);
        } else if (e instanceof Event.ProcessSpawned x) {
            spawned(x);
        } else if (e instanceof Event.ProcessReady x) {
            ProcessModel p = processesByPid.get(x.pid());
            if (p != null) {
                p.spawnMicrosProperty().set(x.spawnMicros());
            }
            workerState("pid " + x.pid(), Activity.READING, x.nanos());
        } else if (e instanceof Event.ProcessReaped x) {
            reaped(x, now);
        } else if (e instanceof Event.ChildCounterReported x) {
            childCounter(x);
        } else if (e instanceof Event.ServerStarted x) {
            server = serverProcess(x.pid());
            processesByPid.put(x.pid(), server);
            processes.add(0, server);
        } else if (e instanceof Event.ModeChanged) {
            modeChanged(controls.modeProperty().get()); // the controls' fold, before this one, has it
        } else if (e instanceof Event.ResourceWaiting x) {
            workerState(x.workerId(), SEMAPHORE.equals(x.resource()) ? Activity.SEMAPHORE_WAIT : Activity.LOCK_WAIT,
                    x.nanos());
        } else if (e instanceof Event.ResourceHeld x) {
            workerState(x.workerId(), SEMAPHORE.equals(x.resource())
                    ? (delayed() ? Activity.SERVICE_WAIT : Activity.COUNTER) : Activity.HOLDING, x.nanos());
        } else if (e instanceof Event.ResourceReleased x) {
            workerState(x.workerId(), Activity.ECHOING, x.nanos());
        } else if (e instanceof Event.LockBackoff x) {
            workerState(x.workerId(), Activity.BACKOFF, x.nanos());
        } else if (e instanceof Event.DeadlockDetected x) {
            for (Event.WaitFor w : x.cycle()) {
                workerState(w.worker(), Activity.DEADLOCKED, x.nanos());
                timeline.mark(w.worker(), x.nanos(), "deadlock");
            }
        }
    }

    /** Ends a frame: lets glows fade, removes the processes reaped long enough ago. */
    @Override
    public void endFrame(long now) {
        for (ClientModel c : clients.watched()) {
            if (c.readyProperty().get() && now - c.readyUntilNanos() > 0) {
                c.readyProperty().set(false);
            }
        }
        for (CarrierModel carrier : carriers) {
            String mounted = carrier.mountedProperty().get();
            if (!mounted.isEmpty() && now - carrier.mountedAt > MOUNT_GLOW) {
                WorkerModel w = workers.get(mounted);
                if (w != null) {
                    w.carrierProperty().set("");
                }
                carrier.mountedProperty().set("");
            }
        }
        if (lastLoopTurn != Long.MIN_VALUE && now - lastLoopTurn > READY_GLOW) {
            for (WorkerModel w : workers.values()) {
                if ("event-loop".equals(w.role()) && w.state() == Activity.ECHOING) {
                    workerState(w.id(), Activity.IDLE, now);
                }
            }
            lastLoopTurn = Long.MIN_VALUE;
        }
        processes.removeIf(p -> p.reaped() && now - p.reapedAtNanos() > REAPED_SHOWN && forget(p));
    }

    /**
     * The server's process as it starts: the same object each time the same server starts again in
     * a rewind (the diagram's server box is bound to it), as fresh as a new one.
     */
    private ProcessModel serverProcess(long pid) {
        ProcessModel fresh = new ProcessModel(pid, true);
        ProcessModel known = servers.get(pid);
        if (known == null) {
            servers.put(pid, fresh);
            return fresh;
        }
        known.restore(fresh.snapshot(), WorkerModel::of);
        return known;
    }

    private boolean forget(ProcessModel p) {
        processesByPid.remove(p.pid());
        return true;
    }

    private boolean delayed() {
        return controls.delayMillisProperty().get() > 0;
    }

    // Workers

    private void modeChanged(Mode to) {
        for (WorkerModel w : workers.values()) {
            updateDraining(w);
        }
        for (ProcessModel p : processes) {
            if (!p.isServer()) {
                p.drainingProperty().set(to != Mode.PROCESSES);
            }
        }
    }

    private void workerStarted(Event.WorkerStarted e) {
        WorkerModel w = new WorkerModel(e.workerId(), e.role(), e.mode());
        workers.put(w.id(), w);
        boolean acceptor = "acceptor".equals(e.role());
        updateDraining(w);
        if (server != null) {
            server.threads().add(w);
        }
        workerState(w.id(), acceptor ? Activity.ACCEPTING : Activity.IDLE, e.nanos());
    }

    private void workerRetired(Event.WorkerRetired e) {
        WorkerModel w = workers.remove(e.workerId());
        if (w != null && server != null) {
            server.threads().remove(w);
        }
        timeline.end(e.workerId(), e.nanos());
    }

    private void workerState(String id, Activity state, long nanos) {
        WorkerModel w = workers.get(id);
        if (w == null) {
            return;
        }
        w.stateProperty().set(state);
        timeline.set(id, w.displayName(), true, state, nanos);
    }

    /**
     * A worker drains when its model is no longer current: it finishes its clients, then ends. The
     * acceptor belongs to no model, except while it serves a client itself (iterative) after a
     * switch to another mode.
     */
    private void updateDraining(WorkerModel w) {
        Mode mode = controls.modeProperty().get();
        boolean draining = "acceptor".equals(w.role())
                ? mode != Mode.ITERATIVE && !w.clientProperty().get().isEmpty()
                : !w.mode().equals(mode.id());
        w.drainingProperty().set(draining);
    }

    /** What a worker does when it has no client: the acceptor accepts, the others wait for work. */
    private static Activity restingState(WorkerModel w) {
        return "acceptor".equals(w.role()) ? Activity.ACCEPTING : Activity.IDLE;
    }

    private void assigned(Event.WorkerAssigned e) {
        ClientModel c = clients.byId(e.clientId());
        WorkerModel w = workers.get(e.workerId());
        if (c != null && w != null && !"event-loop".equals(w.role())) {
            w.clientProperty().set(c.name());
            updateDraining(w);
            workerState(w.id(), Activity.READING, e.nanos());
        }
    }

    private void closed(Event.ClientClosed e) {
        ClientModel c = clients.byId(e.clientId());
        WorkerModel w = workers.get(e.workerId());
        if (w != null && !"event-loop".equals(w.role()) && c != null && c.name().equals(w.clientProperty().get())) {
            w.clientProperty().set("");
            updateDraining(w);
            workerState(w.id(), restingState(w), e.nanos());
        }
    }

    private void lineReceived(Event.LineReceived e) {
        WorkerModel w = workers.get(e.workerId());
        if (w != null && "event-loop".equals(w.role())) {
            return; // the loop does not wait: the line's delay is a timer
        }
        workerState(e.workerId(), delayed() ? Activity.SERVICE_WAIT : Activity.COUNTER, e.nanos());
    }

    /** A client seen first by the server got its own name: its worker and process show it. */
    private void clientRenamed(String old, String name) {
        for (WorkerModel w : workers.values()) {
            if (old.equals(w.clientProperty().get())) {
                w.clientProperty().set(name);
            }
        }
        for (ProcessModel p : processes) {
            if (old.equals(p.clientProperty().get())) {
                p.clientProperty().set(name);
            }
        }
    }

    // The counter

    private void counterRead(Event.CounterRead e) {
        workerState(e.workerId(), Activity.COUNTER, e.nanos());
        if (server != null) {
            server.touch(ProcessModel.Touch.READ, shortName(e.workerId()), e.value());
        }
    }

    private void counterWritten(Event.CounterWritten e) {
        workerState(e.workerId(), Activity.COUNTER, e.nanos());
        if (server != null) {
            server.counterProperty().set(e.value());
            server.touch(ProcessModel.Touch.WRITE, shortName(e.workerId()), e.value());
        }
        // Summing each overwrite's loss would count some twice: a write that erases two others'
        // is itself erased, and the counter climbs back. Every write is one increment, so the net
        // loss is what the counter lacks of them: the same figure as the server's books.
        writesSeen++;
    }

    private void lostUpdate(Event.LostUpdate e) {
        ClientModel c = clients.byId(e.clientId());
        lostMarks.add(0, new LostMark(shortName(e.workerId()), shortName(e.overwrittenWorker()),
                c == null ? "?" : c.name(), e.written(), e.lost(), e.nanos()));
        if (lostMarks.size() > 5) {
            lostMarks.remove(5, lostMarks.size());
        }
        if (server != null) {
            server.touch(ProcessModel.Touch.LOST, shortName(e.workerId()), e.written());
        }
        timeline.mark(e.workerId(), e.nanos(), "lost " + e.lost());
    }

    // The event loop and virtual threads

    private void loopTurn(Event.LoopTurn e, long now) {
        for (long id : e.ready()) {
            ClientModel c = clients.byId(id);
            if (c != null) {
                c.readyProperty().set(true);
                c.readyUntil(now + READY_GLOW);
            }
        }
        lastLoopTurn = now;
        workerState(e.workerId(), Activity.ECHOING, e.nanos());
    }

    private void mounted(Event.VirtualThreadMounted e, long now) {
        CarrierModel carrier = carriersByName.computeIfAbsent(e.carrier(), name -> {
            CarrierModel m = new CarrierModel(name);
            carriers.add(m);
            carriers.sort((a, b) -> a.name().compareTo(b.name()));
            return m;
        });
        String previous = carrier.mountedProperty().get();
        if (!previous.isEmpty() && !previous.equals(e.workerId())) {
            WorkerModel before = workers.get(previous);
            if (before != null) {
                before.carrierProperty().set("");
            }
        }
        carrier.mountedProperty().set(e.workerId());
        carrier.mountedAt = now;
        WorkerModel w = workers.get(e.workerId());
        if (w != null) {
            w.carrierProperty().set(e.carrier());
        }
    }

    // Child processes

    private void spawned(Event.ProcessSpawned e) {
        ProcessModel p = new ProcessModel(e.pid(), false);
        ClientModel c = clients.byId(e.clientId());
        p.clientProperty().set(c == null ? "" : c.name());
        p.drainingProperty().set(controls.modeProperty().get() != Mode.PROCESSES);
        processesByPid.put(e.pid(), p);
        processes.add(p);
        String id = "pid " + e.pid();
        WorkerModel w = new WorkerModel(id, "process", Mode.PROCESSES.id());
        w.clientProperty().set(p.clientProperty().get());
        workers.put(id, w);
        p.threads().add(w);
        workerState(id, Activity.STARTING, e.nanos());
    }

    private void reaped(Event.ProcessReaped e, long now) {
        ProcessModel p = processesByPid.get(e.pid());
        if (p != null) {
            p.exitCodeProperty().set(e.exitCode());
            p.reapedAt(now);
        }
        String id = "pid " + e.pid();
        workers.remove(id);
        timeline.end(id, e.nanos());
    }

    private void childCounter(Event.ChildCounterReported e) {
        ProcessModel p = processesByPid.get(e.pid());
        if (p != null) {
            p.counterProperty().set(e.counter());
            p.touch(ProcessModel.Touch.WRITE, "pid " + e.pid(), e.counter());
        }
        workerState("pid " + e.pid(), Activity.COUNTER, e.nanos());
    }

    private static String shortName(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }

    // What the views bind to

    /**
     * Updates lost so far, net: the increments seen (one per write) that the counter lacks,
     * derived when asked rather than kept per event on the drain.
     */
    public long lostSeen() {
        return server == null ? 0 : writesSeen - server.counterProperty().get();
    }

    public ObservableList<ProcessModel> processes() {
        return processes;
    }

    /** The server's own process, or null before it started. */
    public ProcessModel serverProcess() {
        return server;
    }

    public ObservableList<CarrierModel> carriers() {
        return carriers;
    }

    public ObservableList<LostMark> lostMarks() {
        return lostMarks;
    }

    /** A worker by thread name, or null. */
    public WorkerModel worker(String id) {
        return workers.get(id);
    }

    // Checkpoints

    /**
     * The diagram's state as a value: its processes in order (each with its threads), the workers
     * by name (a reaped child's worker has left them but stays in its fading box), the carriers, the
     * last lost updates, the server's PID (or -1) and what the loop's glow and the lost count need.
     */
    public record Snapshot(List<ProcessModel.Snapshot> processes, long serverPid,
                           SortedMap<String, WorkerModel.Snapshot> workers, List<CarrierModel.Snapshot> carriers,
                           List<LostMark> lostMarks, long lastLoopTurn, long writesSeen) {
        public Snapshot {
            processes = List.copyOf(processes);
            workers = Collections.unmodifiableSortedMap(new TreeMap<>(workers));
            carriers = List.copyOf(carriers);
            lostMarks = List.copyOf(lostMarks);
        }
    }

    @Override
    public Snapshot snapshot() {
        SortedMap<String, WorkerModel.Snapshot> byName = new TreeMap<>();
        workers.forEach((id, w) -> byName.put(id, w.snapshot()));
        return new Snapshot(processes.stream().map(ProcessModel::snapshot).toList(), server == null ? -1 : server.pid(),
                byName, carriers.stream().map(CarrierModel::snapshot).toList(), lostMarks, lastLoopTurn, writesSeen);
    }

    /**
     * Puts the diagram back as it was, in place: a process, worker or carrier that is still here is
     * the same object afterwards (the views bound to it, the server's box first, stay bound), one
     * that had gone is made again, one that came since leaves.
     */
    @Override
    public void restore(Snapshot s) {
        Map<String, WorkerModel> known = new HashMap<>(workers);
        for (ProcessModel p : processes) {
            for (WorkerModel w : p.threads()) {
                known.putIfAbsent(w.id(), w);
            }
        }
        Map<String, WorkerModel> restored = new HashMap<>();
        Function<WorkerModel.Snapshot, WorkerModel> worker = ws -> restored.computeIfAbsent(ws.id(), id -> {
            WorkerModel w = known.get(id);
            if (w != null && w.is(ws)) {
                w.restore(ws);
                return w;
            }
            return WorkerModel.of(ws);
        });
        workers.clear();
        s.workers().forEach((id, ws) -> workers.put(id, worker.apply(ws)));
        Map<Long, ProcessModel> knownProcesses = new HashMap<>(servers);
        knownProcesses.putAll(processesByPid);
        List<ProcessModel> list = new ArrayList<>();
        for (ProcessModel.Snapshot ps : s.processes()) {
            ProcessModel p = knownProcesses.get(ps.pid());
            if (p != null && p.is(ps)) {
                p.restore(ps, worker);
            } else {
                p = ProcessModel.of(ps, worker);
            }
            list.add(p);
        }
        processesByPid.clear();
        list.forEach(p -> processesByPid.put(p.pid(), p));
        server = s.serverPid() < 0 ? null : processesByPid.get(s.serverPid());
        Restore.setAll(processes, list);
        List<CarrierModel> carrierList = new ArrayList<>();
        for (CarrierModel.Snapshot cs : s.carriers()) {
            CarrierModel c = carriersByName.get(cs.name());
            if (c == null) {
                c = new CarrierModel(cs.name());
            }
            c.restore(cs);
            carrierList.add(c);
        }
        carriersByName.clear();
        carrierList.forEach(c -> carriersByName.put(c.name(), c));
        Restore.setAll(carriers, carrierList);
        Restore.setAll(lostMarks, s.lostMarks());
        lastLoopTurn = s.lastLoopTurn();
        writesSeen = s.writesSeen();
    }
}
