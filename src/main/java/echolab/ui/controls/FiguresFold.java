package echolab.ui.controls;

import java.util.List;
import java.util.Map;

import echolab.events.Event;
import echolab.sync.SyncLab;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.ScenarioModel;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * The live figures, folded from the figures the lab publishes five times a second
 * ({@link Event.ServerFigures}, {@link Event.SyncFigures}): the server's own books (exact even
 * when other events are dropped) and its costs. They are folded on the play clock with the rest of
 * the picture, so that paused, slowed down or taken back in time they are the figures of the instant
 * shown (a checkpoint holds them). The scenario's figures go to the scenario's model, each process's
 * resident memory to the diagram's processes.
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class FiguresFold implements Fold, Rewindable<FiguresFold.Snapshot> {

    /**
     * The latest figures as a value (the time machine's checkpoints), null before the first: every
     * figure shown follows from them. Each process's memory is the diagram's checkpoint.
     */
    public record Snapshot(Event.ServerFigures server, SyncLab.Figures sync) {}

    private final List<ProcessModel> processes;
    private final ScenarioModel scenario;
    private Event.ServerFigures server;
    private SyncLab.Figures sync;

    private final IntegerProperty activeClients = new SimpleIntegerProperty();
    private final LongProperty echoed = new SimpleLongProperty();
    private final LongProperty counter = new SimpleLongProperty();
    private final LongProperty expected = new SimpleLongProperty();
    private final LongProperty lost = new SimpleLongProperty();
    private final LongProperty childIncrements = new SimpleLongProperty();
    private final IntegerProperty processesAlive = new SimpleIntegerProperty(1);
    private final IntegerProperty threadsAlive = new SimpleIntegerProperty();
    private final LongProperty serverMemoryBytes = new SimpleLongProperty();
    private final LongProperty childMemoryBytes = new SimpleLongProperty();
    private final DoubleProperty averageSpawnMillis = new SimpleDoubleProperty();
    private final LongProperty latencyP50Micros = new SimpleLongProperty(-1);
    private final LongProperty latencyP99Micros = new SimpleLongProperty(-1);
    private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
    private final LongProperty eventsDropped = new SimpleLongProperty();

    /**
     * Figures whose processes' memory goes to {@code processes} (the diagram's, as it folds them) and
     * scenario figures to {@code scenario}.
     */
    public FiguresFold(List<ProcessModel> processes, ScenarioModel scenario) {
        this.processes = processes;
        this.scenario = scenario;
    }

    @Override
    public void apply(Event e, long playNanos) {
        if (e instanceof Event.ServerFigures s) {
            server(s);
        } else if (e instanceof Event.SyncFigures f) {
            sync = new SyncLab.Figures(f.scenario(), f.safe(), f.fix(), f.orphaned(), f.doubleServed(),
                    f.deadlocksDetected(), f.livelocksSuspected(), f.backoffRetries(), f.fair(), f.greedy(),
                    f.acquisitions(), f.longestWaitMs(), f.permits(), f.maxConcurrent(), f.concurrent(),
                    f.mostTurnsInARow());
            scenario.refresh(sync);
        }
    }

    private void server(Event.ServerFigures s) {
        shown(s);
        Map<Long, Long> childRss = s.childRssBytes();
        for (ProcessModel p : processes) {
            Long rss = p.isServer() ? Long.valueOf(s.serverRssBytes()) : childRss.get(p.pid());
            if (rss != null && rss > 0) {
                p.rssBytesProperty().set(rss);
            }
        }
    }

    /** Shows {@code s}'s figures. */
    private void shown(Event.ServerFigures s) {
        server = s;
        activeClients.set(s.active());
        echoed.set(s.echoed());
        counter.set(s.counter());
        expected.set(s.increments());
        lost.set(s.lost());
        childIncrements.set(s.childIncrements());
        processesAlive.set(1 + s.processesAlive());
        threadsAlive.set(s.threads());
        serverMemoryBytes.set(s.serverRssBytes());
        long children = 0;
        for (long rss : s.childRssBytes().values()) {
            children += rss;
        }
        childMemoryBytes.set(children);
        averageSpawnMillis.set(s.averageSpawnMillis());
        latencyP50Micros.set(s.latencyP50Micros());
        latencyP99Micros.set(s.latencyP99Micros());
        eventsPerSecond.set(s.eventsPerSecond());
        eventsDropped.set(s.eventsDropped());
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(server, sync);
    }

    /**
     * Shows the figures of {@code s}, and the scenario's in the scenario's model; before the first
     * figures, the figures as they start. The processes' memory is left to the diagram's restore
     * (a process drawn after these figures came had none yet).
     */
    @Override
    public void restore(Snapshot s) {
        if (s.server() != null) {
            shown(s.server());
        } else {
            shown(new Event.ServerFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), -1, -1, 0));
            server = null;
        }
        sync = s.sync();
        if (sync != null) {
            scenario.refresh(sync);
        } else {
            scenario.clearFigures();
        }
    }

    /** The server's latest figures, or null before the first. */
    public Event.ServerFigures server() {
        return server;
    }

    /** The scenario's latest figures, or null before the first. */
    public SyncLab.Figures sync() {
        return sync;
    }

    // Properties

    public IntegerProperty activeClientsProperty() {
        return activeClients;
    }

    public LongProperty echoedProperty() {
        return echoed;
    }

    /** The server process's counter. */
    public LongProperty counterProperty() {
        return counter;
    }

    /** What the counter would hold had no update been lost: increments completed. */
    public LongProperty expectedProperty() {
        return expected;
    }

    public LongProperty lostProperty() {
        return lost;
    }

    /** Increments done by child processes, each in its own memory. */
    public LongProperty childIncrementsProperty() {
        return childIncrements;
    }

    public IntegerProperty processesAliveProperty() {
        return processesAlive;
    }

    public IntegerProperty threadsAliveProperty() {
        return threadsAlive;
    }

    public LongProperty serverMemoryBytesProperty() {
        return serverMemoryBytes;
    }

    public LongProperty childMemoryBytesProperty() {
        return childMemoryBytes;
    }

    public DoubleProperty averageSpawnMillisProperty() {
        return averageSpawnMillis;
    }

    public LongProperty latencyP50MicrosProperty() {
        return latencyP50Micros;
    }

    public LongProperty latencyP99MicrosProperty() {
        return latencyP99Micros;
    }

    public DoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond;
    }

    public LongProperty eventsDroppedProperty() {
        return eventsDropped;
    }
}
