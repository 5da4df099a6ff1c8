package echolab.lessons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import echolab.base.LabThreads;

/**
 * A lesson as a class goes through it: the step in front, the answers given, the runs made and
 * the reveal they support. Toolkit-free: the window (or a test) calls it from one thread and gets
 * its changes back on that thread through {@code deliver}; runs happen on a thread of their own.
 *
 * <p>Keys, as the window maps them: {@code 1}-{@code 9} {@link #choose}, Space or → {@link #next},
 * ← {@link #back}, {@code R} {@link #rerun}, Esc {@link #close}.
 */
public final class LessonPlayer implements AutoCloseable {

    /** Where the step in front stands. */
    public enum Status { READY, RUNNING, DONE }

    /**
     * What a reveal shows.
     *
     * @param predicted  what was predicted, or "no prediction"
     * @param measured   the figures quoted, "name value" each
     * @param right      the choices the measurement makes right, or empty
     * @param why        the explanation with its figures filled in; null when the numbers do not support it
     * @param supported  whether the run's expectations held, so that the explanation is true here
     * @param contradiction when not supported: what this machine measured instead
     * @param widen      when not supported and the lesson says what to widen: "Widen raceWindowMicros ×4 and run again"
     * @param recorded   when the run was read from the recording the lesson ships: that it was, why, and where
     *                   and when it was recorded; null for a run made on this machine
     */
    public record Reveal(String predicted, String measured, List<String> right, String why, boolean supported,
                         String contradiction, String widen, String point, String recorded) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][\\w.]*)}");

    private final Lesson lesson;
    private final LessonRunner runner;
    private final Sitting sitting;
    private final Consumer<Runnable> deliver;
    private final ExecutorService worker;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Map<Integer, Prediction> predictions = new HashMap<>();
    private final Map<Integer, RunResult> results = new HashMap<>();
    private final Map<Integer, Integer> widenings = new HashMap<>();
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private int index = -1;
    private Status status = Status.READY;
    private String message = "";
    private boolean closed;

    /** An answer to one question: one choice, hands per choice, or a number. */
    public record Prediction(int choice, int[] hands, Double number) {
        public boolean isTally() {
            return hands != null;
        }
    }

    public LessonPlayer(Lesson lesson, LessonRunner runner, Sitting sitting, Consumer<Runnable> deliver) {
        this.lesson = lesson;
        this.runner = runner;
        this.sitting = sitting;
        this.deliver = deliver;
        this.worker = Executors.newSingleThreadExecutor(LabThreads.daemons("echolab-lesson"));
    }

    /** Opens the first step (applying it if it is a set-up). */
    public void start() {
        if (index < 0) {
            enter(0);
        }
    }

    public Lesson lesson() {
        return lesson;
    }

    public Sitting sitting() {
        return sitting;
    }

    /** The step in front, from 0. */
    public int index() {
        return index;
    }

    public Step step() {
        return lesson.steps().get(Math.max(0, index));
    }

    public Status status() {
        return status;
    }

    /** One line on what just happened: the set-up's description, "Running …", a run's end, an error. */
    public String message() {
        return message;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ---- answers

    /** One answer ({@code choice} from 1) to the question in front; ignored elsewhere. */
    public void choose(int choice) {
        if (step() instanceof Step.Predict p && !p.isNumber() && choice >= 1 && choice <= p.choices().size()) {
            predictions.put(index, new Prediction(choice, null, null));
            changed();
        }
    }

    /** The class's raised hands for one choice (from 1) of the question in front. */
    public void tally(int choice, int hands) {
        if (step() instanceof Step.Predict p && !p.isNumber() && choice >= 1 && choice <= p.choices().size() && hands >= 0) {
            Prediction old = predictions.get(index);
            int[] h = old != null && old.isTally() ? old.hands().clone() : new int[p.choices().size()];
            h[choice - 1] = hands;
            predictions.put(index, new Prediction(0, h, null));
            changed();
        }
    }

    /** A number guessed for the question in front. */
    public void guess(double number) {
        if (step() instanceof Step.Predict p && p.isNumber() && !Double.isNaN(number)) {
            predictions.put(index, new Prediction(0, null, number));
            changed();
        }
    }

    /** The answer given to the question at {@code stepIndex}, or null. */
    public Prediction prediction(int stepIndex) {
        return predictions.get(stepIndex);
    }

    // ---- moving

    /** Space or →: runs a run step not yet run, else goes to the next step. */
    public void next() {
        if (status == Status.RUNNING || closed) {
            return;
        }
        if (step() instanceof Step.Run && !results.containsKey(index)) {
            runCurrent(null);
            return;
        }
        if (index + 1 < lesson.steps().size()) {
            enter(index + 1);
        }
    }

    /** ←: the step before; nothing is undone or applied again. */
    public void back() {
        if (status == Status.RUNNING || closed || index <= 0) {
            return;
        }
        index--;
        status = results.containsKey(index) ? Status.DONE : Status.READY;
        message = "";
        changed();
    }

    /** R: the run in front, or the last run before the step in front, once more. */
    public void rerun() {
        if (status == Status.RUNNING || closed) {
            return;
        }
        int run = lastRunAtOrBefore(index);
        if (run >= 0) {
            index = run;
            runCurrent(null);
        }
    }

    /** When this machine did not show it: widen what the run names and run it again. */
    public void widenAndRerun() {
        if (status == Status.RUNNING || closed) {
            return;
        }
        int run = lastRunAtOrBefore(index);
        if (run < 0 || !(lesson.steps().get(run) instanceof Step.Run r) || r.widen() == null) {
            return;
        }
        int done = widenings.getOrDefault(run, 0);
        if (done >= r.widen().times()) {
            message = "Already widened " + done + (done == 1 ? " time" : " times") + "; this machine does not show it.";
            changed();
            return;
        }
        widenings.put(run, done + 1);
        index = run;
        status = Status.RUNNING;
        message = "Widening " + r.widen().setting() + " ×" + Measured.format(r.widen().factor()) + " …";
        changed();
        Map<String, Double> earlier = Map.copyOf(figures);
        worker.execute(() -> {
            String widened;
            try {
                widened = runner.widen(r);
            } catch (RuntimeException e) {
                widened = "not widened: " + e.getMessage();
            }
            runOnWorker(run, r, widened, earlier);
        });
    }

    // ---- what the window shows

    /** The result of the run at {@code stepIndex}, or null. */
    public RunResult result(int stepIndex) {
        return results.get(stepIndex);
    }

    /** The most recent run at or before the step in front, or null. */
    public RunResult lastResult() {
        int run = lastRunAtOrBefore(index);
        return run < 0 ? null : results.get(run);
    }

    /** Every figure measured so far in this lesson (the latest run's under plain names too). */
    public Map<String, Double> figures() {
        return Map.copyOf(figures);
    }

    /** What the reveal in front shows, or null when the step in front is not a reveal or nothing ran. */
    public Reveal reveal() {
        if (!(step() instanceof Step.Reveal rv)) {
            return null;
        }
        RunResult run = lastResult();
        if (run == null) {
            return null;
        }
        int question = questionBefore(index);
        String predicted = question < 0 ? "no question asked" : predictionText(question);
        String measured = rv.figures().stream().map(f -> f + " " + Measured.format(figures.getOrDefault(f, Double.NaN)))
                .collect(Collectors.joining(" · "));
        List<String> right = question < 0 ? List.of() : rightChoices((Step.Predict) lesson.steps().get(question));
        if (!run.holds()) {
            Step.Run r = run.step();
            String widen = r.widen() == null || widenings.getOrDefault(lastRunAtOrBefore(index), 0) >= r.widen().times() ? null
                    : "Widen " + r.widen().setting() + " ×" + Measured.format(r.widen().factor()) + " and run again";
            String why = run.skipped() != null ? run.skipped() : "This machine did not show it: " + run.contradiction() + ".";
            return new Reveal(predicted, measured, right, null, false, why, widen, rv.point(), run.recorded());
        }
        return new Reveal(predicted, measured, right, fill(rv.why()), true, null, null, rv.point(), run.recorded());
    }

    /** The question in front's answer as the record writes it. */
    public String predictionText(int stepIndex) {
        Step.Predict p = (Step.Predict) lesson.steps().get(stepIndex);
        Prediction a = predictions.get(stepIndex);
        if (a == null) {
            return "no prediction";
        }
        if (a.number() != null) {
            return Measured.format(a.number()) + (p.number().unit() == null ? "" : " " + p.number().unit());
        }
        if (a.isTally()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < a.hands().length; i++) {
                parts.add((i + 1) + ". " + p.choices().get(i).text() + ": " + a.hands()[i]);
            }
            return String.join(" · ", parts);
        }
        return a.choice() + ". " + p.choices().get(a.choice() - 1).text();
    }

    /** The choices of {@code p} whose condition the measurement makes true. */
    private List<String> rightChoices(Step.Predict p) {
        List<String> right = new ArrayList<>();
        for (int i = 0; i < p.choices().size(); i++) {
            Step.Choice c = p.choices().get(i);
            if (c.when() != null && c.when().holds(figures)) {
                right.add((i + 1) + ". " + c.text());
            }
        }
        return right;
    }

    private String measuredFor(Step.Predict p) {
        List<String> names = new ArrayList<>();
        if (p.number() != null) {
            names.add(p.number().figure());
        }
        p.choices().stream().filter(c -> c.when() != null).forEach(c -> c.when().figures().forEach(f -> {
            if (!names.contains(f)) {
                names.add(f);
            }
        }));
        String values = names.stream().map(f -> f + " = " + Measured.format(figures.getOrDefault(f, Double.NaN)))
                .collect(Collectors.joining(", "));
        List<String> right = rightChoices(p);
        return right.isEmpty() ? values : values + "; right: " + String.join(", ", right);
    }

    String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Measured.format(figures.getOrDefault(m.group(1), Double.NaN))));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---- the machinery

    private void enter(int i) {
        index = i;
        status = results.containsKey(i) ? Status.DONE : Status.READY;
        message = "";
        Step s = step();
        if (s instanceof Step.SetUp setUp) {
            status = Status.RUNNING;
            message = "Setting up …";
            changed();
            worker.execute(() -> {
                String said;
                try {
                    said = "Set: " + runner.setUp(setUp) + ".";
                } catch (Exception e) {
                    said = "Could not set up: " + e.getMessage();
                }
                String m = said;
                deliver.accept(() -> {
                    if (index == i) {
                        status = Status.DONE;
                        message = m;
                    }
                    changed();
                });
            });
            return;
        }
        changed();
    }

    private void runCurrent(String widened) {
        Step.Run r = (Step.Run) step();
        int at = index;
        status = Status.RUNNING;
        message = r.say() != null ? r.say() : "Running …";
        changed();
        Map<String, Double> earlier = Map.copyOf(figures);
        worker.execute(() -> runOnWorker(at, r, widened, earlier));
    }

    private void runOnWorker(int at, Step.Run r, String widened, Map<String, Double> earlier) {
        RunResult result;
        try {
            result = runner.run(r, widened, earlier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            result = RunResult.skipped(r, "the run failed: " + e.getMessage());
        }
        RunResult done = result;
        deliver.accept(() -> finished(at, done));
    }

    private void finished(int at, RunResult result) {
        if (closed) {
            return;
        }
        results.put(at, result);
        figures.putAll(result.figures());
        int question = questionBefore(at);
        if (question >= 0) {
            Step.Predict p = (Step.Predict) lesson.steps().get(question);
            sitting.add(new Sitting.Row(Instant.now(), lesson.id(), question + 1, p.question(), predictionText(question),
                    result.skipped() != null ? "not run: " + result.skipped()
                            : measuredFor(p) + (result.recorded() == null ? "" : " (a recorded run)"), result.holds()));
        }
        if (index == at) {
            status = Status.DONE;
            message = result.skipped() != null ? "Not run here: " + result.skipped()
                    : result.holds() ? (result.recorded() != null ? "Read from the lesson's recording."
                            : "Measured." + (result.widened() == null ? "" : " (widened: " + result.widened() + ")"))
                    : "This machine did not show it: " + result.contradiction() + ".";
        }
        changed();
    }

    /** The last question before {@code at} (and after the run before it), or -1. */
    private int questionBefore(int at) {
        for (int i = at; i >= 0; i--) {
            if (lesson.steps().get(i) instanceof Step.Predict) {
                return i;
            }
        }
        return -1;
    }

    private int lastRunAtOrBefore(int at) {
        for (int i = Math.min(at, lesson.steps().size() - 1); i >= 0; i--) {
            if (lesson.steps().get(i) instanceof Step.Run) {
                return i;
            }
        }
        return -1;
    }

    private void changed() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    /** Esc: stops a run under way and lets go of the runner's thread; the sitting's record stays. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        runner.cancel();
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
