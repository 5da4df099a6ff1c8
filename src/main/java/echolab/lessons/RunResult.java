package echolab.lessons;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import echolab.bench.Bench;

/**
 * What one run step measured on this machine, and whether its expectations held.
 *
 * @param figures      the run's figures by name (a labelled run's also under {@code label.name})
 * @param expectations each expectation of the step against those figures
 * @param widened      what was widened before this run ("raceWindowMicros 50 → 200"), or null
 * @param skipped      why the run could not be made here (no compiler for the example server, say), or null
 * @param compared     a compare run's whole report, for the Compare tab to draw; null for other runs
 * @param startedNanos when the run began, on the events' clock ({@link System#nanoTime()}), or -1
 * @param endedNanos   when it ended, or -1: a reveal shows the window taken back to it
 * @param recorded     for a run read from the recording its lesson ships, because this machine could not
 *                     make it: that it is recorded, why, and where and when; null for a run made here
 */
public record RunResult(Step.Run step, Map<String, Double> figures, List<Expectation.Result> expectations,
                        String widened, String skipped, Bench.Report compared, long startedNanos, long endedNanos,
                        String recorded) {

    public RunResult {
        figures = Map.copyOf(figures);
        expectations = List.copyOf(expectations);
    }

    static RunResult skipped(Step.Run step, String why) {
        return new RunResult(step, Map.of(), List.of(), null, why, null, -1, -1, null);
    }

    /** Whether the run's span on the events' clock is known (an embedded run's is), so it can be shown again. */
    public boolean timed() {
        return startedNanos >= 0 && endedNanos >= startedNanos;
    }

    /** Every expectation held (and the run was made). */
    public boolean holds() {
        return skipped == null && expectations.stream().allMatch(Expectation.Result::holds);
    }

    /** The expectations that did not hold, as one sentence. */
    public String contradiction() {
        return expectations.stream().filter(e -> !e.holds())
                .map(e -> "expected " + e.figure() + " " + e.expected() + ", measured " + e.measured())
                .collect(Collectors.joining("; "));
    }

    /** A figure's value, or NaN when this run did not measure it. */
    public double figure(String name) {
        return figures.getOrDefault(name, Double.NaN);
    }
}
