package echolab.ui.sync;

import java.util.concurrent.TimeUnit;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;
import echolab.ui.model.ScenarioModel;

/**
 * The synchronization scenario as its events tell it: which one runs and how, its settings, the
 * last deadlock's graph, a suspected livelock (shown two seconds of play time). Its figures come
 * from the figures the lab publishes five times a second (see {@code FiguresFold}).
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class ScenarioFold implements Fold, Rewindable<ScenarioModel.Snapshot> {

    private static final long LIVELOCK_SHOWN = TimeUnit.SECONDS.toNanos(2);

    private final ScenarioModel scenario = new ScenarioModel();

    @Override
    public void apply(Event e, long playNanos) {
        if (e instanceof Event.SettingChanged x) {
            scenario.setting(x.name(), x.value()); // the server's own settings pass by: see ControlsFold
        } else if (e instanceof Event.DeadlockDetected x) {
            scenario.deadlock(x);
        } else if (e instanceof Event.DeadlockReset) {
            scenario.reset();
        } else if (e instanceof Event.LivelockSuspected) {
            scenario.livelockUntil(playNanos + LIVELOCK_SHOWN);
        } else if (e instanceof Event.ScenarioChanged x) {
            scenario.changed(x);
        }
    }

    @Override
    public void endFrame(long playNanos) {
        scenario.endFrame(playNanos);
    }

    /** The scenario's settings and deadlock as the events told them; its figures are the figures' fold's. */
    @Override
    public ScenarioModel.Snapshot snapshot() {
        return scenario.snapshot();
    }

    @Override
    public void restore(ScenarioModel.Snapshot snapshot) {
        scenario.restore(snapshot);
    }

    /** The scenario's settings, the last deadlock's graph, its figures. */
    public ScenarioModel scenario() {
        return scenario;
    }
}
