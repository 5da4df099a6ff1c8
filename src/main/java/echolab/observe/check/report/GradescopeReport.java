package echolab.observe.check.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import echolab.observe.check.CheckReport;
import echolab.observe.check.Status;
import echolab.observe.check.Verdict;

/**
 * A check as Gradescope's autograder {@code results.json}: one test per check, one point each; a
 * skipped check (it does not apply to this server's design) is worth no points and says why. A
 * server that could not be checked still gives a valid file, with one failed test, so that a
 * grader's run always has results to upload.
 *
 * <p>Format: <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">Gradescope's
 * autograder specification</a> ({@code score}, {@code execution_time} in whole seconds, {@code
 * output}, {@code tests} with {@code name}, {@code score}, {@code max_score}, {@code status},
 * {@code output}, {@code visibility}).
 */
public final class GradescopeReport {

    static final String VISIBLE = "visible";

    private GradescopeReport() {
    }

    /** The report of a server that was checked; {@code seconds} is how long it took, start to stop. */
    public static String of(CheckReport report, double seconds) {
        List<Map<String, Object>> tests = new ArrayList<>();
        int score = 0;
        for (Verdict v : report.verdicts()) {
            boolean skipped = v.status() == Status.SKIP;
            int points = v.status() == Status.PASS ? 1 : 0;
            score += points;
            StringBuilder out = new StringBuilder();
            if (skipped) {
                out.append("Skipped, worth no points here: ");
            }
            out.append(v.summary());
            for (String line : v.evidence()) {
                out.append("\n  · ").append(line);
            }
            tests.add(test(v.id(), points, skipped ? 0 : 1, v.status() != Status.FAIL, out.toString()));
        }
        StringBuilder output = new StringBuilder();
        output.append("checked ").append(report.command()).append(" (framing ").append(report.framing()).append(")\n");
        output.append("model: ").append(report.model().isEmpty() ? "not recognised" : report.model()).append('\n');
        long failed = report.verdicts().stream().filter(v -> v.status() == Status.FAIL).count();
        long skipped = report.verdicts().stream().filter(v -> v.status() == Status.SKIP).count();
        output.append(failed == 0 ? "every check passed" : failed + " check" + (failed == 1 ? "" : "s") + " failed");
        if (skipped > 0) {
            output.append(" (").append(skipped).append(" skipped: they do not apply to this server)");
        }
        output.append('\n');
        return write(score, seconds, output.toString(), tests);
    }

    /** The report of a server that could not be checked: one failed test named by its stage. */
    public static String of(CouldNotCheck notChecked, double seconds) {
        List<Map<String, Object>> tests = List.of(test(notChecked.stage(), 0, 1, false, notChecked.details()));
        String output = "could not check " + notChecked.command() + ": " + notChecked.reason() + "\n";
        return write(0, seconds, output, tests);
    }

    private static Map<String, Object> test(String name, int score, int maxScore, boolean passed, String output) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("score", score);
        t.put("max_score", maxScore);
        t.put("status", passed ? "passed" : "failed");
        t.put("output", output);
        t.put("visibility", VISIBLE);
        return t;
    }

    private static String write(int score, double seconds, String output, List<Map<String, Object>> tests) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", score);
        json.put("execution_time", Math.round(seconds));
        json.put("output", output);
        json.put("visibility", VISIBLE);
        json.put("stdout_visibility", "hidden");
        json.put("tests", tests);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
