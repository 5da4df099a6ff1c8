package echolab.ui.clients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import echolab.events.Event;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import echolab.ui.fold.Rewindable;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import echolab.ui.model.ClientNames;
import echolab.ui.model.Lanes;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The clients, joined from both sides of their connections (see {@link ClientModel}), and where
 * they wait: the kernel's backlog, the pool's queue, the event loop's watched set. Each client has
 * a lane on the timeline. A closed client stays a while (eight seconds, or until 150 rows), then
 * leaves.
 *
 * <p>Counts change with every line; they show ten times a second of play time (so not while
 * paused), within the frame budget.
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class ClientsFold implements Fold, Rewindable<ClientsFold.Snapshot> {

    /**
     * The clients and where they wait, as a value: each client once ({@code models}, by serial), the
     * lists and look-ups by serial. A restore puts the clients it still shows back in place (the
     * same instances) and makes the others anew. The timeline's lanes are the timeline's own checkpoint; the
     * counts as shown follow a cadence and are left out (a restored client shows its counts at once).
     */
    public record Snapshot(List<ClientModel.Snapshot> models, List<Long> clients, List<Long> backlog,
                           List<Long> poolQueue, List<Long> watched, Map<Integer, Long> byPort, Map<Long, Long> byId,
                           ClientNames.Snapshot names, long made) {
        public Snapshot {
            models = List.copyOf(models);
            clients = List.copyOf(clients);
            backlog = List.copyOf(backlog);
            poolQueue = List.copyOf(poolQueue);
            watched = List.copyOf(watched);
            byPort = Map.copyOf(byPort);
            byId = Map.copyOf(byId);
        }
    }

    private static final long CLOSED_SHOWN = TimeUnit.SECONDS.toNanos(8);
    private static final int MAX_CLIENT_ROWS = 150;

    private final Lanes timeline;
    private final ObservableList<ClientModel> clients = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> backlog = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> poolQueue = FXCollections.observableArrayList();
    private final ObservableList<ClientModel> watched = FXCollections.observableArrayList();
    private final Map<Integer, ClientModel> byPort = new HashMap<>();
    private final Map<Long, ClientModel> byId = new HashMap<>();
    private final ClientNames names = new ClientNames();
    private final List<ClientModel> countsChanged = new ArrayList<>();
    private final Cadence countsCadence = new Cadence(10, 0.33);
    private BiConsumer<String, String> renamed = (was, is) -> { };
    /** Every client a look-up can still reach, by serial; {@code made} numbers the next one. */
    private final Map<Long, ClientModel> bySerial = new HashMap<>();
    private long made;

    /** Clients whose lanes go on {@code timeline}. */
    public ClientsFold(Lanes timeline) {
        this.timeline = timeline;
    }

    /** The counts redraw within the window's frame budget (see {@link Cadence#followsBudget}). */
    public ClientsFold followBudget(FrameBudget budget) {
        countsCadence.followsBudget(budget);
        return this;
    }

    /** Told (old name, new name) when a client seen first by the server is named by its own events. */
    public void onRenamed(BiConsumer<String, String> listener) {
        renamed = listener;
    }

    @Override
    public void apply(Event e, long now) {
        if (e instanceof Event.ClientConnecting x) {
            connecting(x);
        } else if (e instanceof Event.ClientConnectReturned x) {
            connectReturned(x);
        } else if (e instanceof Event.ClientWriteReturned x) {
            writeReturned(x);
        } else if (e instanceof Event.ClientWaitingForEcho x) {
            waitingForEcho(x);
        } else if (e instanceof Event.ClientEchoReceived x) {
            echoReceived(x);
        } else if (e instanceof Event.ClientFinished x) {
            ClientModel c = byPort.get(x.localPort());
            if (c != null) {
                close(c, x.outcome(), x.nanos(), now);
            }
        } else if (e instanceof Event.ClientAccepted x) {
            accepted(x);
        } else if (e instanceof Event.Queued x) {
            queued(x);
        } else if (e instanceof Event.WorkerAssigned x) {
            assigned(x);
        } else if (e instanceof Event.ClientClosed x) {
            names.closed(x.clientId());
            ClientModel c = byId.get(x.clientId());
            if (c != null) {
                close(c, x.reason(), x.nanos(), now);
            }
        } else if (e instanceof Event.LineEchoed x) {
            lineEchoed(x);
        } else if (e instanceof Event.ProcessReady x) {
            ClientModel c = byId.get(x.clientId());
            if (c != null && c.state() != Activity.CLOSED) {
                state(c, Activity.SERVED, "served by its own process, PID " + x.pid(), x.nanos());
            }
        } else if (e instanceof Event.HandoffOrphaned x) {
            ClientModel c = byId.get(x.clientId());
            if (c != null) {
                state(c, Activity.ORPHANED,
                        "orphaned: the next accept overwrote the shared slot before a worker took it", x.nanos());
            }
        } else if (e instanceof Event.HandoffDoubleServed x) {
            ClientModel c = byId.get(x.clientId());
            if (c != null) {
                c.detailProperty().set("served twice: by " + shortName(x.otherWorker()) + " and " + shortName(x.workerId()));
            }
        } else if (e instanceof Event.LimitHit x) {
            ClientModel c = byId.get(x.clientId());
            if (c != null) {
                c.detailProperty().set(x.message());
            }
        } else if (e instanceof Event.ObservedConnectionHeld x) {
            observedHeld(x);
        }
    }

    @Override
    public void endFrame(long now) {
        if (countsCadence.due(now)) {
            for (ClientModel c : countsChanged) {
                c.sync();
            }
            countsChanged.clear();
        }
        removeOld(now);
    }

    // From the server's side

    private void accepted(Event.ClientAccepted e) {
        ClientModel c = byPort.get(e.remotePort());
        if (c == null || c.state() == Activity.CLOSED) {
            // nc and the students' machines: only the server's side is seen
            c = newClient(e.remotePort(), names.accepted(e.clientId(), e.remote()));
        }
        c.acceptedAs(e.clientId());
        byId.put(e.clientId(), c);
        c.modeProperty().set(e.mode());
        backlog.remove(c);
        state(c, Activity.QUEUED, "accepted, waiting for a worker", e.nanos());
    }

    private void queued(Event.Queued e) {
        ClientModel c = byId.get(e.clientId());
        if (c != null && !poolQueue.contains(c)) {
            poolQueue.add(c);
            state(c, Activity.QUEUED, "in the pool's queue: every worker is busy", e.nanos());
        }
    }

    private void assigned(Event.WorkerAssigned e) {
        ClientModel c = byId.get(e.clientId());
        if (c == null) {
            return;
        }
        poolQueue.remove(c);
        c.workerProperty().set(shortName(e.workerId()));
        if ("events".equals(e.mode())) {
            watched.add(c);
            state(c, Activity.SERVED, "watched by the event loop", e.nanos());
        } else if ("processes".equals(e.mode())) {
            state(c, Activity.QUEUED, "its child process is starting", e.nanos());
        } else {
            state(c, Activity.SERVED, "served by " + shortName(e.workerId()), e.nanos());
        }
    }

    private void lineEchoed(Event.LineEchoed e) {
        ClientModel c = byId.get(e.clientId());
        if (c != null && !c.simulatedProperty().get()) { // a real client: the server's side is all we see
            c.echoedByServer(e.latencyNanos(), e.nanos());
            changed(c);
        }
    }

    /** A student's server took the client: it is served, by the process (and thread) the OS shows holding it. */
    private void observedHeld(Event.ObservedConnectionHeld e) {
        ClientModel c = byPort.get(e.clientPort());
        if (c == null || c.state() == Activity.CLOSED) {
            return;
        }
        backlog.remove(c);
        String by = e.workerId().isEmpty() ? "PID " + e.pid() : e.workerId() + ", PID " + e.pid();
        c.workerProperty().set(by);
        state(c, Activity.SERVED, "held by " + by, e.nanos());
    }

    private void close(ClientModel c, String reason, long nanos, long now) {
        if (c.state() != Activity.CLOSED) {
            c.closedAt(now);
            state(c, Activity.CLOSED, reason, nanos);
            timeline.end(key(c), nanos);
        }
        backlog.remove(c);
        poolQueue.remove(c);
        watched.remove(c);
    }

    // From their own side

    private void connecting(Event.ClientConnecting e) {
        ClientModel c = byPort.get(e.localPort());
        if (c == null || c.state() == Activity.CLOSED) {
            c = newClient(e.localPort(), e.client());
        }
        c.simulatedProperty().set(true);
        if (c.serverId() < 0) {
            state(c, Activity.CONNECTING, "calling connect()", e.nanos());
        }
    }

    private void connectReturned(Event.ClientConnectReturned e) {
        ClientModel c = byPort.get(e.localPort());
        if (c == null || c.state() == Activity.CLOSED) {
            c = newClient(e.localPort(), e.client());
        } else if (!c.name().equals(e.client())) {
            rename(c, e.client()); // the server saw it before it was heard from
        }
        c.simulatedProperty().set(true);
        if (c.serverId() < 0) { // the kernel completed the handshake; the server has not accepted yet
            backlog.add(c);
            state(c, Activity.BACKLOG, "connect returned: the kernel completed the handshake", e.nanos());
        }
    }

    private void writeReturned(Event.ClientWriteReturned e) {
        ClientModel c = byPort.get(e.localPort());
        if (c == null) {
            return;
        }
        c.wrote(e.lines(), e.nanos());
        changed(c);
        if (c.state() == Activity.BACKLOG) {
            c.wroteInBacklog();
            c.detailProperty().set("connect returned · write returned (the kernel buffered it)");
        }
    }

    private void waitingForEcho(Event.ClientWaitingForEcho e) {
        ClientModel c = byPort.get(e.localPort());
        if (c != null) {
            c.waitsForEcho();
            if (c.state() == Activity.BACKLOG) {
                c.detailProperty().set("connect returned · write buffered · read blocked");
            }
        }
    }

    private void echoReceived(Event.ClientEchoReceived e) {
        ClientModel c = byPort.get(e.localPort());
        if (c == null) {
            return;
        }
        c.echoReceived(e.roundTripNanos(), e.nanos());
        changed(c);
    }

    /** Gives a client its own name everywhere its first, server-side name was shown. */
    private void rename(ClientModel c, String name) {
        String old = c.name();
        c.rename(name);
        timeline.rename(key(c), name);
        renamed.accept(old, name);
    }

    // The list

    /** The client's counts changed: show them at the end of the frame, once. */
    private void changed(ClientModel c) {
        if (c.countsChanged()) {
            countsChanged.add(c);
        }
    }

    private ClientModel newClient(int port, String name) {
        ClientModel c = new ClientModel(++made, port, name);
        bySerial.put(c.serial(), c);
        byPort.put(port, c);
        clients.add(c);
        return c;
    }

    private void state(ClientModel c, Activity state, String detail, long nanos) {
        c.stateProperty().set(state);
        c.detailProperty().set(detail);
        if (state != Activity.CLOSED) {
            timeline.set(key(c), c.name(), false, state, nanos);
        }
    }

    private static String key(ClientModel c) {
        return "client:" + c.port();
    }

    private void removeOld(long now) {
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
            if (c.state() == Activity.CLOSED && (now - c.closedAtNanos() > CLOSED_SHOWN || tooMany > 0)) {
                gone.add(c);
                tooMany--;
                closed--;
            }
        }
        if (!gone.isEmpty()) {
            clients.removeAll(gone);
            for (ClientModel c : gone) {
                byPort.remove(c.port(), c);
                bySerial.remove(c.serial(), c);
                if (c.serverId() >= 0) {
                    byId.remove(c.serverId(), c);
                }
            }
        }
    }

    // Checkpoints

    @Override
    public Snapshot snapshot() {
        Map<Long, ClientModel> models = new TreeMap<>(bySerial);
        for (List<ClientModel> list : List.of(clients, backlog, poolQueue, watched)) {
            for (ClientModel c : list) {
                models.put(c.serial(), c); // a closed client may linger in a list after it left the look-ups
            }
        }
        Map<Integer, Long> ports = new HashMap<>();
        byPort.forEach((port, c) -> ports.put(port, c.serial()));
        Map<Long, Long> ids = new HashMap<>();
        byId.forEach((id, c) -> ids.put(id, c.serial()));
        return new Snapshot(models.values().stream().map(ClientModel::snapshot).toList(), serials(clients),
                serials(backlog), serials(poolQueue), serials(watched), ports, ids, names.snapshot(), made);
    }

    @Override
    public void restore(Snapshot s) {
        // the fold is a function of its events: a serial names the same client at every instant, so a
        // client shown now is put back in place and its row and chip stay; the others are made again
        Map<Long, ClientModel> now = new HashMap<>(bySerial);
        for (List<ClientModel> list : List.of(clients, backlog, poolQueue, watched)) {
            for (ClientModel c : list) {
                now.put(c.serial(), c);
            }
        }
        Map<Long, ClientModel> models = new HashMap<>();
        for (ClientModel.Snapshot m : s.models()) {
            ClientModel c = now.get(m.serial());
            if (c != null && c.port() == m.port()) {
                c.restore(m);
            } else {
                c = ClientModel.restored(m);
            }
            models.put(m.serial(), c);
        }
        showAll(clients, models(s.clients(), models));
        showAll(backlog, models(s.backlog(), models));
        showAll(poolQueue, models(s.poolQueue(), models));
        showAll(watched, models(s.watched(), models));
        byPort.clear();
        s.byPort().forEach((port, serial) -> byPort.put(port, models.get(serial)));
        byId.clear();
        s.byId().forEach((id, serial) -> byId.put(id, models.get(serial)));
        bySerial.clear();
        for (ClientModel c : byPort.values()) {
            bySerial.put(c.serial(), c);
        }
        for (ClientModel c : byId.values()) {
            bySerial.put(c.serial(), c);
        }
        for (ClientModel c : clients) {
            bySerial.put(c.serial(), c);
        }
        names.restore(s.names());
        countsChanged.clear(); // restored clients show their counts already
        made = s.made();
    }

    /** Sets {@code list} to {@code wanted}, telling its views only when it changed (scrubbing restores often). */
    private static void showAll(ObservableList<ClientModel> list, List<ClientModel> wanted) {
        if (!list.equals(wanted)) {
            list.setAll(wanted);
        }
    }

    private static List<Long> serials(List<ClientModel> list) {
        return list.stream().map(ClientModel::serial).toList();
    }

    private static List<ClientModel> models(List<Long> serials, Map<Long, ClientModel> models) {
        return serials.stream().map(models::get).toList();
    }

    static String shortName(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }

    // Looking up

    /**
     * A client by its {@link ClientModel#serial serial}, while a look-up can reach it (the log names
     * its rows' clients again with it after a restore), or null.
     */
    public ClientModel bySerial(long serial) {
        return bySerial.get(serial);
    }

    /** A client by the server's connection number, or null. */
    public ClientModel byId(long id) {
        return byId.get(id);
    }

    /** The client an event concerns, or null. */
    public ClientModel clientOf(Event e) {
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
            return byPort.get(port);
        }
        return id < 0 ? null : byId.get(id);
    }

    // The lists the views bind to

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
}
