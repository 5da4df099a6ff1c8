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
import echolab.observe.Launch;
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
 * Exit 0 when every check passes, 1 when one fails (or the {@code --limit-s} ran out), 2 on a usage
 * error or when the server cannot be started, never listens, or dies during the check. The report
 * is text, JSON, Gradescope's {@code results.json} or JUnit XML ({@code --format}). {@code --each}
 * grades a folder of submissions ({@link ClassGrading}); one server's check is {@link SubmissionCheck}.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks your own echo server against the lab: runs it, drives it, watches its processes "
                + "and threads, and reports each requirement with its evidence.%n"
                + "Example: check --framing blank-line -- ./server   (the port is appended, or put {port} where it goes)%n"
                + "A class: check --each 'submissions/*/' --table grades -- ./server   (each run in its own directory)")
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
            description = "seconds without an echo before a client counts as never answered; in a wave or a burst, "
                    + "seconds without an echo to any of its clients (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, gradescope (an autograder's results.json) or junit (JUnit XML) (default: text)")
    private String format;

    @Option(names = "--json", description = "the same as --format json")
    private boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    private Path outFile;

    @Option(names = "--record", paramLabel = "FILE",
            description = "record the server's events during the check into FILE (docs/recording.md); not with --each")
    private Path record;

    @Option(names = "--each", paramLabel = "GLOB",
            description = "check every directory GLOB matches (e.g. 'submissions/*/'), one by one, each run in its "
                    + "own directory, and print the class table")
    private String each;

    @Option(names = "--table", paramLabel = "OUT",
            description = "with --each: also write OUT.md, OUT.csv and each submission's report in OUT/")
    private Path table;

    @Option(names = "--limit-s", paramLabel = "N",
            description = "seconds one check may take, start included, before it is stopped (--each: default 60)")
    private Integer limitSeconds;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "the server's command line, after --; {port} is replaced by the port, else it is appended")
    private List<String> command;

    @Override
    public Integer call() throws Exception {
        CheckSettings settings = settings();
        ReportFormat reportFormat = reportFormat();
        checkOutputs();
        if (cwd != null && !Files.isDirectory(cwd)) {
            throw new ParameterException(spec.commandLine(), "--cwd " + cwd + " is not a directory");
        }
        Duration limit = limitSeconds == null ? null : Duration.ofSeconds(limitSeconds);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        checkRecord();
        if (each != null) {
            return grade(settings, reportFormat, limit == null ? Duration.ofSeconds(DEFAULT_EACH_LIMIT_S) : limit,
                    out, err);
        }
        SubmissionCheck.Outcome outcome = attachPid != null
                ? SubmissionCheck.attach(attachPid, attachPort, settings, line -> say(err, line), record)
                : SubmissionCheck.check(new Launch(command, cwd, Duration.ofSeconds(listenTimeoutSeconds)), settings,
                        limit, line -> say(err, line), record);
        if (outcome instanceof SubmissionCheck.Checked checked) {
            write(out, reportFormat.write(checked.report(), checked.seconds()));
            return checked.report().passed() ? 0 : 1;
        }
        SubmissionCheck.NotChecked notChecked = (SubmissionCheck.NotChecked) outcome;
        err.println("check: " + notChecked.detail().reason());
        if (!notChecked.detail().output().isEmpty()) {
            err.print(notChecked.detail().output());
        }
        err.flush();
        if (reportFormat.reportsNotChecked()) {
            write(out, reportFormat.write(notChecked.detail(), notChecked.seconds()));
        }
        // out of time is the server's fault, found by checking it; exit 2 says nothing could be checked
        return notChecked.why() == SubmissionCheck.Why.TIMED_OUT ? 1 : 2;
    }

    /** {@code --record}: one server's run, into a folder that exists; one line and exit 2 otherwise. */
    private void checkRecord() {
        if (record == null) {
            return;
        }
        if (each != null) {
            throw new ParameterException(spec.commandLine(), "--record records one server's check: it cannot be used with --each");
        }
        Path folder = record.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(record)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--record': cannot write "
                    + record + ": " + (Files.isDirectory(record) ? "it is a folder" : "its folder does not exist"));
        }
    }

    /** {@code --each}'s default time limit per submission, in seconds. */
    static final int DEFAULT_EACH_LIMIT_S = 60;

    private int grade(CheckSettings settings, ReportFormat reportFormat, Duration limit, PrintWriter out,
                      PrintWriter err) throws Exception {
        List<SubmissionGlob.Submission> submissions;
        try {
            submissions = SubmissionGlob.match(each, Path.of("").toAbsolutePath());
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) { // a bad pattern, an unreadable folder
            throw new ParameterException(spec.commandLine(), "--each " + each + ": " + e.getMessage());
        }
        if (submissions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--each " + each + " matches no directory (here: "
                    + Path.of("").toAbsolutePath() + ")");
        }
        Path tableBase = null;
        if (table != null) {
            String name = table.getFileName().toString().replaceFirst("\\.(md|csv)$", "");
            tableBase = table.toAbsolutePath().resolveSibling(name);
        }
        return new ClassGrading(submissions, command, Duration.ofSeconds(listenTimeoutSeconds), settings, limit,
                tableBase, reportFormat, out, err, ProgressBar.stderrIsTerminal()).run();
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    /** The report to stdout, or to {@code --out}. */
    private void write(PrintWriter out, String text) throws java.io.IOException {
        if (outFile == null) {
            out.print(text);
            out.flush();
        } else {
            Files.writeString(outFile, text, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private ReportFormat reportFormat() {
        ReportFormat f;
        try {
            f = format == null ? ReportFormat.TEXT : ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (json) {
            if (format != null && f != ReportFormat.JSON) {
                throw new ParameterException(spec.commandLine(), "--json means --format json, not --format " + format
                        + ": give one of them");
            }
            f = ReportFormat.JSON;
        }
        return f;
    }

    /** Where reports go must exist before a server is started, so that a run is not lost at its end. */
    private void checkOutputs() {
        if (each == null) {
            if (table != null) {
                throw new ParameterException(spec.commandLine(), "--table goes with --each: the class table");
            }
        } else {
            if (outFile != null) {
                throw new ParameterException(spec.commandLine(), "--out is for one check; with --each, --table OUT "
                        + "writes the table and each submission's report");
            }
            if (table != null) {
                mustBeWritable("--table", table);
            }
        }
        if (outFile != null) {
            mustBeWritable("--out", outFile);
        }
        if (limitSeconds != null && (limitSeconds < 1 || limitSeconds > 3600)) {
            throw new ParameterException(spec.commandLine(), "--limit-s: 1 to 3600 seconds");
        }
    }

    private void mustBeWritable(String option, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": the folder " + folder
                    + " does not exist");
        }
        if (Files.isDirectory(file) && option.equals("--out")) {
            throw new ParameterException(spec.commandLine(), "--out " + file + " is a folder; name a file");
        }
    }

    private CheckSettings settings() {
        if (each != null && attachPid != null) {
            throw new ParameterException(spec.commandLine(), "--each starts each submission: it cannot --attach");
        }
        if (each != null && cwd != null) {
            throw new ParameterException(spec.commandLine(), "--each runs each submission in its own directory: "
                    + "give no --cwd");
        }
        if (attachPid != null) {
            if (attachPort == null || attachPort < 1 || attachPort > 65535) {
                throw new ParameterException(spec.commandLine(), "--attach needs --port N, the port the server listens on");
            }
            if (command != null && !command.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--attach checks a running server: give no command");
            }
        } else if (command == null || command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), each != null
                    ? "say how to run each submission after --, e.g. check --each 'submissions/*/' -- ./server"
                    : "say which server to check after --, e.g. check -- ./server (or --attach PID --port N)");
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
