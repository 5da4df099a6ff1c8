package echolab.ui.model;

import java.util.List;
import java.util.Map;

import echolab.events.Event;
import echolab.sync.DeadlockFix;
import echolab.sync.Scenario;
import echolab.sync.SyncLab;
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
 * The synchronization scenario as the window shows it: which one is on and how it is set, the
 * wait-for graph of the last deadlock (from the events), and the scenario's figures (from the
 * server's books, read a few times a second). FX thread only.
 */
public final class ScenarioModel {

    /** One worker's share of the starvation scenario's lock. */
    public record Share(String worker, long acquisitions, double longestWaitMillis, boolean greedy) {}

    /**
     * What the scenario's events have told, as a value (the time machine's checkpoints): the
     * settings, the last deadlock, a livelock shown until when. The figures are the figures' fold's
     * checkpoint ({@link #refresh}, {@link #clearFigures}).
     */
    public record Snapshot(Scenario scenario, boolean safe, DeadlockFix fix, int permits, long holdMillis,
                           long handoffWindowMicros, List<Event.WaitFor> cycle, List<Event.WaitFor> blocked,
                           boolean livelock, long livelockUntil) {
        public Snapshot {
            cycle = List.copyOf(cycle);
            blocked = List.copyOf(blocked);
        }
    }

    // Settings, as the server announced them
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.NONE);
    private final BooleanProperty safe = new SimpleBooleanProperty();
    private final ObjectProperty<DeadlockFix> fix = new SimpleObjectProperty<>(DeadlockFix.NONE);
    private final BooleanProperty fair = new SimpleBooleanProperty();
    private final IntegerProperty permits = new SimpleIntegerProperty(2);
    private final LongProperty holdMillis = new SimpleLongProperty(20);
    private final LongProperty handoffWindowMicros = new SimpleLongProperty(2000);

    // The deadlock, from the events
    private final ObservableList<Event.WaitFor> cycle = FXCollections.observableArrayList();
    private final ObservableList<Event.WaitFor> blocked = FXCollections.observableArrayList();
    private final BooleanProperty livelock = new SimpleBooleanProperty();
    private long livelockUntil = Long.MIN_VALUE;

    // Figures, from the server's books
    private final LongProperty orphaned = new SimpleLongProperty();
    private final LongProperty doubleServed = new SimpleLongProperty();
    private final LongProperty deadlocksDetected = new SimpleLongProperty();
    private final LongProperty livelocksSuspected = new SimpleLongProperty();
    private final LongProperty backoffRetries = new SimpleLongProperty();
    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty();
    private final IntegerProperty concurrent = new SimpleIntegerProperty();
    private final StringProperty greedy = new SimpleStringProperty("");
    private final ObservableList<Share> shares = FXCollections.observableArrayList();

    public ScenarioModel() {
    }

    public void changed(Event.ScenarioChanged e) {
        Scenario next = Scenario.parse(e.scenario());
        if (next != scenario.get()) {
            cycle.clear();
            blocked.clear();
        }
        scenario.set(next);
        safe.set(e.safe());
        fix.set(DeadlockFix.parse(e.fix()));
    }

    public void setting(String name, long value) {
        switch (name) {
            case "permits" -> permits.set((int) value);
            case "holdMs" -> holdMillis.set(value);
            case "handoffWindowUs" -> handoffWindowMicros.set(value);
            default -> { }
        }
    }

    public void deadlock(Event.DeadlockDetected e) {
        cycle.setAll(e.cycle());
        blocked.setAll(e.blocked());
    }

    public void reset() {
        cycle.clear();
        blocked.clear();
    }

    /** Reads the server's scenario figures; cheap, a few times a second. */
    /** A livelock was suspected: shown until {@code playNanos}. */
    public void livelockUntil(long playNanos) {
        livelock.set(true);
        livelockUntil = playNanos;
    }

    /** Hides the livelock once its time has passed. */
    public void endFrame(long playNanos) {
        if (livelock.get() && playNanos - livelockUntil > 0) {
            livelock.set(false);
        }
    }

    public void refresh(SyncLab.Figures f) {
        orphaned.set(f.orphaned());
        doubleServed.set(f.doubleServed());
        deadlocksDetected.set(f.deadlocksDetected());
        livelocksSuspected.set(f.livelocksSuspected());
        backoffRetries.set(f.backoffRetries());
        maxConcurrent.set(f.maxConcurrent());
        concurrent.set(f.concurrent());
        fair.set(f.fair());
        greedy.set(f.greedy() == null ? "" : shortName(f.greedy()));
        List<Share> now = f.acquisitions().entrySet().stream()
                .map((Map.Entry<String, Long> a) -> new Share(shortName(a.getKey()), a.getValue(),
                        f.longestWaitMs().getOrDefault(a.getKey(), 0.0), a.getKey().equals(f.greedy())))
                .toList();
        if (!now.equals(shares)) {
            shares.setAll(now);
        }
    }

    /** The figures as they are before the server's first. */
    public void clearFigures() {
        orphaned.set(0);
        doubleServed.set(0);
        deadlocksDetected.set(0);
        livelocksSuspected.set(0);
        backoffRetries.set(0);
        maxConcurrent.set(0);
        concurrent.set(0);
        fair.set(false);
        greedy.set("");
        shares.clear();
    }

    /** What the events have told now, as a value later events do not change. */
    public Snapshot snapshot() {
        return new Snapshot(scenario.get(), safe.get(), fix.get(), permits.get(), holdMillis.get(),
                handoffWindowMicros.get(), cycle, blocked, livelock.get(), livelockUntil);
    }

    /** Puts back what the events had told in {@code s}; the figures stay as they are. */
    public void restore(Snapshot s) {
        scenario.set(s.scenario());
        safe.set(s.safe());
        fix.set(s.fix());
        permits.set(s.permits());
        holdMillis.set(s.holdMillis());
        handoffWindowMicros.set(s.handoffWindowMicros());
        cycle.setAll(s.cycle());
        blocked.setAll(s.blocked());
        livelock.set(s.livelock());
        livelockUntil = s.livelockUntil();
    }

    private static String shortName(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }

    // Properties

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** Whether the scenario runs with its fix (own copies, one lock order, a fair lock). */
    public BooleanProperty safeProperty() {
        return safe;
    }

    public ObjectProperty<DeadlockFix> fixProperty() {
        return fix;
    }

    /** Whether the starvation scenario's lock is fair. */
    public BooleanProperty fairProperty() {
        return fair;
    }

    public IntegerProperty permitsProperty() {
        return permits;
    }

    public LongProperty holdMillisProperty() {
        return holdMillis;
    }

    public LongProperty handoffWindowMicrosProperty() {
        return handoffWindowMicros;
    }

    /** The last deadlock's cycle: each worker, what it holds, what it waits for. Empty after a reset. */
    public ObservableList<Event.WaitFor> cycle() {
        return cycle;
    }

    /** Workers stuck behind the last deadlock, waiting for a resource held in the cycle. */
    public ObservableList<Event.WaitFor> blocked() {
        return blocked;
    }

    /** True for a while after the server saw workers retry without getting through. */
    public BooleanProperty livelockProperty() {
        return livelock;
    }

    public LongProperty orphanedProperty() {
        return orphaned;
    }

    public LongProperty doubleServedProperty() {
        return doubleServed;
    }

    public LongProperty deadlocksDetectedProperty() {
        return deadlocksDetected;
    }

    public LongProperty livelocksSuspectedProperty() {
        return livelocksSuspected;
    }

    public LongProperty backoffRetriesProperty() {
        return backoffRetries;
    }

    public IntegerProperty maxConcurrentProperty() {
        return maxConcurrent;
    }

    /** Workers inside the semaphore now. */
    public IntegerProperty concurrentProperty() {
        return concurrent;
    }

    /** The starvation scenario's greedy worker, or empty. */
    public StringProperty greedyProperty() {
        return greedy;
    }

    /** Each worker's share of the starvation scenario's lock, by worker name. */
    public ObservableList<Share> shares() {
        return shares;
    }
}
