package echolab.cli;

import echolab.base.Limits;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The server settings that {@code serve} and {@code open} share, as one picocli mixin: the mode,
 * the port and the lab's knobs, with their defaults, their checks and their help, declared once.
 */
public final class ServerSettings {

    @Option(names = "--mode", defaultValue = "pool", converter = ModeConverter.class, paramLabel = "MODE",
            description = "iterative, processes, threads, pool, events or virtual (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--port", defaultValue = "" + echolab.engine.ServerOptions.DEFAULT_PORT, paramLabel = "N",
            description = "port to listen on; 0 picks a free one, and a taken one is replaced by a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--pool-size", defaultValue = "4", paramLabel = "N", description = "workers of the pool mode (default: ${DEFAULT-VALUE})")
    private int poolSize;

    @Option(names = "--delay-ms", defaultValue = "0", paramLabel = "N", description = "service delay before each echo (default: ${DEFAULT-VALUE})")
    private long delayMs;

    @Option(names = "--protection", defaultValue = "none", converter = ProtectionConverter.class, paramLabel = "NAME",
            description = "none, lock, semaphore or atomic (default: ${DEFAULT-VALUE})")
    private Protection protection;

    @Option(names = "--race-window-us", defaultValue = "50", paramLabel = "N",
            description = "wait between the counter's read and write (default: ${DEFAULT-VALUE})")
    private long raceWindowUs;

    /** The port asked for, which a taken port replaces. */
    public int port() {
        return port;
    }

    /**
     * The defaults of the server with these settings applied.
     *
     * @throws ParameterException naming the option, for a value out of range
     */
    public ServerOptions.Builder apply(CommandSpec spec) {
        within(spec, "--pool-size", poolSize, Limits.POOL_SIZE);
        within(spec, "--delay-ms", delayMs, Limits.DELAY_MILLIS);
        within(spec, "--race-window-us", raceWindowUs, Limits.RACE_WINDOW_MICROS);
        within(spec, "--port", port, Limits.PORT);
        return ServerOptions.defaults().toBuilder().mode(mode).port(port).poolSize(poolSize).delayMillis(delayMs)
                .protection(protection).raceWindowMicros(raceWindowUs);
    }

    /** Throws the picocli error for an option outside its range: one line naming the allowed values. */
    public static void within(CommandSpec spec, String option, long value, Limits.Range range) {
        if (!range.contains(value)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': expected " + range.min() + ".." + range.max() + " but was " + value);
        }
    }
}
