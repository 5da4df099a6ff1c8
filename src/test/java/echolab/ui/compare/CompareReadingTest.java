package echolab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import echolab.bench.Bench;
import echolab.bench.Metric;
import echolab.bench.ModeResult;
import echolab.bench.Workload;
import echolab.engine.Mode;
import echolab.sync.Protection;

/** The reading says what the numbers show, and no more. No window needed: it is plain Java. */
class CompareReadingTest {

    private static Metric m(double v) {
        return new Metric(v, v, v);
    }

    /** A mode's figures: rate, latency p50/p99/max in µs, first echo ms, threads, MB per client, lost. */
    private static ModeResult mode(Mode mode, double rate, double p50, double p99, double max, double firstEcho,
                                   double threads, double mbPerClient, double lost) {
        return new ModeResult(mode.id(), null, 1, m(rate), Metric.NONE, m(p50), m(p99), m(max), m(firstEcho),
                m(threads), m(mode == Mode.PROCESSES ? 20 : 0), m(100), m(mbPerClient), m(0.1), m(lost), 2000, 0);
    }

    private static CompareRun run(int number, int clients, Protection protection, List<ModeResult> modes) {
        List<Mode> ms = modes.stream().map(r -> Mode.parse(r.mode())).collect(Collectors.toList());
        Workload w = new Workload(ms, clients, 100, 64, 0, protection, false, 1, false, 8);
        boolean processes = ms.contains(Mode.PROCESSES);
        return new CompareRun(number, new Bench.Report(w, modes, processes ? 50 : Double.NaN, 3), false);
    }

    private static String text(List<CompareRun> runs) {
        return CompareReading.of(runs).stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    private static List<ModeResult> typical(double threadMb, double lostThreads) {
        List<ModeResult> all = new ArrayList<>();
        all.add(mode(Mode.ITERATIVE, 16_000, 20, 5_600, 120_000, 0.2, 2, 0.03, 0));
        all.add(mode(Mode.PROCESSES, 2_200, 160, 64_000, 900_000, 41, 74, 30, 0));
        all.add(mode(Mode.THREADS, 47_000, 310, 3_100, 5_000, 0.67, 21, threadMb, lostThreads));
        all.add(mode(Mode.POOL, 47_000, 120, 2_900, 40_000, 0.26, 9, 0.05, 0));
        all.add(mode(Mode.EVENTS, 57_000, 280, 1_900, 5_000, 0.72, 2, 0.02, 0));
        return all;
    }

    @Test
    void processesAreWeighedAgainstAThreadWithoutARatioToMemoryTooSmallToMeasure() {
        String text = text(List.of(run(1, 20, Protection.NONE, typical(0.01, 0))));
        assertTrue(text.contains("about 30 MB and 41 ms before its first echo, against 0.01 MB and 0.67 ms with a thread per client (61× the wait)"), text);
        assertFalse(text.contains("the memory."), "no ratio to 0.01 MB: " + text);
        assertTrue(text.contains("30 MB more"), text);
        assertTrue(text.contains("A JVM that does nothing takes 50 ms"), text);

        String measurable = text(List.of(run(1, 20, Protection.NONE, typical(1.5, 0))));
        assertTrue(measurable.contains("That is 20× the memory."), measurable);
    }

    @Test
    void iterativeLatencyIsExplainedAndComparedWithAnEarlierRunWithOtherClients() {
        CompareRun five = run(1, 5, Protection.NONE, List.of(mode(Mode.ITERATIVE, 16_000, 20, 900, 30_000, 0.2, 2, 0, 0)));
        CompareRun twenty = run(2, 20, Protection.NONE, List.of(mode(Mode.ITERATIVE, 16_000, 20, 5_600, 120_000, 0.2, 2, 0, 0)));
        String text = text(List.of(five, twenty));
        assertTrue(text.contains("the slowest took 120 ms"), text);
        assertTrue(text.contains("With 5 clients the slowest took 30 ms, with 20 clients 120 ms."), text);
    }

    @Test
    void lostUpdatesAreCountedAndProtectionIsComparedOnlyWithARunThatDiffersInNothingElse() {
        CompareRun none = run(1, 20, Protection.NONE, typical(0.01, 12));
        assertTrue(text(List.of(none)).contains("12 updates of the shared counter were lost (threads 12)"));
        assertTrue(text(List.of(run(1, 20, Protection.NONE, typical(0.01, 1)))).contains("1 update of the shared counter was lost"));

        CompareRun lock = run(2, 20, Protection.LOCK, typical(0.01, 0));
        String text = text(List.of(none, lock));
        assertTrue(text.contains("Protection lock against none."), text);
        assertTrue(text.contains("Updates lost: 12 → 0."), text);

        CompareRun otherClients = run(2, 10, Protection.LOCK, typical(0.01, 0));
        assertFalse(text(List.of(none, otherClients)).contains("against none"), "two things changed: no comparison");
    }

    @Test
    void aModeThatDwarfsTheOthersIsNamedWithItsCharts() {
        String text = text(List.of(run(1, 20, Protection.NONE, typical(0.01, 0))));
        assertTrue(text.contains("Scales."), text);
        assertTrue(text.contains("processes on latency p99 11×, memory (the others under 1.0 MB), start-up 57×, against the next mode"), text);
    }

    @Test
    void oneRunIsCalledOneRun() {
        String text = text(List.of(run(1, 20, Protection.NONE, typical(0.01, 0))));
        assertTrue(text.contains("One run per mode"), text);
        assertTrue(text.contains("Event loop was 1.2× as fast as threads in this one run."), text);
        assertEquals(List.of(), CompareReading.of(List.of()));
    }
}
