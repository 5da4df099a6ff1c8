package echolab.observe.check.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import echolab.observe.check.CheckReport;
import echolab.observe.check.Verdict;

/**
 * A teacher's grading run as one table, a row per submission: its model, each check's pass, fail or
 * skip, its time, and a note (what failed, or why it could not be checked); as Markdown and CSV,
 * and a closing line with the counts.
 */
public final class ClassTable {

    /** How one submission ended. */
    public enum Result {
        PASSED, FAILED, DID_NOT_START
    }

    /**
     * One submission.
     *
     * @param checks each check's id and {@code pass}, {@code fail} or {@code skip}, in the report's
     *               order; empty when it was not checked
     */
    public record Row(String submission, String model, Map<String, String> checks, double seconds, String note,
                      Result result) {

        public Row {
            checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
            note = note == null ? "" : note;
            model = model == null ? "" : model;
        }

        /** A submission that was checked: its note names the failed checks. */
        public static Row checked(String submission, CheckReport report, double seconds) {
            Map<String, String> checks = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            for (Verdict v : report.verdicts()) {
                checks.put(v.id(), v.status().id());
                if (v.status() == echolab.observe.check.Status.FAIL) {
                    failed.add(v.id());
                }
            }
            return new Row(submission, report.model().isEmpty() ? "not recognised" : report.model(), checks, seconds,
                    failed.isEmpty() ? "" : "failed: " + String.join(", ", failed),
                    report.passed() ? Result.PASSED : Result.FAILED);
        }

        /** A submission with no report: {@code result} says whether it did not start or failed midway. */
        public static Row notChecked(String submission, String note, double seconds, Result result) {
            return new Row(submission, "", Map.of(), seconds, note, result);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Every check id of every row, in the order they first appear. */
    public List<String> checkIds() {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.addAll(r.checks().keySet()));
        return List.copyOf(ids);
    }

    private static final List<String> OWN_COLUMNS = List.of("submission", "model", "seconds", "note");

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("submission", "model"));
        // the check named "model" (whether one was recognised) is not the model column beside it
        checkIds().forEach(id -> h.add(OWN_COLUMNS.contains(id) ? id + " check" : id));
        h.add("seconds");
        h.add("note");
        return h;
    }

    private List<String> cells(Row r) {
        List<String> c = new ArrayList<>(List.of(r.submission(), r.model()));
        for (String id : checkIds()) {
            c.add(r.checks().getOrDefault(id, ""));
        }
        c.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
        c.add(r.note());
        return c;
    }

    /** A Markdown table, a row per submission. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        List<String> header = header();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (Row r : rows) {
            sb.append("| ");
            sb.append(String.join(" | ", cells(r).stream().map(ClassTable::markdownCell).toList()));
            sb.append(" |\n");
        }
        return sb.toString();
    }

    /** The same table as CSV (RFC 4180: a field with a comma, quote or line break is quoted). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header().stream().map(ClassTable::csvField).toList())).append("\r\n");
        for (Row r : rows) {
            sb.append(String.join(",", cells(r).stream().map(ClassTable::csvField).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /** E.g. "60 submissions in 4 min 12 s: 41 passed every check, 17 failed one or more, 2 did not start". */
    public String summary(double totalSeconds) {
        long passed = count(Result.PASSED);
        long failed = count(Result.FAILED);
        long notStarted = count(Result.DID_NOT_START);
        return rows.size() + " submission" + (rows.size() == 1 ? "" : "s") + " in " + duration(totalSeconds) + ": "
                + passed + " passed every check, " + failed + " failed one or more, " + notStarted + " did not start";
    }

    public long count(Result result) {
        return rows.stream().filter(r -> r.result() == result).count();
    }

    /** "42 s", "4 min 12 s", "1 h 3 min". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    private static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " ");
    }

    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
