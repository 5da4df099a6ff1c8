package echolab.cli;

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

    @Option(names = "--port", defaultValue = "7000", paramLabel = "N",
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
        atLeast(spec, "--pool-size", poolSize, 1);
        atLeast(spec, "--delay-ms", delayMs, 0);
        atLeast(spec, "--race-window-us", raceWindowUs, 0);
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--port': expected 0..65535 but was " + port);
        }
        return ServerOptions.defaults().toBuilder().mode(mode).port(port).poolSize(poolSize).delayMillis(delayMs)
                .protection(protection).raceWindowMicros(raceWindowUs);
    }

    /** Throws the picocli error for an option below its least value. */
    public static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': expected a whole number of at least " + min + " but was " + value);
        }
    }
}
