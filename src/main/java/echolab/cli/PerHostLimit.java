package echolab.cli;

import echolab.base.Limits;
import echolab.engine.ServerOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --max-per-host N}, which {@code serve} and {@code open} share as one picocli mixin: its
 * default, its check and its help declared once. A classroom option like {@code --bind}, not one
 * of the lab's knobs in {@link ServerSettings}, so giving it does not make {@code open} set aside
 * the remembered mode and settings. Threading: the command line's thread, once.
 */
public final class PerHostLimit {

    @Option(names = "--max-per-host", defaultValue = "" + ServerOptions.DEFAULT_MAX_PER_HOST, paramLabel = "N",
            description = "connections one other machine may have open at once; more are turned away (default:"
                    + " ${DEFAULT-VALUE}). This machine's own, from the loopback (the lab's simulated clients, your"
                    + " terminal), are not limited")
    private int maxPerHost;

    /**
     * {@code options} with this limit.
     *
     * @throws ParameterException naming the option, for a value out of range
     */
    public ServerOptions.Builder apply(CommandSpec spec, ServerOptions.Builder options) {
        ServerSettings.within(spec, "--max-per-host", maxPerHost, Limits.MAX_PER_HOST);
        return options.maxPerHost(maxPerHost);
    }
}
