package echolab.ui.log;

import java.util.function.Function;
import java.util.function.LongFunction;

import echolab.events.Event;
import echolab.ui.fold.Cadence;
import echolab.ui.fold.Fold;
import echolab.ui.fold.FrameBudget;
import echolab.ui.fold.Rewindable;
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
public final class LogFold implements Fold, Rewindable<LogModel.Snapshot> {

    private final LogModel log = new LogModel();
    private final Function<Event, ClientModel> clientOf;
    private final LongFunction<ClientModel> clientBySerial;
    private final Cadence cadence = new Cadence(6, 0.66);

    /**
     * A log whose rows name the client that {@code clientOf} finds for an event (null: none). A
     * restored row names its client as it was then and is not renamed later: see the other constructor.
     */
    public LogFold(Function<Event, ClientModel> clientOf) {
        this(clientOf, serial -> null);
    }

    /**
     * A log whose restored rows are joined again to the clients {@code clientBySerial} finds
     * ({@code ClientsFold::bySerial}); the clients' fold must be restored first.
     */
    public LogFold(Function<Event, ClientModel> clientOf, LongFunction<ClientModel> clientBySerial) {
        this.clientOf = clientOf;
        this.clientBySerial = clientBySerial;
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

    @Override
    public LogModel.Snapshot snapshot() {
        return log.snapshot();
    }

    @Override
    public void restore(LogModel.Snapshot snapshot) {
        log.restore(snapshot, clientBySerial);
    }

    public LogModel log() {
        return log;
    }
}
