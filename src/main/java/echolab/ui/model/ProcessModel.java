package echolab.ui.model;

import java.util.List;
import java.util.function.Function;

import echolab.ui.fold.Restore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One operating-system process as drawn: a box with its PID and its own memory (code, data with
 * its copy of the counter, heap) and a stack per thread. The server is one; each child of
 * {@code processes} mode is another. FX thread only.
 */
public final class ProcessModel {

    /** What just touched the counter, for the flash in the data region. */
    public enum Touch { NONE, READ, WRITE, LOST }

    /** The last touch of the counter: what, by whom, and a number that changes on every touch. */
    public record CounterTouch(Touch touch, String worker, long value, long serial) {}

    private final long pid;
    private final boolean server;
    /** What the box's header says the process is: {@code server JVM}, {@code child JVM}, or a student's command. */
    private final String kind;
    /** Drawn from outside, as a student's process read from the system, rather than told by EchoLab's own server. */
    private final boolean observed;
    private final BooleanProperty zombie = new SimpleBooleanProperty();
    private final StringProperty crash = new SimpleStringProperty("");
    private final StringProperty crashMeaning = new SimpleStringProperty("");
    private final IntegerProperty descriptors = new SimpleIntegerProperty(-1);
    private final IntegerProperty firstDescriptors = new SimpleIntegerProperty(-1);
    private final StringProperty client = new SimpleStringProperty("");
    private final LongProperty counter = new SimpleLongProperty();
    private final ObjectProperty<CounterTouch> lastTouch =
            new SimpleObjectProperty<>(new CounterTouch(Touch.NONE, "", 0, 0));
    private final LongProperty spawnMicros = new SimpleLongProperty(-1);
    private final LongProperty rssBytes = new SimpleLongProperty();
    private final IntegerProperty exitCode = new SimpleIntegerProperty(Integer.MIN_VALUE);
    private final BooleanProperty draining = new SimpleBooleanProperty();
    private final ObservableList<WorkerModel> threads = FXCollections.observableArrayList();
    private long touches;
    long reapedAtNanos = Long.MIN_VALUE;

    public ProcessModel(long pid, boolean server) {
        this(pid, server, server ? "server JVM" : "child JVM", false);
    }

    private ProcessModel(long pid, boolean server, String kind, boolean observed) {
        this.pid = pid;
        this.server = server;
        this.kind = kind;
        this.observed = observed;
    }

    /**
     * A process of a student's server, read from the system: {@code root} for the program EchoLab
     * started (drawn as the lab draws its server), else a process it forked (drawn as a child);
     * {@code kind} is what its header says it is, e.g. its command or whose child it is.
     */
    public static ProcessModel observed(long pid, boolean root, String kind) {
        return new ProcessModel(pid, root, kind, true);
    }

    public long pid() {
        return pid;
    }

    public boolean isServer() {
        return server;
    }

    public String nodeId() {
        return "process-" + pid;
    }

    /** What the box's header says the process is: {@code server JVM}, {@code child JVM}, or a student's command. */
    public String kind() {
        return kind;
    }

    /** Whether this is a student's process read from the system (no counter, no spawn time, maybe a zombie). */
    public boolean observed() {
        return observed;
    }

    /** Ended, and not reaped by its parent yet: a zombie keeps its entry in the process table. */
    public BooleanProperty zombieProperty() {
        return zombie;
    }

    /** How the process died when a signal ended it ("crashed: SIGSEGV (signal 11)"), else empty. */
    public StringProperty crashProperty() {
        return crash;
    }

    /** What that signal usually means, else empty. */
    public StringProperty crashMeaningProperty() {
        return crashMeaning;
    }

    /** Open descriptors now, or -1 where the system does not say. */
    public IntegerProperty descriptorsProperty() {
        return descriptors;
    }

    /** Open descriptors when first counted, or -1: those opened since stand out, so a leak shows. */
    public IntegerProperty firstDescriptorsProperty() {
        return firstDescriptors;
    }

    /** The client a child serves. */
    public StringProperty clientProperty() {
        return client;
    }

    /** This process's own copy of the counter. */
    public LongProperty counterProperty() {
        return counter;
    }

    public ObjectProperty<CounterTouch> lastTouchProperty() {
        return lastTouch;
    }

    public void touch(Touch touch, String worker, long value) {
        lastTouch.set(new CounterTouch(touch, worker, value, ++touches));
    }

    /** Time from asking for the child to its first words, or -1 while starting. */
    public LongProperty spawnMicrosProperty() {
        return spawnMicros;
    }

    public LongProperty rssBytesProperty() {
        return rssBytes;
    }

    /** The exit code once reaped, else {@link Integer#MIN_VALUE}. */
    public IntegerProperty exitCodeProperty() {
        return exitCode;
    }

    /** Play time at which it was reaped, or {@link Long#MIN_VALUE}: it fades, then leaves. */
    public long reapedAtNanos() {
        return reapedAtNanos;
    }

    public void reapedAt(long playNanos) {
        reapedAtNanos = playNanos;
    }

    public boolean reaped() {
        return exitCode.get() != Integer.MIN_VALUE;
    }

    public BooleanProperty drainingProperty() {
        return draining;
    }

    /** Its threads, each a lane with its own stack. */
    public ObservableList<WorkerModel> threads() {
        return threads;
    }

    /** Everything a process shows and remembers, its threads' states included, as a value: a checkpoint's copy. */
    public record Snapshot(long pid, boolean server, String kind, boolean observed, boolean zombie, String crash,
                           String crashMeaning, int descriptors, int firstDescriptors, String client, long counter,
                           CounterTouch lastTouch, long spawnMicros, long rssBytes, int exitCode, boolean draining,
                           List<WorkerModel.Snapshot> threads, long touches, long reapedAtNanos) {
        public Snapshot {
            threads = List.copyOf(threads);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(pid, server, kind, observed, zombie.get(), crash.get(), crashMeaning.get(), descriptors.get(),
                firstDescriptors.get(), client.get(), counter.get(), lastTouch.get(), spawnMicros.get(), rssBytes.get(),
                exitCode.get(), draining.get(), threads.stream().map(WorkerModel::snapshot).toList(), touches,
                reapedAtNanos);
    }

    /** Whether {@code s} is a state of this process (same PID and kind), so it can be put back in place. */
    public boolean is(Snapshot s) {
        return pid == s.pid() && server == s.server() && kind.equals(s.kind()) && observed == s.observed();
    }

    /**
     * Puts back a state of this process ({@link #is}); its threads are the workers {@code worker}
     * gives for their states (the fold's own, so a worker is one object in the fold and in its process).
     */
    public void restore(Snapshot s, Function<WorkerModel.Snapshot, WorkerModel> worker) {
        zombie.set(s.zombie());
        crash.set(s.crash());
        crashMeaning.set(s.crashMeaning());
        descriptors.set(s.descriptors());
        firstDescriptors.set(s.firstDescriptors());
        client.set(s.client());
        counter.set(s.counter());
        lastTouch.set(s.lastTouch());
        spawnMicros.set(s.spawnMicros());
        rssBytes.set(s.rssBytes());
        exitCode.set(s.exitCode());
        draining.set(s.draining());
        Restore.setAll(threads, s.threads().stream().map(worker).toList());
        touches = s.touches();
        reapedAtNanos = s.reapedAtNanos();
    }

    /** A process made from a checkpoint's state. */
    public static ProcessModel of(Snapshot s, Function<WorkerModel.Snapshot, WorkerModel> worker) {
        ProcessModel p = new ProcessModel(s.pid(), s.server(), s.kind(), s.observed());
        p.restore(s, worker);
        return p;
    }
}
