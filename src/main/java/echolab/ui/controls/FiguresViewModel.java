package echolab.ui.controls;

import java.util.concurrent.TimeUnit;

import echolab.engine.ServerStats;
import echolab.lab.Lab;
import echolab.lab.ResourceSample;
import echolab.lab.ResourceSampler;
import echolab.ui.diagram.DiagramFold;
import echolab.ui.model.ScenarioModel;
import echolab.ui.model.ProcessModel;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * The live figures, from the server's own books (exact even when events are dropped) and the
 * resource sampler. They show the server now, even while the picture replays the past in slow
 * motion. Threading: FX thread; {@link #refresh} reads a few counters and never blocks.
 */
public final class FiguresViewModel {

    private static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Lab lab;
    private final ResourceSampler sampler;
    private final DiagramFold diagram;
    private final ScenarioModel scenario;
    private long lastRefresh = Long.MIN_VALUE;

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

    public FiguresViewModel(Lab lab, ResourceSampler sampler, DiagramFold diagram, ScenarioModel scenario) {
        this.lab = lab;
        this.sampler = sampler;
        this.diagram = diagram;
        this.scenario = scenario;
    }

    /** Called every frame; reads the figures at most five times a second. */
    public void refresh(long now) {
        if (lastRefresh != Long.MIN_VALUE && now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        ServerStats.Snapshot s = lab.stats();
        ResourceSample r = sampler.latest();
        activeClients.set(s.active());
        echoed.set(s.echoed());
        counter.set(s.counter());
        expected.set(s.increments());
        lost.set(s.lost());
        childIncrements.set(s.childIncrements());
        processesAlive.set(1 + s.processesAlive());
        threadsAlive.set(r.threads());
        serverMemoryBytes.set(r.serverRssBytes());
        childMemoryBytes.set(r.totalRssBytes() - r.serverRssBytes());
        averageSpawnMillis.set(s.averageSpawnMillis());
        latencyP50Micros.set(r.latencyP50Micros());
        latencyP99Micros.set(r.latencyP99Micros());
        eventsPerSecond.set(r.eventsPerSecond());
        eventsDropped.set(s.eventsDropped());
        scenario.refresh(lab.syncFigures());
        for (ProcessModel p : diagram.processes()) {
            Long rss = p.isServer() ? Long.valueOf(r.serverRssBytes()) : r.childRssBytes().get(p.pid());
            if (rss != null && rss > 0) {
                p.rssBytesProperty().set(rss);
            }
        }
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
