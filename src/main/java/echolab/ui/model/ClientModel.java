package echolab.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One client as the window shows it, joined from both sides of its connection: the simulated
 * client's own events (by name and local port) and the server's (by connection number and remote
 * port). A real client such as {@code nc} has only the server's side. FX thread only.
 */
public final class ClientModel {

    /**
     * A client's state as a value, for the time machine's checkpoints: what was folded, the counts
     * included; the counts as shown are left out (they follow a cadence), a restored client shows
     * its counts at once. {@code serial} tells the clients of one fold apart (a port is used again).
     */
    public record Snapshot(long serial, int port, String name, Activity state, String detail, String worker,
                           String mode, boolean ready, boolean simulated, long serverId, boolean waitingForEcho,
                           boolean wroteInBacklog, long lastSentNanos, long lastEchoNanos, long closedAtNanos,
                           long readyUntilNanos, int sentCount, int echoedCount, long latencyMicros) {}

    private final long serial;
    private final int port;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ObjectProperty<Activity> state = new SimpleObjectProperty<>(Activity.CONNECTING);
    private final StringProperty detail = new SimpleStringProperty("");
    private final IntegerProperty sent = new SimpleIntegerProperty();
    private final IntegerProperty echoed = new SimpleIntegerProperty();
    private final LongProperty lastLatencyMicros = new SimpleLongProperty(-1);
    private final StringProperty worker = new SimpleStringProperty("");
    private final StringProperty mode = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty simulated = new SimpleBooleanProperty();
    long serverId = -1;
    boolean waitingForEcho;
    boolean wroteInBacklog;
    /** Play-time nanos of the last line sent and the last echo, for the dot on the wire. */
    long lastSentNanos = Long.MIN_VALUE;
    long lastEchoNanos = Long.MIN_VALUE;
    long closedAtNanos = Long.MIN_VALUE;
    long readyUntilNanos = Long.MIN_VALUE;
    // Counts change with every line; the fold writes these and sync() shows them once a frame.
    int sentCount;
    int echoedCount;
    long latencyMicros = -1;
    boolean countsChanged;

    public ClientModel(int port, String name) {
        this(-1, port, name);
    }

    /** A client numbered {@code serial} by the fold that made it (see {@link #serial}). */
    public ClientModel(long serial, int port, String name) {
        this.serial = serial;
        this.port = port;
        this.name.set(name);
    }

    /** This client's state now, as a value later events do not change. */
    public Snapshot snapshot() {
        return new Snapshot(serial, port, name.get(), state.get(), detail.get(), worker.get(), mode.get(), ready.get(),
                simulated.get(), serverId, waitingForEcho, wroteInBacklog, lastSentNanos, lastEchoNanos,
                closedAtNanos, readyUntilNanos, sentCount, echoedCount, latencyMicros);
    }

    /** A new client in {@code s}'s state, its counts shown. */
    public static ClientModel restored(Snapshot s) {
        ClientModel c = new ClientModel(s.serial(), s.port(), s.name());
        c.restore(s);
        return c;
    }

    /**
     * Puts this client back into {@code s}'s state, its counts shown at once: the same client
     * ({@link #serial}, port) at another instant, so that what shows it keeps showing it.
     */
    public void restore(Snapshot s) {
        if (s.serial() != serial || s.port() != port) {
            throw new IllegalArgumentException("client " + serial + " on port " + port + " restored as " + s);
        }
        name.set(s.name());
        state.set(s.state());
        detail.set(s.detail());
        worker.set(s.worker());
        mode.set(s.mode());
        ready.set(s.ready());
        simulated.set(s.simulated());
        serverId = s.serverId();
        waitingForEcho = s.waitingForEcho();
        wroteInBacklog = s.wroteInBacklog();
        lastSentNanos = s.lastSentNanos();
        lastEchoNanos = s.lastEchoNanos();
        closedAtNanos = s.closedAtNanos();
        readyUntilNanos = s.readyUntilNanos();
        sentCount = s.sentCount();
        echoedCount = s.echoedCount();
        latencyMicros = s.latencyMicros();
        countsChanged = true;
        sync();
    }

    /** The number the fold that made this client gave it, in the order they came; -1 for one made elsewhere. */
    public long serial() {
        return serial;
    }

    /**
     * A client whose connection a student's server holds, as read from the system: by its local
     * port, named {@code name} (one of EchoLab's clients, or {@code port N}).
     */
    public static ClientModel observed(int port, String name) {
        return new ClientModel(port, name);
    }

    /** Renames a client drawn from outside once its own side is heard from. */
    public void observedName(String newName) {
        name.set(newName);
    }

    /** Shows the counts folded since the last frame; returns false when nothing changed. */
    public boolean sync() {
        if (!countsChanged) {
            return false;
        }
        countsChanged = false;
        sent.set(sentCount);
        echoed.set(echoedCount);
        lastLatencyMicros.set(latencyMicros);
        return true;
    }

    // Written by the clients' fold (the counts shown at the end of a frame, by sync())

    /** Marks the counts changed; true the first time since they were last shown, when the fold should show them. */
    public boolean countsChanged() {
        if (countsChanged) {
            return false;
        }
        countsChanged = true;
        return true;
    }

    /** The server accepted it as connection {@code id}. */
    public void acceptedAs(long id) {
        serverId = id;
    }

    /** The server echoed a line of a real client, whose own side is not seen: sent as many as echoed. */
    public void echoedByServer(long latencyNanos, long nanos) {
        echoedCount++;
        sentCount = echoedCount;
        latencyMicros = latencyNanos / 1000;
        lastEchoNanos = nanos;
    }

    /** Its write of {@code lines} lines returned. */
    public void wrote(int lines, long nanos) {
        sentCount += lines;
        lastSentNanos = nanos;
    }

    /** Its write returned while it waits in the backlog: the kernel buffered it. */
    public void wroteInBacklog() {
        wroteInBacklog = true;
    }

    /** It blocks reading its echo. */
    public void waitsForEcho() {
        waitingForEcho = true;
    }

    /** An echo came back, {@code roundTripNanos} after the line went. */
    public void echoReceived(long roundTripNanos, long nanos) {
        waitingForEcho = false;
        echoedCount++;
        latencyMicros = roundTripNanos / 1000;
        lastEchoNanos = nanos;
    }

    /** Play time at which it closed, or {@link Long#MIN_VALUE}. */
    public long closedAtNanos() {
        return closedAtNanos;
    }

    public void closedAt(long playNanos) {
        closedAtNanos = playNanos;
    }

    /** Play time until which it shows ready in the event loop's turn. */
    public long readyUntilNanos() {
        return readyUntilNanos;
    }

    public void readyUntil(long playNanos) {
        readyUntilNanos = playNanos;
    }

    public int port() {
        return port;
    }

    public long serverId() {
        return serverId;
    }

    public long lastSentNanos() {
        return lastSentNanos;
    }

    public long lastEchoNanos() {
        return lastEchoNanos;
    }

    /** A stable id for tests and CSS: {@code client-3}, or {@code port-53122} for a real client. */
    public String nodeId() {
        return name.get().startsWith("client-") ? name.get() : "port-" + port;
    }

    // Properties

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public void rename(String newName) {
        name.set(newName);
    }

    public ObjectProperty<Activity> stateProperty() {
        return state;
    }

    /** What the state means for this client right now, e.g. "write buffered, read blocked". */
    public StringProperty detailProperty() {
        return detail;
    }

    public IntegerProperty sentProperty() {
        return sent;
    }

    public IntegerProperty echoedProperty() {
        return echoed;
    }

    public LongProperty lastLatencyMicrosProperty() {
        return lastLatencyMicros;
    }

    public StringProperty workerProperty() {
        return worker;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    /** Ready in the event loop's latest turn. */
    public BooleanProperty readyProperty() {
        return ready;
    }

    public BooleanProperty simulatedProperty() {
        return simulated;
    }

    public Activity state() {
        return state.get();
    }

    public String name() {
        return name.get();
    }
}
