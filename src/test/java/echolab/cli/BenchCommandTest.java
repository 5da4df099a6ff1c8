package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.testing.NoLeftovers;

@ExtendWith(NoLeftovers.class)
@Timeout(120)
class BenchCommandTest {

    @Test
    void benchPrintsATableAndWritesJsonWithOneObjectPerMode(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.json");
        try (ServeProcess bench = new ServeProcess("bench", "--modes", "iterative,pool,events", "--clients", "3",
                "--lines", "10", "--repeat", "1", "--protection", "lock", "--out", out.toString())) {
            assertEquals(0, bench.waitForExit(), bench.stderr());
            List<String> table = bench.remainingLines();
            assertTrue(table.get(1).startsWith("mode") && table.get(1).contains("round trips/s"), table.toString());
            assertTrue(table.stream().anyMatch(l -> l.startsWith("pool")), table.toString());
            assertTrue(bench.stderr().contains("done"), "a progress line on stderr: " + bench.stderr());
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> modes = new ObjectMapper().readValue(Files.readString(out), List.class);
        assertEquals(List.of("iterative", "pool", "events"), modes.stream().map(m -> m.get("mode")).toList());
        for (Map<String, Object> m : modes) {
            assertEquals(0, ((Number) m.get("lostUpdates")).intValue());
            assertEquals(30, ((Number) m.get("roundTrips")).intValue());
        }
    }

    @Test
    void churnHasItsOwnSmallerDefaultsAndCountsConnectionsPerSecond(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("churn.csv");
        try (ServeProcess bench = new ServeProcess("bench", "--churn", "--modes", "threads", "--repeat", "1",
                "--out", out.toString())) {
            assertEquals(0, bench.waitForExit(), bench.stderr());
            assertTrue(bench.remainingLines().get(0).startsWith("churn: 10 slots x 20 connections of one 64-byte line"), "the churn defaults are named");
        }
        List<String> rows = Files.readAllLines(out);
        List<String> header = List.of(rows.get(0).split(","));
        List<String> threads = List.of(rows.get(1).split(","));
        assertEquals("threads", threads.get(header.indexOf("mode")));
        assertEquals(200, Integer.parseInt(threads.get(header.indexOf("roundTrips"))), "10 slots x 20 connections");
        assertTrue(Double.parseDouble(threads.get(header.indexOf("connectionsPerSecond"))) > 0, rows.get(1));
    }

    @Test
    void aBadArgumentIsOneLineAndExitCodeTwo() throws Exception {
        try (ServeProcess bench = new ServeProcess("bench", "--out", "results.txt")) {
            assertEquals(2, bench.waitForExit());
            assertEquals(1, bench.stderr().lines().count(), bench.stderr());
            assertTrue(bench.stderr().contains("'--out': expected a file ending in .csv, .json or .md"), bench.stderr());
        }
    }
}
