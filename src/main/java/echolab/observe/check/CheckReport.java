package echolab.observe.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The outcome of checking a student's server: each requirement's verdict with its evidence, the
 * model it was found to be, and the figures seen; as text for a terminal, Markdown for the lab's
 * write-up, and JSON.
 *
 * @param observed figures by name: {@code peakProcesses}, {@code peakThreads}, {@code peakZombies},
 *                 {@code descriptorsBaseline}, {@code descriptorsAfter}, {@code clientsServed},
 *                 {@code clientsOrphaned}, ...
 */
public record CheckReport(String command, String framing, String model, List<Verdict> verdicts,
                          Map<String, Object> observed, List<Evidence.ThreadWait> threads) {

    /** How many threads' waits the text names; the JSON has them all. */
    static final int THREADS_IN_TEXT = 12;

    public CheckReport {
        verdicts = List.copyOf(verdicts);
        observed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        threads = List.copyOf(threads);
    }

    /** A report without the threads' waits. */
    public CheckReport(String command, String framing, String model, List<Verdict> verdicts, Map<String, Object> observed) {
        this(command, framing, model, verdicts, observed, List.of());
    }

    /** Whether no check failed (skipped ones do not fail the server). */
    public boolean passed() {
        return verdicts.stream().noneMatch(v -> v.status() == Status.FAIL);
    }

    public Verdict verdict(String id) {
        return verdicts.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }

    /** A line per check with its sentence and evidence, then the figures: for a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("checked ").append(command).append(" (framing ").append(framing).append(")\n");
        for (Verdict v : verdicts) {
            sb.append(String.format("%-4s %-12s %s%n", v.status().id().toUpperCase(java.util.Locale.ROOT), v.id(),
                    v.summary()));
            for (String line : v.evidence()) {
                sb.append("                  · ").append(line).append('\n');
            }
        }
        sb.append("model: ").append(model.isEmpty() ? "not recognised" : model).append('\n');
        if (!threads.isEmpty()) {
            sb.append("where its threads waited, with no client:\n");
            threads.stream().limit(THREADS_IN_TEXT).forEach(t -> sb.append("                  · ").append(t.name())
                    .append(" (TID ").append(t.tid()).append(", PID ").append(t.pid()).append("): ")
                    .append(t.site().describe()).append('\n'));
            if (threads.size() > THREADS_IN_TEXT) {
                sb.append("                  · and ").append(threads.size() - THREADS_IN_TEXT).append(" more (--json has them all)\n");
            }
        }
        sb.append("observed:");
        observed.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append('\n');
        long failed = verdicts.stream().filter(v -> v.status() == Status.FAIL).count();
        sb.append(failed == 0 ? "every check passed" + (verdicts.stream().anyMatch(v -> v.status() == Status.SKIP)
                ? " (some were skipped)" : "") : failed + " check" + (failed == 1 ? "" : "s") + " failed").append('\n');
        return sb.toString();
    }

    /** For the lab's write-up: a table of the checks, then each check's evidence. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# EchoLab check of `").append(command).append("`\n\n");
        sb.append("Framing: ").append(framing).append(" · model: ").append(model.isEmpty() ? "not recognised" : model)
                .append("\n\n");
        sb.append("| check | status | what it says |\n|---|---|---|\n");
        for (Verdict v : verdicts) {
            sb.append("| `").append(v.id()).append("` | ").append(mark(v.status())).append(' ').append(v.status().id())
                    .append(" | ").append(v.summary().replace("|", "\\|")).append(" |\n");
        }
        sb.append("\n## Evidence\n");
        for (Verdict v : verdicts) {
            sb.append("\n### `").append(v.id()).append("`\n\n");
            for (String line : v.evidence()) {
                sb.append("- ").append(line).append('\n');
            }
        }
        if (!threads.isEmpty()) {
            sb.append("\n## Where its threads waited, with no client\n\n| thread | TID | PID | waited in |\n|---|---|---|---|\n");
            threads.forEach(t -> sb.append("| ").append(t.name().replace("|", "\\|")).append(" | ").append(t.tid())
                    .append(" | ").append(t.pid()).append(" | ").append(t.site().describe().replace("|", "\\|")).append(" |\n"));
        }
        sb.append("\n## Figures\n\n| figure | value |\n|---|---|\n");
        observed.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return sb.toString();
    }

    private static String mark(Status s) {
        return switch (s) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case SKIP -> "➖";
        };
    }

    /**
     * One JSON object: {@code command}, {@code framing}, {@code model}, {@code checks}, {@code observed},
     * and {@code threads}: where each of the server's threads waited at the quiet moment,
     * {@code waitsIn: {call, fd, file, line, function}} as far as known, {@code lineUnknown} saying why not.
     */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("framing", framing);
        json.put("model", model);
        json.put("checks", verdicts.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("status", v.status().id());
            m.put("summary", v.summary());
            m.put("evidence", v.evidence());
            return m;
        }).toList());
        json.put("observed", observed);
        json.put("threads", threads.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", t.pid());
            m.put("tid", t.tid());
            m.put("name", t.name());
            Map<String, Object> w = new LinkedHashMap<>();
            echolab.observe.WaitSite site = t.site();
            if (site.call() != null) {
                w.put("call", site.call());
            }
            if (site.fd() >= 0) {
                w.put("fd", site.fd());
            }
            if (site.hasLine()) {
                w.put("file", site.fileName());
                w.put("line", site.line());
            }
            if (site.function() != null) {
                w.put("function", site.function());
            }
            if (!site.note().isEmpty()) {
                w.put("lineUnknown", site.note());
            }
            m.put("waitsIn", w);
            return m;
        }).toList());
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
