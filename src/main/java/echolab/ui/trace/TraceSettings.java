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

    /**
     * The settings a recording's header names (the server's options as text: {@code mode},
     * {@code protection}, {@code delayMillis}, {@code raceWindowMicros}, {@code poolSize},
     * {@code blockingLoop}); what it does not name, or names wrongly, is the default.
     */
    public static TraceSettings of(java.util.Map<String, String> settings) {
        TraceSettings d = defaults();
        return new TraceSettings(
                parsed(settings.get("mode"), Mode::parse, d.mode()),
                parsed(settings.get("protection"), Protection::parse, d.protection()),
                parsed(settings.get("delayMillis"), Long::parseLong, d.delayMillis()),
                parsed(settings.get("raceWindowMicros"), Long::parseLong, d.raceWindowMicros()),
                parsed(settings.get("poolSize"), Integer::parseInt, d.poolSize()),
                parsed(settings.get("blockingLoop"), Boolean::parseBoolean, d.blockingLoop()));
    }

    private static <T> T parsed(String text, java.util.function.Function<String, T> parse, T otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    /** The settings of a server started with {@code options}. */
    public static TraceSettings of(ServerOptions options) {
        return new TraceSettings(options.mode(), options.protection(), options.delayMillis(),
                options.raceWindowMicros(), options.poolSize(), options.blockingLoop());
    }
}
