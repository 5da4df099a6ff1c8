package echolab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import echolab.clients.Framing;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.observe.check.CheckReport;
import echolab.observe.check.CheckRun;
import echolab.observe.check.CheckSettings;
import echolab.observe.check.CounterUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code check}: starts a student's echo server, drives it with EchoLab's clients while watching
 * its processes and threads, and says which of the lab's requirements hold, with the evidence.
 * Exit 0 when every check passes, 1 when one fails, 2 on a usage error or when the server cannot
 * be started, never listens, or dies during the check.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks your own echo server against the lab: runs it, drives it, watches its processes "
                + "and threads, and reports each requirement with its evidence.%n"
                + "Example: check --framing blank-line -- ./server   (the port is appended, or put {port} where it goes)")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--framing", defaultValue = "auto", paramLabel = "NAME",
            description = "line (\\n), blank-line (\\r\\n\\r\\n) or auto: find out (default: ${DEFAULT-VALUE})")
    private String framing;

    @Option(names = "--bursts", defaultValue = "1,8,16,32", split = ",", paramLabel = "N,...",
            description = "sizes of the bursts of clients connecting at once (default: ${DEFAULT-VALUE})")
    private List<Integer> bursts;

    @Option(names = "--counter-pattern", paramLabel = "REGEX",
            description = "a pattern with one group: the running total the server prints, e.g. 'echoed (\\d+) bytes'")
    private String counterPattern;

    @Option(names = "--counter-unit", defaultValue = "bytes", paramLabel = "UNIT",
            description = "what that total counts: bytes or lines (default: ${DEFAULT-VALUE})")
    private String counterUnit;

    @Option(names = "--timeout-s", defaultValue = "5", paramLabel = "N",
            description = "seconds a client waits for its echo before it counts as never answered (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds;

    @Option(names = "--listen-timeout-s", defaultValue = "10", paramLabel = "N",
            description = "seconds the program may take to listen (default: ${DEFAULT-VALUE})")
    private int listenTimeoutSeconds;

    @Option(names = "--cwd", paramLabel = "DIR", description = "directory to run the program in (default: this one)")
    private Path cwd;

    @Option(names = "--attach", paramLabel = "PID",
            description = "check a server that is already running, with this PID (and --port); it is left running")
    private Long attachPid;

    @Option(names = "--port", paramLabel = "N", description = "with --attach: the port it listens on")
    private Integer attachPort;

    @Option(names = "--json", description = "print the report as one JSON object")
    private boolean json;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "the server's command line, after --; {port} is replaced by the port, else it is appended")
    private List<String> command;

    @Override
    public Integer call() throws Exception {
        CheckSettings settings = settings();
        if (cwd != null && !Files.isDirectory(cwd)) {
            throw new ParameterException(spec.commandLine(), "--cwd " + cwd + " is not a directory");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        EventBus events = new EventBus();
        StudentServer server;
        Launch launch = attachPid != null ? null : new Launch(command, cwd, Duration.ofSeconds(listenTimeoutSeconds));
        try {
            server = launch == null ? StudentServer.attach(attachPid, attachPort, events)
                    : StudentServer.start(launch, events);
        } catch (LaunchException e) {
            err.println("check: " + e.getMessage());
            if (!e.output().isEmpty()) {
                err.print(e.output());
            }
            err.flush();
            return 2;
        }
        Thread hook = new Thread(server::stop, "echolab-check-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (TreeSampler sampler = TreeSampler.start(server, events)) {
            err.println("checking " + server.command() + " (PID " + server.pid() + ")");
            err.flush();
            CheckReport report = CheckRun.run(server, sampler, launch, events, settings, line -> {
                err.println("  " + line);
                err.flush();
            });
            out.print(json ? report.toJson() + "\n" : report.toText());
            out.flush();
            return report.passed() ? 0 : 1;
        } catch (CheckRun.Failed e) {
            err.println("check: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            String how = server.stop();
            err.println("the server " + how);
            err.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: the server is being stopped anyway
            }
        }
    }

    private CheckSettings settings() {
        if (attachPid != null) {
            if (attachPort == null || attachPort < 1 || attachPort > 65535) {
                throw new ParameterException(spec.commandLine(), "--attach needs --port N, the port the server listens on");
            }
            if (command != null && !command.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--attach checks a running server: give no command");
            }
        } else if (command == null || command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "say which server to check after --, e.g. check -- ./server "
                    + "(or --attach PID --port N)");
        } else if (attachPort != null) {
            throw new ParameterException(spec.commandLine(), "--port goes with --attach; a started server gets a free port");
        }
        Framing f;
        try {
            f = "auto".equals(framing) ? null : Framing.parse(framing);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--framing: unknown framing '" + framing
                    + "' (allowed: line, blank-line, auto)");
        }
        if (bursts.isEmpty() || bursts.stream().anyMatch(b -> b < 1 || b > 256)) {
            throw new ParameterException(spec.commandLine(), "--bursts: each burst is 1 to 256 clients");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 120) {
            throw new ParameterException(spec.commandLine(), "--timeout-s: 1 to 120 seconds");
        }
        if (listenTimeoutSeconds < 1 || listenTimeoutSeconds > 120) {
            throw new ParameterException(spec.commandLine(), "--listen-timeout-s: 1 to 120 seconds");
        }
        CounterUnit unit;
        try {
            unit = CounterUnit.parse(counterUnit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--counter-unit: " + e.getMessage());
        }
        Pattern pattern = null;
        if (counterPattern != null) {
            try {
                pattern = Pattern.compile(counterPattern);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--counter-pattern is not a valid pattern: "
                        + e.getDescription());
            }
            if (pattern.matcher("").groupCount() != 1) {
                throw new ParameterException(spec.commandLine(), "--counter-pattern needs exactly one group, "
                        + "the total, e.g. 'echoed (\\d+) bytes'");
            }
        }
        return new CheckSettings(f, bursts, pattern, unit, timeoutSeconds);
    }
}
