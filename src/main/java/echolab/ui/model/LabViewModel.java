package echolab.ui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.FrameBudget;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the window draws, folded from the event stream: processes with their threads and
 * counters, clients and their states, the queues, the event loop's ready set, the lost updates,
 * the timeline and the log. It knows no control; views bind to its properties and lists.
 *
 * <p>Threading: FX thread only. {@link #apply} takes one event, {@link #endFrame} closes a frame;
 * the event pump calls both once per frame for a batch, never once per event on its own.
 */
public final class LabViewModel implements echolab.ui.fold.Fold {

    /** A lost update as drawn in the data region: who overwrote whom, for which client. */
    public record LostMark(String writer, String overwritten, String client, long written, long lost, long nanos) {}

    /** A carrier thread of the virtual-thread scheduler and the virtual thread mounted on it. */
    public static final class CarrierModel {
        private final String name;
        private final StringProperty mounted = new SimpleStringProperty("");
        long mountedAt;

        CarrierModel(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public StringProperty mountedProperty() {
            return mounted;
        }
    }

    /** Long enough to see, short enough that a client between two lines is seen not ready. */
    private static final long READY_GLOW = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long MOUNT_GLOW = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long REAPED_SHOWN = TimeUnit.MILLISECONDS.toNanos(2500);
    private static final long CLOSED_SHOWN = TimeUnit.SECONDS.toNanos(8);
    private static final int MAX_CLIENT_ROWS = 150;
    private static final long TIMELINE_KEEP = TimeUnit.SECONDS.toNanos(120);
    private static final long LIVELOCK_SHOWN = TimeUnit.SECONDS.toNanos(2);
    private static final String SEMAPHORE = echolab.sync.CountingGate.NAME;

    // Properties
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.POOL);
    private final ObjectProperty<Protection> protection = new SimpleObjectProperty<>(Protection.NONE);
    private final LongProperty delayMillis = new SimpleLongProperty();
    private final LongProperty raceWindowMicros = new SimpleLongProperty();
    private final IntegerProperty poolSize = new SimpleIntegerProperty();
    private final BooleanProperty blockingLoop = new SimpleBooleanProperty();
    private final StringProperty address = new SimpleStringProperty("");
    /** Writes of the shared counter seen: each is one increment (see {@link #lostSeen}). */
    private long writesSeen;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    // Collections the views bind to
    private final ObservableList<ProcessModel> processes = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> clients = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> backlog = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> poolQueue = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> watched = FXCollections.observableArrayList();
    private final ObservableList<CarrierModel> carriers = FXCollections.observableArrayList();
    private final ObservableList<LostMark> lostMarks = FXCollections.observableArrayList();

    private final TimelineModel timeline = new TimelineModel(60_000);
    private final ObservedLanes observedLanes = new ObservedLanes(timeline);
    private final ScenarioModel scenario = new ScenarioModel();
    private final LogModel log = new LogModel();

    // Indexes
    private final Map<Integer, ClientModel> clientsByPort = new HashMap<>();
    private final Map<Long, ClientModel> clientsById = new HashMap<>();
    private final ClientNames clientNames = new ClientNames();
    private final Map<String, WorkerModel> workers = new HashMap<>();
    private final Map<Long, ProcessModel> processesByPid = new HashMap<>();
    private final Map<String, CarrierModel> carriersByName = new HashMap<>();
    private ProcessModel server;
    private long lastLoopTurn = Long.MIN_VALUE;
    private final List<ClientModel> countsChanged = new ArrayList<>();
    // Counts and log rows change with every line; shown ten times a second of play time (so not
    // while paused), on different frames.
    private final Cadence countsCadence = new Cadence(10, 0.33);
    private final Cadence logCadence = new Cadence(6, 0.66);

    /** Starts from the server's settings as they are, before any event arrives. */
    public LabViewModel(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                        boolean blockingLoop) {
        this.mode.set(mode);
        this.protection.set(protection);
        this.delayMillis.set(delayMillis);
        this.raceWindowMicros.set(raceWindowMicros);
        this.poolSize.set(poolSize);
        this.blockingLoop.set(blockingLoop);
    }

    // Folding

    /** Folds one event into the state; {@code now} is the play time it is shown at. */
    @Override
    public void apply(Event e, long now) {
        log.add(e, clientOf(e), null);
        if (e instanceof Event.LineReceived x) {
            lineReceived(x);
        } else if (e instanceof Event.LineEchoed x) {
            lineEchoed(x);
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
        } else if (e instanceof Event.ClientConnecting x) {
            connecting(x);
        } else if (e instanceof Event.ClientConnectReturned x) {
            connectReturned(x, now);
        } else if (e instanceof Event.ClientWriteReturned x) {
            writeReturned(x, now);
        } else if (e instanceof Event.ClientWaitingForEcho x) {
            waitingForEcho(x);
        } else if (e instanceof Event.ClientEchoReceived x) {
            echoReceived(x, now);
        } else if (e instanceof Event.ClientFinished x) {
            clientFinished(x, now);
        } else if (e instanceof Event.ClientAccepted x) {
            accepted(x);
        } else if (e instanceof Event.Queued x) {
            queued(x);
        } else if (e instanceof Event.WorkerAssigned x) {
            assigned(x);
        } else if (e instanceof Event.ClientClosed x) {
            closed(x, now);
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
            ready(x);
        } else if (e instanceof Event.ProcessReaped x) {
            reaped(x, now);
        } else if (e instanceof Event.ChildCounterReported x) {
            childCounter(x);
        } else if (e instanceof Event.ServerStarted x) {
            serverStarted(x);
        } else if (e instanceof Event.ModeChanged x) {
            modeChanged(Mode.parse(x.to()));
        } else if (e instanceof Event.ProtectionChanged x) {
            protection.set(Protection.parse(x.to()));
        } else if (e instanceof Event.SettingChanged x) {
            setting(x);
        } else if (e instanceof Event.ResourceWaiting x) {
            workerState(x.workerId(), SEMAPHORE.equals(x.resource()) ? Activity.SEMAPHORE_WAIT : Activity.LOCK_WAIT,
                    x.nanos());
        } else if (e instanceof Event.ResourceHeld x) {
            workerState(x.workerId(), SEMAPHORE.equals(x.resource())
                    ? (delayMillis.get() > 0 ? Activity.SERVICE_WAIT : Activity.COUNTER) : Activity.HOLDING, x.nanos());
        } else if (e instanceof Event.ResourceReleased x) {
            workerState(x.workerId(), Activity.ECHOING, x.nanos());
        } else if (e instanceof Event.LockBackoff x) {
            workerState(x.workerId(), Activity.BACKOFF, x.nanos());
        } else if (e instanceof Event.DeadlockDetected x) {
            scenario.deadlock(x);
            for (Event.WaitFor w : x.cycle()) {
                workerState(w.worker(), Activity.DEADLOCKED, x.nanos());
                timeline.mark(w.worker(), x.nanos(), "deadlock");
            }
        } else if (e instanceof Event.DeadlockReset x) {
            scenario.reset();
        } else if (e instanceof Event.LivelockSuspected x) {
            scenario.livelockProperty().set(true);
            scenario.livelockUntil = now + LIVELOCK_SHOWN;
        } else if (e instanceof Event.ScenarioChanged x) {
            scenario.changed(x);
        } else if (e instanceof Event.HandoffOrphaned x) {
            ClientModel c = clientsById.get(x.clientId());
            if (c != null) {
                clientState(c, Activity.ORPHANED,
                        "orphaned: the next accept overwrote the shared slot before a worker took it", x.nanos());
            }
        } else if (e instanceof Event.HandoffDoubleServed x) {
            ClientModel c = clientsById.get(x.clientId());
            if (c != null) {
                c.detailProperty().set("served twice: by " + shortName(x.otherWorker()) + " and " + shortName(x.workerId()));
            }
        } else if (e instanceof Event.LimitHit x) {
            ClientModel c = clientsById.get(x.clientId());
            if (c != null) {
                c.detailProperty().set(x.message());
            }
        } else if (e instanceof Event.ObservedConnectionHeld x) {
            observedHeld(x);
        } else {
            observedLanes.apply(e);
        }
    }

    /** A student's server took the client: it is served, by the process (and thread) the OS shows holding it. */
    private void observedHeld(Event.ObservedConnectionHeld e) {
        ClientModel c = clientsByPort.get(e.clientPort());
        if (c == null || c.state() == Activity.CLOSED) {
            return;
        }
        backlog.remove(c);
        String by = e.workerId().isEmpty() ? "PID " + e.pid() : e.workerId() + ", PID " + e.pid();
        c.workerProperty().set(by);
        clientState(c, Activity.SERVED, "held by " + by, e.nanos());
    }

    /** The client counts and the log redraw within the window's frame budget (see {@link Cadence#followsBudget}). */
    public void followBudget(FrameBudget budget) {
        countsCadence.followsBudget(budget);
        logCadence.followsBudget(budget);
    }

    /** Ends a frame: lets glows fade, removes what has been gone long enough, bumps the revision. */
    @Override
    public void endFrame(long now) {
        if (countsCadence.due(now)) {
            for (ClientModel c : countsChanged) {
                c.sync();
            }
            countsChanged.clear();
        }
        for (ClientModel c : watched) {
            if (c.readyProperty().get() && now - c.readyUntilNanos > 0) {
                c.readyProperty().set(false);
            }
        }
        for (CarrierModel carrier : carriers) {
            if (!carrier.mounted.get().isEmpty() && now - carrier.mountedAt > MOUNT_GLOW) {
                WorkerModel w = workers.get(carrier.mounted.get());
                if (w != null) {
                    w.carrierProperty().set("");
                }
                carrier.mounted.set("");
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
        processes.removeIf(p -> p.reaped() && now - p.reapedAtNanos > REAPED_SHOWN && removeProcess(p));
        removeOldClients(now);
        timeline.prune(now - TIMELINE_KEEP);
        if (scenario.livelockProperty().get() && now - scenario.livelockUntil > 0) {
            scenario.livelockProperty().set(false);
        }
        if (logCadence.due(now)) {
            log.flush();
        }
        timeline.settle(now);
        revision.set(revision.get() + 1);
    }

    private boolean removeProcess(ProcessModel p) {
        processesByPid.remove(p.pid());
        return true;
    }

    private void removeOldClients(long now) {
        int closed = 0;
        for (ClientModel c : clients) {
            if (c.state() == Activity.CLOSED) {
                closed++;
            }
        }
        int tooMany = clients.size() - MAX_CLIENT_ROWS;
        Iterator<ClientModel> it = clients.iterator();
        List<ClientModel> gone = new ArrayList<>();
        while (it.hasNext() && closed > 0) {
            ClientModel c = it.next();
            if (c.state() == Activity.CLOSED && (now - c.closedAtNanos > CLOSED_SHOWN || tooMany > 0)) {
                gone.add(c);
                tooMany--;
                closed--;
            }
        }
        if (!gone.isEmpty()) {
            clients.removeAll(gone);
            for (ClientModel c : gone) {
                clientsByPort.remove(c.port(), c);
                if (c.serverId >= 0) {
                    clientsById.remove(c.serverId, c);
                }
            }
        }
    }

    // Server and settings

    private void serverStarted(Event.ServerStarted e) {
        address.set(e.host() + ":" + e.port());
        mode.set(Mode.parse(e.mode()));
        server = new ProcessModel(e.pid(), true);
        processesByPid.put(e.pid(), server);
        processes.add(0, server);
    }

    private void modeChanged(Mode to) {
        mode.set(to);
        for (WorkerModel w : workers.values()) {
            updateDraining(w);
        }
        for (ProcessModel p : processes) {
            if (!p.isServer()) {
                p.drainingProperty().set(to != Mode.PROCESSES);
            }
        }
    }

    private void setting(Event.SettingChanged e) {
        switch (e.name()) {
            case "delayMs" -> delayMillis.set(e.value());
            case "raceWindowUs" -> raceWindowMicros.set(e.value());
            case "poolSize" -> poolSize.set((int) e.value());
            case "blockingLoop" -> blockingLoop.set(e.value() != 0);
            default -> scenario.setting(e.name(), e.value());
        }
    }

    // Workers

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
        boolean draining = "acceptor".equals(w.role())
                ? mode.get() != Mode.ITERATIVE && !w.clientProperty().get().isEmpty()
                : !w.mode().equals(mode.get().id());
        w.drainingProperty().set(draining);
    }

    /** What a worker does when it has no client: the acceptor accepts, the others wait for work. */
    private Activity restingState(WorkerModel w) {
        return "acceptor".equals(w.role()) ? Activity.ACCEPTING : Activity.IDLE;
    }

    // Clients, from the server's side

    private void accepted(Event.ClientAccepted e) {
        ClientModel c = clientsByPort.get(e.remotePort());
        if (c == null || c.state() == Activity.CLOSED) {
            // nc and the students' machines: only the server's side is seen
            c = newClient(e.remotePort(), clientNames.accepted(e.clientId(), e.remote()));
        }
        c.serverId = e.clientId();
        clientsById.put(e.clientId(), c);
        c.modeProperty().set(e.mode());
        backlog.remove(c);
        clientState(c, Activity.QUEUED, "accepted, waiting for a worker", e.nanos());
    }

    private void queued(Event.Queued e) {
        ClientModel c = clientsById.get(e.clientId());
        if (c != null && !poolQueue.contains(c)) {
            poolQueue.add(c);
            clientState(c, Activity.QUEUED, "in the pool's queue: every worker is busy", e.nanos());
        }
    }

    private void assigned(Event.WorkerAssigned e) {
        ClientModel c = clientsById.get(e.clientId());
        if (c == null) {
            return;
        }
        poolQueue.remove(c);
        c.workerProperty().set(shortName(e.workerId()));
        WorkerModel w = workers.get(e.workerId());
        if ("events".equals(e.mode())) {
            watched.add(c);
            clientState(c, Activity.SERVED, "watched by the event loop", e.nanos());
        } else if ("processes".equals(e.mode())) {
            clientState(c, Activity.QUEUED, "its child process is starting", e.nanos());
        } else {
            clientState(c, Activity.SERVED, "served by " + shortName(e.workerId()), e.nanos());
        }
        if (w != null && !"event-loop".equals(w.role())) {
            w.clientProperty().set(c.name());
            updateDraining(w);
            workerState(w.id(), Activity.READING, e.nanos());
        }
    }

    private void closed(Event.ClientClosed e, long now) {
        clientNames.closed(e.clientId());
        ClientModel c = clientsById.get(e.clientId());
        if (c != null) {
            close(c, e.reason(), e.nanos(), now);
        }
        WorkerModel w = workers.get(e.workerId());
        if (w != null && !"event-loop".equals(w.role()) && c != null && c.name().equals(w.clientProperty().get())) {
            w.clientProperty().set("");
            updateDraining(w);
            workerState(w.id(), restingState(w), e.nanos());
        }
    }

    private void close(ClientModel c, String reason, long nanos, long now) {
        if (c.state() != Activity.CLOSED) {
            c.closedAtNanos = now;
            clientState(c, Activity.CLOSED, reason, nanos);
            timeline.end(clientKey(c), nanos);
        }
        backlog.remove(c);
        poolQueue.remove(c);
        watched.remove(c);
    }

    private void lineReceived(Event.LineReceived e) {
        WorkerModel w = workers.get(e.workerId());
        if (w != null && "event-loop".equals(w.role())) {
            return; // the loop does not wait: the line's delay is a timer
        }
        workerState(e.workerId(), delayMillis.get() > 0 ? Activity.SERVICE_WAIT : Activity.COUNTER, e.nanos());
    }

    private void lineEchoed(Event.LineEchoed e) {
        WorkerModel w = workers.get(e.workerId());
        if (w != null && !"event-loop".equals(w.role())) {
            workerState(e.workerId(), Activity.READING, e.nanos());
        }
        ClientModel c = clientsById.get(e.clientId());
        if (c != null && !c.simulatedProperty().get()) { // a real client: the server's side is all we see
            c.echoedCount++;
            c.sentCount = c.echoedCount;
            c.latencyMicros = e.latencyNanos() / 1000;
            c.lastEchoNanos = e.nanos();
            changed(c);
        }
    }

    // Clients, from their own side

    private void connecting(Event.ClientConnecting e) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c == null || c.state() == Activity.CLOSED) {
            c = newClient(e.localPort(), e.client());
        }
        c.simulatedProperty().set(true);
        if (c.serverId < 0) {
            clientState(c, Activity.CONNECTING, "calling connect()", e.nanos());
        }
    }

    private void connectReturned(Event.ClientConnectReturned e, long now) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c == null || c.state() == Activity.CLOSED) {
            c = newClient(e.localPort(), e.client());
        } else if (!c.name().equals(e.client())) {
            renameClient(c, e.client()); // the server saw it before it was heard from
        }
        c.simulatedProperty().set(true);
        if (c.serverId < 0) { // the kernel completed the handshake; the server has not accepted yet
            backlog.add(c);
            clientState(c, Activity.BACKLOG, "connect returned: the kernel completed the handshake", e.nanos());
        }
    }

    private void writeReturned(Event.ClientWriteReturned e, long now) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c == null) {
            return;
        }
        c.sentCount += e.lines();
        c.lastSentNanos = e.nanos();
        changed(c);
        if (c.state() == Activity.BACKLOG) {
            c.wroteInBacklog = true;
            c.detailProperty().set("connect returned · write returned (the kernel buffered it)");
        }
    }

    private void waitingForEcho(Event.ClientWaitingForEcho e) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c != null) {
            c.waitingForEcho = true;
            if (c.state() == Activity.BACKLOG) {
                c.detailProperty().set("connect returned · write buffered · read blocked");
            }
        }
    }

    private void echoReceived(Event.ClientEchoReceived e, long now) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c == null) {
            return;
        }
        c.waitingForEcho = false;
        c.echoedCount++;
        c.latencyMicros = e.roundTripNanos() / 1000;
        c.lastEchoNanos = e.nanos();
        changed(c);
    }

    private void clientFinished(Event.ClientFinished e, long now) {
        ClientModel c = clientsByPort.get(e.localPort());
        if (c != null) {
            close(c, e.outcome(), e.nanos(), now);
        }
    }

    /** Gives a client its own name everywhere its first, server-side name was shown. */
    private void renameClient(ClientModel c, String name) {
        String old = c.name();
        c.rename(name);
        timeline.rename(clientKey(c), name);
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

    /** The client's counts changed: show them at the end of the frame, once. */
    private void changed(ClientModel c) {
        if (!c.countsChanged) {
            c.countsChanged = true;
            countsChanged.add(c);
        }
    }

    private ClientModel newClient(int port, String name) {
        ClientModel c = new ClientModel(port, name);
        clientsByPort.put(port, c);
        clients.add(c);
        return c;
    }

    private void clientState(ClientModel c, Activity state, String detail, long nanos) {
        c.stateProperty().set(state);
        c.detailProperty().set(detail);
        if (state != Activity.CLOSED) {
            timeline.set(clientKey(c), c.name(), false, state, nanos);
        }
    }

    private static String clientKey(ClientModel c) {
        return "client:" + c.port();
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
        ClientModel c = clientsById.get(e.clientId());
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
            ClientModel c = clientsById.get(id);
            if (c != null) {
                c.readyProperty().set(true);
                c.readyUntilNanos = now + READY_GLOW;
            }
        }
        lastLoopTurn = now;
        workerState(e.workerId(), Activity.ECHOING, e.nanos());
    }

    private void mounted(Event.VirtualThreadMounted e, long now) {
        CarrierModel carrier = carriersByName.computeIfAbsent(e.carrier(), name -> {
            CarrierModel m = new CarrierModel(name);
            carriers.add(m);
            carriers.sort((a, b) -> a.name.compareTo(b.name));
            return m;
        });
        String previous = carrier.mounted.get();
        if (!previous.isEmpty() && !previous.equals(e.workerId())) {
            WorkerModel before = workers.get(previous);
            if (before != null) {
                before.carrierProperty().set("");
            }
        }
        carrier.mounted.set(e.workerId());
        carrier.mountedAt = now;
        WorkerModel w = workers.get(e.workerId());
        if (w != null) {
            w.carrierProperty().set(e.carrier());
            w.mountedAtNanos = now;
        }
    }

    // Child processes

    private void spawned(Event.ProcessSpawned e) {
        ProcessModel p = new ProcessModel(e.pid(), false);
        ClientModel c = clientsById.get(e.clientId());
        p.clientProperty().set(c == null ? "" : c.name());
        p.drainingProperty().set(mode.get() != Mode.PROCESSES);
        processesByPid.put(e.pid(), p);
        processes.add(p);
        String id = "pid " + e.pid();
        WorkerModel w = new WorkerModel(id, "process", Mode.PROCESSES.id());
        w.clientProperty().set(p.clientProperty().get());
        workers.put(id, w);
        p.threads().add(w);
        workerState(id, Activity.STARTING, e.nanos());
    }

    private void ready(Event.ProcessReady e) {
        ProcessModel p = processesByPid.get(e.pid());
        if (p != null) {
            p.spawnMicrosProperty().set(e.spawnMicros());
        }
        workerState("pid " + e.pid(), Activity.READING, e.nanos());
        ClientModel c = clientsById.get(e.clientId());
        if (c != null && c.state() != Activity.CLOSED) {
            clientState(c, Activity.SERVED, "served by its own process, PID " + e.pid(), e.nanos());
        }
    }

    private void reaped(Event.ProcessReaped e, long now) {
        ProcessModel p = processesByPid.get(e.pid());
        if (p != null) {
            p.exitCodeProperty().set(e.exitCode());
            p.reapedAtNanos = now;
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

    // Names

    private static String shortName(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }

    /** The client an event concerns, or null. */
    private ClientModel clientOf(Event e) {
        long id = -1;
        int port = -1;
        if (e instanceof Event.ClientAccepted x) {
            port = x.remotePort();
        } else if (e instanceof Event.Queued x) {
            id = x.clientId();
        } else if (e instanceof Event.WorkerAssigned x) {
            id = x.clientId();
        } else if (e instanceof Event.ClientClosed x) {
            id = x.clientId();
        } else if (e instanceof Event.LineReceived x) {
            id = x.clientId();
        } else if (e instanceof Event.LineEchoed x) {
            id = x.clientId();
        } else if (e instanceof Event.CounterRead x) {
            id = x.clientId();
        } else if (e instanceof Event.CounterWritten x) {
            id = x.clientId();
        } else if (e instanceof Event.LostUpdate x) {
            id = x.clientId();
        } else if (e instanceof Event.ProcessSpawned x) {
            id = x.clientId();
        } else if (e instanceof Event.ProcessReady x) {
            id = x.clientId();
        } else if (e instanceof Event.ProcessReaped x) {
            id = x.clientId();
        } else if (e instanceof Event.ChildCounterReported x) {
            id = x.clientId();
        } else if (e instanceof Event.LimitHit x) {
            id = x.clientId();
        } else if (e instanceof Event.HandoffOrphaned x) {
            id = x.clientId();
        } else if (e instanceof Event.HandoffDoubleServed x) {
            id = x.clientId();
        } else if (e instanceof Event.ResourceWaiting x) {
            id = x.clientId();
        } else if (e instanceof Event.ResourceHeld x) {
            id = x.clientId();
        } else if (e instanceof Event.LockBackoff x) {
            id = x.clientId();
        } else if (e instanceof Event.ClientConnecting x) {
            port = x.localPort();
        } else if (e instanceof Event.ClientConnectReturned x) {
            port = x.localPort();
        } else if (e instanceof Event.ClientWriteReturned x) {
            port = x.localPort();
        } else if (e instanceof Event.ClientWaitingForEcho x) {
            port = x.localPort();
        } else if (e instanceof Event.ClientEchoReceived x) {
            port = x.localPort();
        } else if (e instanceof Event.ClientFinished x) {
            port = x.localPort();
        }
        if (port >= 0) {
            return clientsByPort.get(port);
        }
        return id < 0 ? null : clientsById.get(id);
    }

    // Properties

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Protection> protectionProperty() {
        return protection;
    }

    public LongProperty delayMillisProperty() {
        return delayMillis;
    }

    public LongProperty raceWindowMicrosProperty() {
        return raceWindowMicros;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    public BooleanProperty blockingLoopProperty() {
        return blockingLoop;
    }

    /** {@code host:port} of the listening socket. */
    public StringProperty addressProperty() {
        return address;
    }

    /** Increments lost, as the events told them (the exact figure comes from the server's books). */
    /**
     * Updates lost so far, net: the increments seen (one per write) that the counter lacks,
     * derived when asked rather than kept per event on the drain.
     */
    public long lostSeen() {
        return server == null ? 0 : writesSeen - server.counterProperty().get();
    }

    /** Changes once per frame in which anything was folded. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<ProcessModel> processes() {
        return processes;
    }

    /** The server's own process, or null before it started. */
    public ProcessModel serverProcess() {
        return server;
    }

    public ObservableList<ClientModel> clients() {
        return clients;
    }

    /** Clients whose connect returned but whom the server has not accepted: the kernel's backlog. */
    public ObservableList<ClientModel> backlog() {
        return backlog;
    }

    public ObservableList<ClientModel> poolQueue() {
        return poolQueue;
    }

    /** Connections the event loop watches. */
    public ObservableList<ClientModel> watched() {
        return watched;
    }

    public ObservableList<CarrierModel> carriers() {
        return carriers;
    }

    public ObservableList<LostMark> lostMarks() {
        return lostMarks;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    public LogModel log() {
        return log;
    }

    /** The synchronization scenario: settings, the last deadlock's graph, its figures. */
    public ScenarioModel scenario() {
        return scenario;
    }

    /** A worker by thread name, or null. */
    public WorkerModel worker(String id) {
        return workers.get(id);
    }
}
