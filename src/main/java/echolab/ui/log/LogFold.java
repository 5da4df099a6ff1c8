package echolab.ui.log;

import java.util.function.Function;

import echolab.events.Event;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import echolab.ui.model.ClientModel;
import echolab.ui.model.LogFormat;
import echolab.ui.model.LogModel;

/**
 * The event log: every event, with the client it concerns as the window knows it then. Added to
 * the pump before the clients' fold, so that an event is logged with the client as it was before
 * the event. The figures' events are left out. Rows show six times a second of play time (so not while paused), within the frame budget.
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class LogFold implements Fold {

    private final LogModel log = new LogModel();
    private final Function<Event, ClientModel> clientOf;
    private final Cadence cadence = new Cadence(6, 0.66);

    /** A log whose rows name the client that {@code clientOf} finds for an event (null: none). */
    public LogFold(Function<Event, ClientModel> clientOf) {
        this.clientOf = clientOf;
    }

    /** The rows redraw within the window's frame budget (see {@link Cadence#followsBudget}). */
    public LogFold followBudget(FrameBudget budget) {
        cadence.followsBudget(budget);
        return this;
    }

    @Override
    public void apply(Event e, long playNanos) {
        if (LogFormat.isFigures(e.getClass())) {
            return; // how things stand, five times a second: the figures show it, the log tells what happened
        }
        log.add(e, clientOf.apply(e), null);
    }

    @Override
    public void endFrame(long playNanos) {
        if (cadence.due(playNanos)) {
            log.flush();
        }
    }

    public LogModel log() {
        return log;
    }
}
