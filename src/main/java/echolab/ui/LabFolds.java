package echolab.ui;

import java.util.List;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.ui.clients.ClientsFold;
import echolab.ui.controls.ControlsFold;
import echolab.ui.diagram.DiagramFold;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import echolab.ui.fold.Rewindable;
import echolab.ui.log.LogFold;
import echolab.ui.model.Lanes;
import echolab.ui.rewind.ChainedFold;
import echolab.ui.sync.ScenarioFold;
import echolab.ui.timeline.TimelineFold;

/**
 * The folds of EchoLab's own server, made in the order they fold each event: the log first (a row
 * names the client as it was before the event), the controls (the mode a worker's draining needs),
 * the scenario, the clients, the diagram (an assigned worker finds its client), and the timeline,
 * which closes each frame last. The window adds them to its pump; a test folds events into them by
 * hand, without the toolkit.
 *
 * <p>Threading: FX thread (or one test thread).
 */
public final class LabFolds implements Fold, Rewindable<List<Object>> {

    private final TimelineFold timeline;
    private final ControlsFold controls;
    private final ScenarioFold scenario = new ScenarioFold();
    private final ClientsFold clients;
    private final LogFold log;
    private final DiagramFold diagram;
    private final ChainedFold chain = new ChainedFold();

    /** Folds that start from the server's settings as they are, before any event arrives. */
    public LabFolds(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                    boolean blockingLoop) {
        this(mode, protection, delayMillis, raceWindowMicros, poolSize, blockingLoop, null);
    }

    /**
     * Folds as above whose lanes {@code also} sees too, every call as the folds make it (the trace
     * exporter's exact spans), or none when null.
     */
    public LabFolds(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                    boolean blockingLoop, Lanes also) {
        timeline = new TimelineFold(also);
        clients = new ClientsFold(timeline.lanes());
        log = new LogFold(clients::clientOf, clients::bySerial); // restored rows find their clients again
        controls = new ControlsFold(mode, protection, delayMillis, raceWindowMicros, poolSize, blockingLoop);
        diagram = new DiagramFold(clients, controls, timeline.lanes());
        List.of(log, controls, scenario, clients, diagram, timeline).forEach(chain::add);
    }

    /**
     * Adds the folds to {@code pump}, as one fold that keeps their order; the clients' counts and the
     * log follow its frame budget, and a rewind of the pump is a rewind of them (see {@link #replaying}).
     */
    public LabFolds addTo(EventPump pump) {
        followBudget(pump.budget());
        pump.add(this);
        pump.onReplaying(this::replaying);
        return this;
    }

    private void followBudget(FrameBudget budget) {
        clients.followBudget(budget);
        log.followBudget(budget);
    }

    /** Folds one event into every fold, in order, as the pump does. */
    @Override
    public void apply(Event e, long playNanos) {
        chain.apply(e, playNanos);
    }

    /** Closes a frame in every fold, in order, as the pump does. */
    @Override
    public void endFrame(long playNanos) {
        chain.endFrame(playNanos);
    }

    /** The state of every fold that can be put back: a checkpoint of the time machine. */
    @Override
    public List<Object> snapshot() {
        return chain.snapshot();
    }

    /**
     * Puts every fold back; the clients first, whatever their place in the order of folding: the
     * log's restored rows and the diagram look their clients up in the clients' fold.
     */
    @Override
    public void restore(List<Object> snapshot) {
        chain.restore(snapshot, clients);
    }

    /**
     * While true the folds fold again events they folded before (a rewind): the timeline, which
     * cannot be put back, neither sees them nor has its spans written twice.
     */
    public void replaying(boolean again) {
        chain.replaying(again);
        timeline.timeline().mute(again);
    }

    public ControlsFold controls() {
        return controls;
    }

    public ScenarioFold scenario() {
        return scenario;
    }

    public ClientsFold clients() {
        return clients;
    }

    public DiagramFold diagram() {
        return diagram;
    }

    public TimelineFold timeline() {
        return timeline;
    }

    public LogFold log() {
        return log;
    }
}
