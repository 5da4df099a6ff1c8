package echolab.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One thread of the server (or the single thread of a child process) as drawn: a lane. FX thread only. */
public final class WorkerModel {

    private final String id;
    private final String role;
    private final String mode;
    private final ObjectProperty<Activity> state = new SimpleObjectProperty<>(Activity.IDLE);
    private final StringProperty client = new SimpleStringProperty("");
    private final BooleanProperty draining = new SimpleBooleanProperty();
    private final StringProperty carrier = new SimpleStringProperty("");
    private final StringProperty doing = new SimpleStringProperty("");
    long mountedAtNanos = Long.MIN_VALUE;

    public WorkerModel(String id, String role, String mode) {
        this.id = id;
        this.role = role;
        this.mode = mode;
    }

    /**
     * A thread of a student's server, read from the system: {@code id} as the sampler names it
     * ({@code name (TID)}), {@code role} as for the lab's ({@code acceptor} leads the lanes,
     * {@code process} is a child's only thread).
     */
    public static WorkerModel observed(String id, String role) {
        return new WorkerModel(id, role, "observed");
    }

    /** The thread's name as the server gave it, or {@code pid N}. */
    public String id() {
        return id;
    }

    /** The name without the project's prefix: {@code pool-worker-2}, {@code main}, {@code pid 4712}. */
    public String displayName() {
        return id.startsWith("echolab-") ? id.substring("echolab-".length()) : id;
    }

    /** {@code acceptor}, {@code pool-worker}, {@code event-loop}, {@code thread}, {@code virtual} or {@code process}. */
    public String role() {
        return role;
    }

    /** The mode whose model this worker belongs to. */
    public String mode() {
        return mode;
    }

    /** A node id: the display name with anything but letters, digits and dashes made a dash. */
    public String nodeId() {
        return "worker-" + displayName().replaceAll("[^A-Za-z0-9-]", "-");
    }

    public ObjectProperty<Activity> stateProperty() {
        return state;
    }

    /** The client it serves now, or empty. */
    public StringProperty clientProperty() {
        return client;
    }

    /** Its model is no longer current: it finishes its clients and then ends. */
    public BooleanProperty drainingProperty() {
        return draining;
    }

    /** For a virtual thread: the carrier it was last mounted on, or empty while parked. */
    public StringProperty carrierProperty() {
        return carrier;
    }

    /**
     * What the lane says the thread does, when it says more than its state's words (a student's
     * thread: {@code waits in read() on descriptor 4}); empty: the state's own words.
     */
    public StringProperty doingProperty() {
        return doing;
    }

    public Activity state() {
        return state.get();
    }

    /** Everything a worker shows and remembers, as a value: a checkpoint's copy of it. */
    public record Snapshot(String id, String role, String mode, Activity state, String client, boolean draining,
                           String carrier, String doing, long mountedAtNanos) {}

    public Snapshot snapshot() {
        return new Snapshot(id, role, mode, state.get(), client.get(), draining.get(), carrier.get(), doing.get(),
                mountedAtNanos);
    }

    /** Whether {@code s} is a state of this worker (same thread, role and model), so it can be put back in place. */
    public boolean is(Snapshot s) {
        return id.equals(s.id()) && role.equals(s.role()) && mode.equals(s.mode());
    }

    /** Puts back a state of this worker ({@link #is}); views bound to it show it at once. */
    public void restore(Snapshot s) {
        state.set(s.state());
        client.set(s.client());
        draining.set(s.draining());
        carrier.set(s.carrier());
        doing.set(s.doing());
        mountedAtNanos = s.mountedAtNanos();
    }

    /** A worker made from a checkpoint's state. */
    public static WorkerModel of(Snapshot s) {
        WorkerModel w = new WorkerModel(s.id(), s.role(), s.mode());
        w.restore(s);
        return w;
    }
}
