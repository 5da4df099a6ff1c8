package echolab.ui;

import java.util.concurrent.Callable;

import echolab.cli.ModeConverter;
import echolab.cli.ProtectionConverter;
import echolab.cli.ScenarioConverter;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.sync.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code open}: the window, set up before it appears: a mode, settings, a few clients already
 * talking, the presenter view. With no arguments at all the jar opens the window with defaults.
 */
@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens the window, optionally in a given mode with clients already running.")
public final class OpenCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "pool", converter = ModeConverter.class, paramLabel = "MODE",
            description = "iterative, processes, threads, pool, events or virtual (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--port", defaultValue = "7000", paramLabel = "N", description = "port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--pool-size", defaultValue = "4", paramLabel = "N", description = "pool workers (default: ${DEFAULT-VALUE})")
    private int poolSize;

    @Option(names = "--delay-ms", defaultValue = "0", paramLabel = "N", description = "service delay (default: ${DEFAULT-VALUE})")
    private long delayMs;

    @Option(names = "--protection", defaultValue = "none", converter = ProtectionConverter.class, paramLabel = "NAME",
            description = "none, lock, semaphore or atomic (default: ${DEFAULT-VALUE})")
    private Protection protection;

    @Option(names = "--race-window-us", defaultValue = "50", paramLabel = "N", description = "race window (default: ${DEFAULT-VALUE})")
    private long raceWindowUs;

    @Option(names = "--clients", defaultValue = "0", paramLabel = "N", description = "clients to add at once (default: ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--slow-clients", defaultValue = "0", paramLabel = "N", description = "slow clients to add first (default: ${DEFAULT-VALUE})")
    private int slowClients;

    @Option(names = "--presenter", description = "start in the presenter view (large type, strong contrast)")
    private boolean presenter;

    @Option(names = "--sync", converter = ScenarioConverter.class, paramLabel = "SCENARIO",
            description = "show the Synchronization lab with this scenario set up: handoff, deadlock, starvation or semaphore")
    private Scenario sync;

    @Option(names = "--compare", description = "show the Compare tab and run a comparison of every mode with its small defaults")
    private boolean compare;

    @Override
    public Integer call() {
        ServerOptions options = ServerOptions.defaults().toBuilder().port(port).mode(mode).poolSize(poolSize)
                .delayMillis(delayMs).protection(protection).raceWindowMicros(raceWindowUs).build();
        EchoLabApp.open(new EchoLabApp.Setup(options, slowClients, clients, presenter, sync, compare));
        return 0;
    }
}
