package echolab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import echolab.observe.Launch;
import echolab.observe.check.CheckSettings;
import echolab.observe.check.report.ClassTable;
import echolab.observe.check.report.CouldNotCheck;
import echolab.observe.check.report.ClassTable.Result;
import echolab.observe.check.report.ClassTable.Row;

/**
 * {@code check --each}: a teacher's grading run. Checks each submission in turn, in its own
 * directory, within its time limit, with nothing of one left running when the next starts; then
 * the class table (Markdown on stdout, and {@code OUT.md}, {@code OUT.csv} and each submission's
 * report in {@code OUT/} with {@code --table OUT}) and a line with the counts.
 */
final class ClassGrading {

    private final List<SubmissionGlob.Submission> submissions;
    private final List<String> command;
    private final Duration listenTimeout;
    private final CheckSettings settings;
    private final Duration limit;
    private final Path table;
    private final ReportFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean inPlace;

    /**
     * @param table where the table goes, without its ending ({@code OUT} gives {@code OUT.md}, ...), or null
     */
    ClassGrading(List<SubmissionGlob.Submission> submissions, List<String> command, Duration listenTimeout,
                 CheckSettings settings, Duration limit, Path table, ReportFormat format, PrintWriter out,
                 PrintWriter err, boolean inPlace) {
        this.submissions = List.copyOf(submissions);
        this.command = List.copyOf(command);
        this.listenTimeout = listenTimeout;
        this.settings = settings;
        this.limit = limit;
        this.table = table;
        this.format = format;
        this.out = out;
        this.err = err;
        this.inPlace = inPlace;
    }

    /** Runs them all; 0 when every submission passed every check, else 1. */
    int run() throws InterruptedException, IOException {
        long start = System.nanoTime();
        ClassTable rows = new ClassTable();
        ProgressBar bar = new ProgressBar(err, submissions.size(), inPlace);
        Path reports = table == null ? null : Files.createDirectories(table);
        int i = 0;
        for (SubmissionGlob.Submission s : submissions) {
            bar.start(++i, s.name());
            SubmissionCheck.Outcome outcome = SubmissionCheck.check(new Launch(command, s.directory(), listenTimeout),
                    settings, limit, bar::phase);
            Row row = row(s.name(), outcome);
            rows.add(row);
            bar.finished(line(row));
            if (reports != null) {
                String text = outcome instanceof SubmissionCheck.Checked c ? format.write(c.report(), c.seconds())
                        : format.write(((SubmissionCheck.NotChecked) outcome).detail(), outcome.seconds());
                Files.writeString(reports.resolve(s.name().replace('/', '_') + "." + format.extension()), text,
                        StandardCharsets.UTF_8);
            }
        }
        bar.close();
        String summary = rows.summary((System.nanoTime() - start) / 1e9);
        String markdown = rows.toMarkdown();
        out.print(markdown);
        out.println();
        out.println(summary);
        out.flush();
        if (table != null) {
            Files.writeString(withEnding(table, ".md"), markdown + "\n" + summary + "\n", StandardCharsets.UTF_8);
            Files.writeString(withEnding(table, ".csv"), rows.toCsv(), StandardCharsets.UTF_8);
        }
        return rows.count(Result.PASSED) == rows.rows().size() ? 0 : 1;
    }

    static Path withEnding(Path table, String ending) {
        return table.resolveSibling(table.getFileName() + ending);
    }

    private static Row row(String name, SubmissionCheck.Outcome outcome) {
        String leftovers = outcome.stopped().contains("outlived") ? " (" + outcome.stopped() + ")" : "";
        if (outcome instanceof SubmissionCheck.Checked c) {
            Row r = Row.checked(name, c.report(), c.seconds());
            return leftovers.isEmpty() ? r : new Row(r.submission(), r.model(), r.checks(), r.seconds(),
                    (r.note() + leftovers).strip(), r.result());
        }
        SubmissionCheck.NotChecked n = (SubmissionCheck.NotChecked) outcome;
        return switch (n.why()) {
            case DID_NOT_START -> Row.notChecked(name, "did not start: " + oneLine(n.detail()), n.seconds(),
                    Result.DID_NOT_START);
            case TIMED_OUT -> Row.notChecked(name, n.detail().reason() + leftovers, n.seconds(), Result.FAILED);
            case FAILED_DURING_CHECK -> Row.notChecked(name, "could not be checked: " + oneLine(n.detail())
                    + leftovers, n.seconds(), Result.FAILED);
        };
    }

    /** The reason and the program's last line, on one line that a table cell can hold. */
    static String oneLine(CouldNotCheck detail) {
        String reason = detail.reason().replaceFirst(";? ?its last output:$", "").strip();
        List<String> lines = detail.output().lines().map(l -> l.replaceFirst("^  [!|] ", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        String text = lines.isEmpty() ? reason : reason + " (last output: " + lines.get(lines.size() - 1) + ")";
        return text.length() > NOTE_CHARACTERS ? text.substring(0, NOTE_CHARACTERS - 1) + "…" : text;
    }

    /** A note longer than this is cut: the whole reason is in the submission's own report. */
    private static final int NOTE_CHARACTERS = 200;

    private static String line(Row row) {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", row.seconds());
        return switch (row.result()) {
            case PASSED -> "passed every check (" + row.model() + ", " + seconds + ")";
            case FAILED -> (row.checks().isEmpty() ? row.note() : row.note() + " (" + row.model() + ")") + ", "
                    + seconds;
            case DID_NOT_START -> row.note();
        };
    }
}
