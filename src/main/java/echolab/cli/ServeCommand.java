package echolab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import echolab.base.LabThreads;
import echolab.base.Limits;
import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.events.EventDrain;
import echolab.events.Subscription;
import echolab.lab.BindAddress;
import echolab.record.RecordingWriter;
import echolab.sync.DeadlockFix;
import echolab.sync.Scenario;
import echolab.sync.SyncLab;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the echo server without a window. Says where it listens (on stderr), optionally prints
 * every event as a JSON line and records them to a file, takes live commands on stdin, and ends with a
 * summary line on {@code quit}, SIGINT or SIGTERM. Its stdout is JSON lines only.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the echo server without a window.%n"
                + "Live commands on stdin: " + ServerCommands.COMMANDS + ".")
public final class ServeCommand implements Callable<Integer> {

    private static final int EVENT_QUEUE = 1 << 16;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerSettings settings;

    @Option(names = "--bind", defaultValue = ServerOptions.LOOPBACK, paramLabel = "ADDR",
            description = "address to listen on (default: ${DEFAULT-VALUE}); anything else opens the server to the network")
    private String bind;

    @Option(names = "--max-line", defaultValue = "65536", paramLabel = "BYTES", description = "longest line (default: ${DEFAULT-VALUE})")
    private int maxLine;

    @Option(names = "--max-connections", defaultValue = "256", paramLabel = "N", description = "connections at once (default: ${DEFAULT-VALUE})")
    private int maxConnections;

    @Mixin
    private PerHostLimit perHost;

    @Option(names = "--max-processes", defaultValue = "32", paramLabel = "N", description = "child processes at once (default: ${DEFAULT-VALUE})")
    private int maxProcesses;

    @Option(names = "--blocking-loop", description = "events mode: wait the delay inside the loop, stalling every client")
    private boolean blockingLoop;

    @Option(names = "--scenario", defaultValue = "none", converter = ScenarioConverter.class, paramLabel = "NAME",
            description = "none, handoff, deadlock, starvation or semaphore (default: ${DEFAULT-VALUE}); needs a mode with worker threads")
    private Scenario scenario;

    @Option(names = "--safe", description = "run the scenario with its fix: own copies, one lock order, a fair lock")
    private boolean safe;

    @Option(names = "--deadlock-fix", converter = DeadlockFixConverter.class, paramLabel = "NAME",
            description = "none, order, trylock-fixed or trylock-random (overrides --safe for the deadlock)")
    private DeadlockFix deadlockFix;

    @Option(names = "--permits", defaultValue = "2", paramLabel = "K", description = "semaphore scenario: workers let in at once (default: ${DEFAULT-VALUE})")
    private int permits;

    @Option(names = "--handoff-window-us", defaultValue = "2000", paramLabel = "N",
            description = "hand-off scenario: how late a new worker reads the shared slot (default: ${DEFAULT-VALUE})")
    private long handoffWindowUs;

    @Option(names = "--hold-ms", defaultValue = "20", paramLabel = "N",
            description = "deadlock: time a worker holds its first resource before asking for the second (default: ${DEFAULT-VALUE})")
    private long holdMs;

    @Option(names = "--events", description = "print every event as a JSON line on stdout")
    private boolean events;

    @Option(names = "--record", paramLabel = "FILE",
            description = "record every event into FILE: JSON lines in gzip chunks (docs/recording.md)")
    private Path record;

    @Option(names = "--no-events", description = "do not publish events at all, to measure the bare server")
    private boolean noEvents;

    @Option(names = "--watch-events",
            description = "take every event off the bus as the window does, without printing: to measure the cost of watching")
    private boolean watchEvents;

    @Override
    public Integer call() throws Exception {
        ServerOptions options = options();
        if (record != null && noEvents) {
            throw new ParameterException(spec.commandLine(), "--record records the events: it cannot be used with --no-events");
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        JsonLines json = new JsonLines(out);
        EventBus bus = new EventBus(!noEvents);
        Subscription printed = events && !noEvents ? bus.subscribe("serve --events", EVENT_QUEUE) : null;
        EventDrain watcher = watchEvents && !noEvents ? new EventDrain(bus.subscribe("serve --watch-events", EVENT_QUEUE)) : null;
        InetAddress address = address();
        RecordingWriter recorder = Recordings.start(spec, record, Recordings.header(options), bus);
        EchoServer server;
        try {
            server = EchoServer.start(options, bus);
        } catch (IllegalArgumentException e) {
            Recordings.close(recorder);
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--mode': " + e.getMessage());
        } catch (java.net.BindException e) {
            Recordings.close(recorder);
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--bind': cannot listen on "
                    + bind + ": " + e.getMessage() + " (is it an address of this machine?)");
        }
        applyScenario(server);
        String warning = BindAddress.warning(address, bind);
        if (warning != null) {
            System.err.println(warning);
        }
        if (server.requestedPortTaken()) {
            System.err.println("warning: port " + settings.port() + " is taken; listening on " + server.port() + " instead");
        }
        CountDownLatch quit = new CountDownLatch(1);
        Signals.onTermination(quit::countDown);
        // on stderr, so that stdout is JSON lines only and `serve --events | jq` works
        System.err.println("listening on " + server.host() + ":" + server.port() + " mode=" + server.mode().id());
        System.err.flush();

        EventPrinter printer = printed == null ? null : new EventPrinter(printed, json);
        if (printer != null) {
            printer.start();
        }
        startCommandReader(server, json, quit);
        quit.await();

        server.close();
        if (printer != null) {
            printer.stop();
        }
        if (watcher != null) {
            watcher.close();
        }
        Recordings.close(recorder);
        json.print(json.object("summary", server.stats(), server.sync().figures()));
        json.flush();
        return 0;
    }

    private void applyScenario(EchoServer server) {
        SyncLab sync = server.sync();
        sync.setHoldMillis(holdMs);
        sync.setHandoffWindowMicros(handoffWindowUs);
        sync.setPermits(permits);
        sync.setSafe(safe);
        if (deadlockFix != null) {
            sync.setFix(deadlockFix);
        }
        sync.setScenario(scenario);
        if (scenario != Scenario.NONE && !Set.of(Mode.THREADS, Mode.POOL).contains(server.mode())) {
            System.err.println("warning: the " + scenario.id() + " scenario shows in the threads and pool modes; "
                    + "switch with: mode threads");
        }
    }

    /** The address {@code --bind} names; one line and exit 2 when there is no such host. */
    private InetAddress address() {
        try {
            return BindAddress.resolve(bind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--bind': " + e.getMessage());
        }
    }

    private ServerOptions options() {
        within("--permits", permits, Limits.PERMITS);
        within("--handoff-window-us", handoffWindowUs, Limits.HANDOFF_WINDOW_MICROS);
        within("--hold-ms", holdMs, Limits.HOLD_MILLIS);
        within("--max-line", maxLine, Limits.MAX_LINE_BYTES);
        within("--max-connections", maxConnections, Limits.MAX_CONNECTIONS);
        within("--max-processes", maxProcesses, Limits.MAX_PROCESSES);
        ServerOptions.Builder options = perHost.apply(spec, settings.apply(spec)).host(bind).maxLineBytes(maxLine)
                .maxConnections(maxConnections).maxProcesses(maxProcesses).blockingLoop(blockingLoop);
        try {
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void within(String option, long value, Limits.Range range) {
        ServerSettings.within(spec, option, value, range);
    }

    /** The longest command line read; anything longer is not a command and is skipped. */
    private static final int MAX_COMMAND = 1024;

    /** What {@link #boundedLine} gives for a line longer than a command can be. */
    static final String TOO_LONG = "\u0000too long";

    /**
     * The next line of stdin, or null at its end. A line longer than a command can be is cut off,
     * the rest of it skipped and {@link #TOO_LONG} given instead, so that a stream without newlines
     * (say, stdin from /dev/zero) costs a little CPU and no memory.
     */
    static String boundedLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() < MAX_COMMAND) {
                line.append((char) c);
            }
        }
        if (c < 0 && line.length() == 0) {
            return null;
        }
        return line.length() >= MAX_COMMAND ? TOO_LONG : line.toString().replace("\r", "");
    }

    /** Reads live commands until {@code quit}; the end of stdin leaves the server running. */
    private static void startCommandReader(EchoServer server, JsonLines json, CountDownLatch quit) {
        LabThreads.startDaemon("echolab-stdin", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = boundedLine(in)) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (line.equals(TOO_LONG)) {
                        System.err.println("error: a line of more than " + MAX_COMMAND + " characters is not a command; skipped");
                        continue;
                    }
                    try {
                        switch (ServerCommands.apply(server, line)) {
                            case QUIT -> {
                                quit.countDown();
                                return;
                            }
                            case STATS -> {
                                json.print(json.object("stats", server.stats(), server.sync().figures()));
                                json.flush();
                            }
                            case APPLIED -> { }
                        }
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        System.err.println("error: " + e.getMessage());
                    } catch (RuntimeException | Error e) { // whatever went wrong, the next command (quit) still gets through
                        System.err.println("error: '" + line.strip() + "' failed: " + e);
                    }
                }
            } catch (IOException e) {
                System.err.println("error: stdin: " + e.getMessage());
            }
        });
    }
}
