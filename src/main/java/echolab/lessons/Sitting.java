package echolab.lessons;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One class sitting's record: for every question answered and run, what was predicted (or the
 * hands raised per choice) and what was measured, so the teacher sees afterwards what the class
 * believed. Threading: any thread.
 */
public final class Sitting {

    /**
     * One prediction and its outcome.
     *
     * @param step       the question's place in the lesson, from 1
     * @param prediction the answer ("2. Fewer than 200"), the tally ("1. All 200: 4 · 2. Fewer than 200: 17") or the number
     * @param measured   what the run measured for it ("lost = 57; right: 2. Fewer than 200")
     * @param holds      whether the run's expectations held (the reveal was shown)
     */
    public record Row(Instant time, String lesson, int step, String question, String prediction, String measured,
                      boolean holds) {}

    static final String CSV_HEADER = "time,lesson,step,question,prediction,measured,holds";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final List<Row> rows = new CopyOnWriteArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The record as CSV (RFC 4180: fields with commas, quotes or line breaks quoted), a header first. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Row r : rows) {
            out.append(String.join(",", TIME.format(r.time()), csv(r.lesson()), Integer.toString(r.step()),
                    csv(r.question()), csv(r.prediction()), csv(r.measured()), Boolean.toString(r.holds()))).append("\r\n");
        }
        return out.toString();
    }

    /** The record as a Markdown table, local times. */
    public String toMarkdown(ZoneId zone) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        StringBuilder out = new StringBuilder("# EchoLab sitting\n\n| time | lesson | step | question | prediction | measured | shown |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(clock.format(r.time())).append(" | ").append(md(r.lesson())).append(" | ").append(r.step())
                    .append(" | ").append(md(r.question())).append(" | ").append(md(r.prediction())).append(" | ")
                    .append(md(r.measured())).append(" | ").append(r.holds() ? "yes" : "no: not shown here").append(" |\n");
        }
        return out.toString();
    }

    /**
     * Reads back what {@link #toCsv()} wrote.
     *
     * @throws IllegalArgumentException naming the line that is not a row of a sitting
     */
    public static Sitting fromCsv(String text) {
        List<List<String>> records = parseCsv(text);
        if (records.isEmpty() || !String.join(",", records.get(0)).equals(CSV_HEADER)) {
            throw new IllegalArgumentException("line 1: not a sitting's record: expected the header " + CSV_HEADER);
        }
        Sitting s = new Sitting();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != 7) {
                throw new IllegalArgumentException("record " + (i + 1) + ": expected 7 fields, found " + f.size());
            }
            try {
                s.add(new Row(Instant.parse(f.get(0)), f.get(1), Integer.parseInt(f.get(2)), f.get(3), f.get(4), f.get(5),
                        Boolean.parseBoolean(f.get(6))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("record " + (i + 1) + ": " + e.getMessage());
            }
        }
        return s;
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    out.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
