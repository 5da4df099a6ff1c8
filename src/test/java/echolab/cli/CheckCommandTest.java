package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.testing.EchoLabJvm;
import echolab.testing.ExampleServers;

/** {@code echolab check} as a real process: its report, its JSON, its exit codes and one-line errors. */
@EnabledOnOs(OS.LINUX)
@Timeout(120)
class CheckCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run check(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(EchoLabJvm.command("check"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        StringBuilder errText = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try {
                errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // ended
            }
        }, "echolab-test-check-stderr");
        errReader.start();
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "check did not end");
        errReader.join(5_000);
        return new Run(p.exitValue(), outText, errText.toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aFaultyServerFailsWithExitOneAndTheJsonNamesTheCheckAndItsEvidence() throws Exception {
        String server = ExampleServers.program("fork_noreap").toString();
        Run run = check("--json", "--bursts", "1,8", "--framing", "blank-line", "--", server);
        assertEquals(1, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("command").asText().startsWith(server));
        assertEquals("blank-line", json.get("framing").asText());
        assertEquals("process per client", json.get("model").asText());
        JsonNode reaping = null;
        for (JsonNode c : json.get("checks")) {
            assertTrue(c.has("id") && c.has("status") && c.has("summary") && c.has("evidence"));
            if (c.get("id").asText().equals("reaping")) {
                reaping = c;
            }
        }
        assertEquals("fail", reaping.get("status").asText());
        assertTrue(reaping.get("summary").asText().contains("SIGCHLD"));
        assertTrue(json.get("observed").get("peakZombies").asInt() >= 8, run.out());
        for (String figure : List.of("peakProcesses", "peakThreads", "descriptorsBaseline", "descriptorsAfter",
                "clientsServed", "clientsOrphaned")) {
            assertTrue(json.get("observed").has(figure), figure);
        }
        assertTrue(run.err().contains("the server ended on SIGTERM"), run.err());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void aCorrectServerPassesWithExitZeroAndAReadableReport() throws Exception {
        Run run = check("--counter-pattern", "echoed (\\d+) bytes", "--", ExampleServers.program("pool").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        for (String id : List.of("echo", "burst", "concurrency", "processes", "reaping", "descriptors", "threads",
                "busy-wait", "counter", "model")) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches("(PASS|SKIP) +" + id + " .*")), id + "\n" + run.out());
        }
        assertTrue(run.out().contains("model: thread pool of 8"), run.out());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void anAttachedServerIsCheckedAndLeftRunning() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(ExampleServers.program("fork_reap").toString(), String.valueOf(port)).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!connects(port)) {
                assertTrue(System.nanoTime() < deadline, "the example server did not listen");
                Thread.sleep(20);
            }
            Run run = check("--attach", String.valueOf(server.pid()), "--port", String.valueOf(port), "--bursts", "1,8");
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("model: process per client"), run.out());
            assertTrue(server.isAlive(), "an attached server is left running");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean connects(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A mistyped program with {@code --record}: said in one line, and an earlier recording of that name is kept. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aProgramThatIsNotThereLeavesAnEarlierRecordingOfThatNameAsItWas(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path earlier = dir.resolve("run.jsonl.gz");
        byte[] kept = "an earlier run's recording".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Files.write(earlier, kept);
        Run run = check("--record", earlier.toString(), "--", "./no-such-server");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("check: no such program: ./no-such-server"), run.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(kept, java.nio.file.Files.readAllBytes(earlier),
                "the earlier recording is untouched");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on its own check
    void badInputIsOneLineAndExitTwo() throws Exception {
        Map<List<String>, String> cases = Map.of(
                List.of("--", "./no-such-server"), "check: no such program: ./no-such-server",
                List.of("--framing", "http", "--", "true"), "check: --framing: unknown framing 'http'",
                List.of(), "check: say which server to check after --",
                List.of("--counter-pattern", "echoed \\d+", "--", "true"), "check: --counter-pattern needs exactly one group",
                List.of("--", "python3", "-c", "import sys; sys.exit(4)"), "check: python3 -c import sys; sys.exit(4)",
                List.of("--attach", "1"), "check: --attach needs --port N",
                List.of("--attach", "999999999", "--port", "1"), "check: no running process has PID 999999999");
        for (var c : cases.entrySet()) {
            Run run = check(c.getKey().toArray(String[]::new));
            assertEquals(2, run.code(), c.getKey() + ": " + run.err());
            assertTrue(run.err().startsWith(c.getValue()), c.getKey() + ": " + run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
    }
}
