package echolab.ui.fold;

import echolab.events.Event;

/**
 * One feature's state, folded from the event stream: the clients, the diagram, the controls, the
 * timeline, the log, the student's server. A fold holds observable values and lists for its views
 * to bind to, and knows no node or control, so it is tested without the JavaFX toolkit.
 *
 * <p>The window's one pump ({@code echolab.ui.EventPump}) drains one subscription on one clock
 * into every fold it has, in the order they were added: a fold added after another sees each event
 * after it (the diagram after the clients, so an assigned worker finds its client). Pausing the
 * pump stops every fold at once.
 *
 * <p>Threading: the FX thread only, called by the pump.
 */
public interface Fold {

    /** Folds one event; {@code playNanos} is the play time it is shown at. */
    void apply(Event e, long playNanos);

    /**
     * Closes a frame, after its events: glows fade, what has been gone long enough leaves,
     * counts change on their cadence. Called every frame, with or without events, paused too.
     */
    default void endFrame(long playNanos) {
    }
}
