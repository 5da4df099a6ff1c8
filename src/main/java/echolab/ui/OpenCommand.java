package echolab.ui;

import java.util.concurrent.Callable;

import echolab.cli.ScenarioConverter;
import echolab.cli.ServerSettings;
import echolab.engine.ServerOptions;
import echolab.sync.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code open}: the window, set up before it appears: a mode, settings, a few clients already
 * talking, the presenter view. With no arguments at all the jar opens the window with defaults.
 */
@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens the window, optionally in a given mode with clients already running.")
public final class OpenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerSettings settings;

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
        ServerOptions options;
        try {
            options = settings.apply(spec).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EchoLabApp.open(new EchoLabApp.Setup(options, slowClients, clients, presenter, sync, compare));
        return 0;
    }
}
