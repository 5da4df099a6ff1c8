package echolab.ui.trace;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;

/**
 * The server's settings when the run began: the folds start from them (a worker's draining needs
 * the mode, before any event says it), as the window's do.
 */
public record TraceSettings(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                            boolean blockingLoop) {

    /** The settings a server starts with when nothing is said: those of {@link ServerOptions#defaults()}. */
    public static TraceSettings defaults() {
        return of(ServerOptions.defaults());
    }

    /** The settings of a server started with {@code options}. */
    public static TraceSettings of(ServerOptions options) {
        return new TraceSettings(options.mode(), options.protection(), options.delayMillis(),
                options.raceWindowMicros(), options.poolSize(), options.blockingLoop());
    }
}
