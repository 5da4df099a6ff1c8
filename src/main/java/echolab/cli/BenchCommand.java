package echolab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import echolab.bench.Bench;
import echolab.bench.BenchReport;
import echolab.bench.Workload;
import echolab.engine.Mode;
import echolab.sync.Protection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the same workload against each mode, in this JVM, on real sockets; a progress line
 * on stderr while it runs, a table on stdout, and CSV, JSON or Markdown to {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures every mode on the same workload: throughput, latency, start-up cost, memory, CPU.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--modes", split = ",", converter = ModeConverter.class, paramLabel = "MODE,...",
            description = "modes to measure (default: all; virtual needs Java 21+)")
    private List<Mode> modes;

    /** With --churn every connection of the processes mode starts a JVM: smaller defaults keep a run short. */
    static final int CLIENTS = 50, LINES = 200, CHURN_CLIENTS = 10, CHURN_LINES = 20;

    @Option(names = "--clients", paramLabel = "N",
            description = "connections at once; with --churn, slots (default: " + CLIENTS + "; with --churn " + CHURN_CLIENTS + ")")
    private Integer clientsGiven;

    @Option(names = "--lines", paramLabel = "N",
            description = "round trips per connection; with --churn, connections per slot (default: " + LINES + "; with --churn " + CHURN_LINES + ")")
    private Integer linesGiven;

    @Option(names = "--bytes", defaultValue = "64", paramLabel = "N", description = "bytes per line, newline included (default: ${DEFAULT-VALUE})")
    private int bytes;

    @Option(names = "--delay-ms", defaultValue = "0", paramLabel = "N", description = "service delay (default: ${DEFAULT-VALUE})")
    private long delayMs;

    @Option(names = "--protection", defaultValue = "none", converter = ProtectionConverter.class, paramLabel = "NAME",
            description = "none, lock, semaphore or atomic (default: ${DEFAULT-VALUE})")
    private Protection protection;

    @Option(names = "--pool-size", defaultValue = "8", paramLabel = "N", description = "workers of the pool mode (default: ${DEFAULT-VALUE})")
    private int poolSize;

    @Option(names = "--churn", description = "one line per connection: measures connections per second")
    private boolean churn;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "runs per mode; figures are medians (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Option(names = "--events", defaultValue = "off", paramLabel = "on|off",
            description = "whether the server's events are taken off the bus, as the window does (default: ${DEFAULT-VALUE})")
    private String events;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the results to FILE.csv, FILE.json or FILE.md")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Workload workload = workload();
        Bench.Report report = Bench.run(workload, p -> {
            System.err.printf(Locale.ROOT, "\r%-70s", p.step().equals("done") ? "done"
                    : String.format(Locale.ROOT, "%3.0f%%  %s, run %d of %d", 100 * p.fraction(), p.mode(), p.run(),
                    workload.repeat()));
            System.err.flush();
        }, () -> false);
        System.err.println();
        System.out.print(BenchReport.table(report));
        if (out != null) {
            Files.writeString(out, render(out, report), StandardCharsets.UTF_8);
            System.out.println("written to " + out);
        }
        return 0;
    }

    private Workload workload() {
        int clients = clientsGiven != null ? clientsGiven : churn ? CHURN_CLIENTS : CLIENTS;
        int lines = linesGiven != null ? linesGiven : churn ? CHURN_LINES : LINES;
        for (Object[] check : new Object[][] {{"--clients", clients}, {"--lines", lines}, {"--repeat", repeat},
                {"--pool-size", poolSize}}) {
            if ((int) check[1] < 1) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid value for option '" + check[0] + "': expected at least 1 but was " + check[1]);
            }
        }
        if (bytes < 2) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--bytes': expected at least 2 but was " + bytes);
        }
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--delay-ms': expected at least 0 but was " + delayMs);
        }
        if (!events.equals("on") && !events.equals("off")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--events': expected on or off but was '" + events + "'");
        }
        if (out != null && !List.of("csv", "json", "md").contains(extension(out))) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': expected a file ending in .csv, .json or .md but was '" + out + "'");
        }
        List<Mode> chosen = modes == null || modes.isEmpty() ? List.of(Mode.values()) : new ArrayList<>(modes);
        return new Workload(chosen, clients, lines, bytes, delayMs, protection, churn, repeat, events.equals("on"), poolSize);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String render(Path file, Bench.Report report) {
        return switch (extension(file)) {
            case "csv" -> BenchReport.csv(report);
            case "json" -> BenchReport.json(report);
            default -> BenchReport.markdown(report);
        };
    }
}
