package echolab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.testing.NoLeftovers;

@ExtendWith(NoLeftovers.class)
@Timeout(120)
class BenchTest {

    private static final List<String> JSON_FIELDS = List.of("mode", "roundTripsPerSecond", "latencyP50Micros",
            "latencyP99Micros", "firstEchoMillis", "connectionsPerSecond", "peakThreads", "peakProcesses",
            "residentMbPerClient", "cpuSeconds", "lostUpdates");

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @Test
    void aTinyBenchFillsEveryColumnForEveryModeAndItsNumbersAgree() throws Exception {
        Workload w = new Workload(Arrays.asList(Mode.values()), 4, 25, 64, 0, Protection.LOCK, false, 2, false, 4);
        List<Progress> progress = new ArrayList<>();
        Bench.Report report = Bench.run(w, progress::add, () -> false);

        assertEquals(Mode.values().length, report.modes().size());
        for (ModeResult m : report.modes()) {
            if (m.skipped() != null) {
                assertEquals("virtual", m.mode(), "only virtual threads may be missing, and only before Java 21");
                continue;
            }
            assertEquals(2, m.runs());
            assertEquals(w.roundTrips(), m.roundTrips(), m.mode() + ": round trips = clients x lines");
            assertEquals(0, m.errors(), m.mode() + ": every echo matched");
            assertEquals(0, m.lostUpdates().median(), m.mode() + ": protected, nothing lost");
            for (Metric metric : List.of(m.roundTripsPerSecond(), m.latencyP50Micros(), m.latencyP99Micros(),
                    m.latencyMaxMicros(), m.firstEchoMillis(), m.peakThreads(), m.peakProcesses(),
                    m.residentMbPeak(), m.residentMbPerClient(), m.cpuSeconds())) {
                assertTrue(metric.known(), m.mode() + " has every figure: " + m);
            }
            assertTrue(m.roundTripsPerSecond().median() > 0 && m.cpuSeconds().median() > 0, m.toString());
            assertTrue(m.latencyP50Micros().median() <= m.latencyP99Micros().median()
                    && m.latencyP99Micros().median() <= m.latencyMaxMicros().median(), m.toString());
            assertEquals("processes".equals(m.mode()), m.peakProcesses().median() > 0, m.toString());
        }
        assertTrue(report.bareJvmStartMillis() > 0);
        assertEquals("done", progress.get(progress.size() - 1).step());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());

        List<Map<String, Object>> json = new ObjectMapper().readValue(BenchReport.json(report), List.class);
        for (Map<String, Object> mode : json) {
            if (mode.containsKey("skipped")) {
                continue;
            }
            for (String field : JSON_FIELDS) {
                assertTrue(mode.containsKey(field), "JSON has " + field + ": " + mode);
            }
            assertNotNull(mode.get("roundTripsPerSecond"));
            assertNull(mode.get("connectionsPerSecond"), "no churn, no connections per second");
        }
        String csv = BenchReport.csv(report);
        assertEquals(report.modes().size() + 1, csv.lines().count());
        assertTrue(BenchReport.markdown(report).contains("| pool |"));
        assertTrue(BenchReport.table(report).contains("round trips/s"));
    }

    @Test
    void churnCountsConnectionsPerSecondOneLineEach() throws Exception {
        Workload w = new Workload(List.of(Mode.THREADS, Mode.EVENTS), 3, 20, 32, 0, Protection.ATOMIC, true, 1, true, 4);
        Bench.Report report = Bench.run(w, p -> { }, () -> false);
        for (ModeResult m : report.modes()) {
            assertEquals(60, m.roundTrips(), m.toString());
            assertTrue(m.connectionsPerSecond().median() > 0, m.toString());
            assertEquals(0, m.errors());
            assertEquals(0, m.lostUpdates().median());
        }
    }

    @Test
    void cancellingDuringALongRunStopsAtOnceAndDropsTheRunCutShort() throws Exception {
        // iterative at 20 ms a line serves these 4 x 200 lines in 16 s; the cancel comes after half a second
        Workload w = new Workload(List.of(Mode.ITERATIVE, Mode.THREADS), 4, 200, 32, 20, Protection.NONE, false, 1, false, 4);
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Progress> progress = new ArrayList<>();
        long start = System.nanoTime();
        Bench.Report report = Bench.run(w, p -> {
            progress.add(p);
            if ("running".equals(p.step())) {
                Thread canceller = new Thread(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    cancelled.set(true);
                }, "echolab-test-canceller");
                canceller.start();
            }
        }, cancelled::get);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(seconds < 5, "stopped within a few seconds of the cancel, not after the run: " + seconds);
        assertTrue(report.modes().isEmpty(), "the run cut short is not reported: " + report.modes());
        assertEquals(0, progress.get(progress.size() - 1).done());
        assertEquals("done", progress.get(progress.size() - 1).step());
    }
}
