package echolab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A bench report as a text table, CSV, JSON (one object per mode) or Markdown. */
public final class BenchReport {

    /** One column: its JSON name, its heading, and how a mode's figure reads. */
    private record Column(String name, String heading, Function<ModeResult, Metric> metric, int decimals) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("roundTripsPerSecond", "round trips/s", ModeResult::roundTripsPerSecond, 0),
            new Column("latencyP50Micros", "p50 µs", ModeResult::latencyP50Micros, 0),
            new Column("latencyP99Micros", "p99 µs", ModeResult::latencyP99Micros, 0),
            new Column("latencyMaxMicros", "max µs", ModeResult::latencyMaxMicros, 0),
            new Column("firstEchoMillis", "1st echo ms", ModeResult::firstEchoMillis, 2),
            new Column("connectionsPerSecond", "conn/s", ModeResult::connectionsPerSecond, 0),
            new Column("peakThreads", "threads", ModeResult::peakThreads, 0),
            new Column("peakProcesses", "processes", ModeResult::peakProcesses, 0),
            new Column("residentMbPeak", "RSS MB", ModeResult::residentMbPeak, 0),
            new Column("residentMbPerClient", "MB/client", ModeResult::residentMbPerClient, 2),
            new Column("cpuSeconds", "CPU s", ModeResult::cpuSeconds, 2),
            new Column("lostUpdates", "lost", ModeResult::lostUpdates, 0));

    private BenchReport() {
    }

    private static String number(Metric m, int decimals) {
        return m.known() ? String.format(Locale.ROOT, "%,." + decimals + "f", m.median()) : "–";
    }

    private static String describe(Bench.Report r) {
        Workload w = r.workload();
        String shape = w.churn()
                ? String.format(Locale.ROOT, "churn: %d slots x %d connections of one %d-byte line", w.clients(), w.lines(), w.bytes())
                : String.format(Locale.ROOT, "%d clients x %d lines x %d bytes", w.clients(), w.lines(), w.bytes());
        return String.format(Locale.ROOT, "%s, delay %d ms, protection %s, pool of %d, events %s, %d run%s per mode",
                shape, w.delayMillis(), w.protection().id(), w.poolSize(), w.events() ? "on" : "off", w.repeat(),
                w.repeat() == 1 ? "" : "s");
    }

    private static String bareJvm(Bench.Report r) {
        return Double.isNaN(r.bareJvmStartMillis()) ? ""
                : String.format(Locale.ROOT, "a bare child JVM starts and exits in %.0f ms here", r.bareJvmStartMillis());
    }

    /** An aligned table for a terminal. */
    public static String table(Bench.Report r) {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[COLUMNS.size() + 2];
        head[0] = "mode";
        for (int i = 0; i < COLUMNS.size(); i++) {
            head[i + 1] = COLUMNS.get(i).heading();
        }
        head[head.length - 1] = "errors";
        rows.add(head);
        for (ModeResult m : r.modes()) {
            String[] row = new String[head.length];
            row[0] = m.mode();
            if (m.skipped() != null) {
                row[1] = "skipped: " + m.skipped();
                for (int i = 2; i < row.length; i++) {
                    row[i] = "";
                }
            } else {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Column c = COLUMNS.get(i);
                    Metric v = c.metric().apply(m);
                    row[i + 1] = number(v, c.decimals())
                            + (i == 0 && v.known() && m.runs() > 1
                            ? String.format(Locale.ROOT, " ±%.0f%%", 50 * v.spread()) : "");
                }
                row[row.length - 1] = Long.toString(m.errors());
            }
            rows.add(row);
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (!(row[0] != null && row[1] != null && row[1].startsWith("skipped") && i == 1)) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
        }
        StringBuilder out = new StringBuilder(describe(r)).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                out.append(i == 0 ? String.format("%-" + width[0] + "s", cell)
                        : "  " + (row[1].startsWith("skipped") ? cell : String.format("%" + width[i] + "s", cell)));
            }
            out.append('\n');
        }
        if (!bareJvm(r).isEmpty()) {
            out.append(bareJvm(r)).append('\n');
        }
        out.append(String.format(Locale.ROOT, "took %.1f s%n", r.seconds()));
        return out.toString();
    }

    /** CSV: one row per mode, medians, with the lowest and highest run of the rate. */
    public static String csv(Bench.Report r) {
        StringBuilder out = new StringBuilder("mode,runs");
        for (Column c : COLUMNS) {
            out.append(',').append(c.name());
        }
        out.append(",roundTripsPerSecondMin,roundTripsPerSecondMax,roundTrips,errors,skipped\n");
        for (ModeResult m : r.modes()) {
            out.append(m.mode()).append(',').append(m.runs());
            for (Column c : COLUMNS) {
                Metric v = c.metric().apply(m);
                out.append(',').append(v.known() ? String.format(Locale.ROOT, "%." + Math.max(c.decimals(), 1) + "f", v.median()) : "");
            }
            Metric rate = m.roundTripsPerSecond();
            out.append(',').append(rate.known() ? String.format(Locale.ROOT, "%.1f", rate.min()) : "")
                    .append(',').append(rate.known() ? String.format(Locale.ROOT, "%.1f", rate.max()) : "")
                    .append(',').append(m.skipped() == null ? Long.toString(m.roundTrips()) : "")
                    .append(',').append(m.errors())
                    .append(',').append(m.skipped() == null ? "" : '"' + m.skipped().replace("\"", "'") + '"')
                    .append('\n');
        }
        return out.toString();
    }

    /** JSON: an array with one object per mode; each figure is the median, its spread beside it. */
    public static String json(Bench.Report r) {
        List<Map<String, Object>> modes = new ArrayList<>();
        for (ModeResult m : r.modes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mode", m.mode());
            if (m.skipped() != null) {
                o.put("skipped", m.skipped());
                modes.add(o);
                continue;
            }
            o.put("runs", m.runs());
            Map<String, Object> spread = new LinkedHashMap<>();
            for (Column c : COLUMNS) {
                Metric v = c.metric().apply(m);
                o.put(c.name(), v.known() ? v.median() : null);
                if (v.known()) {
                    spread.put(c.name(), List.of(v.min(), v.max()));
                }
            }
            o.put("roundTrips", m.roundTrips());
            o.put("errors", m.errors());
            if ("processes".equals(m.mode()) && !Double.isNaN(r.bareJvmStartMillis())) {
                o.put("bareJvmStartMillis", r.bareJvmStartMillis());
            }
            o.put("spread", spread);
            o.put("workload", describe(r));
            modes.add(o);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(modes) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Markdown: the workload, a table of medians with the rate's range, and the bare JVM's start. */
    public static String markdown(Bench.Report r) {
        StringBuilder out = new StringBuilder("Workload: ").append(describe(r)).append(".\n\n| mode |");
        for (Column c : COLUMNS) {
            out.append(' ').append(c.heading()).append(" |");
        }
        out.append(" errors |\n|---|");
        for (int i = 0; i <= COLUMNS.size(); i++) {
            out.append("---|");
        }
        out.append('\n');
        for (ModeResult m : r.modes()) {
            out.append("| ").append(m.mode()).append(" |");
            if (m.skipped() != null) {
                out.append(" skipped: ").append(m.skipped()).append(" |");
                out.append(" |".repeat(COLUMNS.size())).append('\n');
                continue;
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                Metric v = c.metric().apply(m);
                out.append(' ').append(number(v, c.decimals()));
                if (i == 0 && v.known() && m.runs() > 1) {
                    out.append(String.format(Locale.ROOT, " [%,.0f–%,.0f]", v.min(), v.max()));
                }
                out.append(" |");
            }
            out.append(' ').append(m.errors()).append(" |\n");
        }
        if (!bareJvm(r).isEmpty()) {
            out.append('\n').append(Character.toUpperCase(bareJvm(r).charAt(0))).append(bareJvm(r).substring(1)).append(".\n");
        }
        return out.toString();
    }
}
