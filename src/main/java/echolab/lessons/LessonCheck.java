package echolab.lessons;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import echolab.lab.Lab;

/**
 * The teacher's check before class: a lesson's set-up and run steps made on this machine, and
 * each run's expectations checked, as the window would make them. A run whose expectations do not
 * hold is widened and run again where the lesson allows it, as the teacher would in class; the
 * result says so.
 */
public final class LessonCheck {

    /** How a lesson fared: holds, fails, or skipped (a run that cannot be made here). */
    public record Outcome(Lesson lesson, String status, List<Expectation.Result> expectations, List<String> widened,
                          List<String> notes, double seconds) {
        public boolean holds() {
            return "holds".equals(status);
        }
    }

    private LessonCheck() {
    }

    /** Makes {@code lesson}'s set-up and run steps on {@code lab}, one after another. */
    public static Outcome run(Lesson lesson, Lab lab, ExampleServers examples) throws InterruptedException {
        return run(lesson, lab, examples, null);
    }

    /**
     * As {@link #run(Lesson, Lab, ExampleServers)}, and records each run of an example server made here into
     * {@code recordTo} (EXAMPLE.jsonl.gz), when not null: the recordings a lesson ships for other machines.
     */
    public static Outcome run(Lesson lesson, Lab lab, ExampleServers examples, Path recordTo)
            throws InterruptedException {
        long start = System.nanoTime();
        LessonRunner runner = new LessonRunner(lab, examples);
        if (recordTo != null) {
            runner.recordStudentRunsTo(recordTo);
        }
        List<Expectation.Result> expectations = new ArrayList<>();
        List<String> widened = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String status = "holds";
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Step step : lesson.steps()) {
            if (step instanceof Step.SetUp s) {
                try {
                    runner.setUp(s);
                } catch (IOException | IllegalArgumentException e) {
                    notes.add("step at line " + s.line() + ": could not set up: " + e.getMessage());
                    status = "skipped";
                    break;
                }
            } else if (step instanceof Step.Run r) {
                RunResult result = runner.run(r, null, figures);
                for (int i = 0; !result.holds() && result.skipped() == null && r.widen() != null && i < r.widen().times(); i++) {
                    String w = runner.widen(r);
                    widened.add(w);
                    result = runner.run(r, w, figures);
                }
                figures.putAll(result.figures());
                expectations.addAll(result.expectations());
                if (result.recorded() != null) {
                    notes.add("run at line " + r.line() + ": " + result.recorded());
                }
                if (result.skipped() != null) {
                    notes.add("run at line " + r.line() + ": " + result.skipped());
                    status = "skipped";
                } else if (!result.holds() && !"skipped".equals(status)) {
                    status = "fails";
                }
            }
        }
        return new Outcome(lesson, status, expectations, widened, notes, (System.nanoTime() - start) / 1e9);
    }
}
