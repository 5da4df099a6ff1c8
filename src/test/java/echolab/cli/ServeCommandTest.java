package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

@ExtendWith(NoLeftovers.class)
@Timeout(90)
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1):(\\d+) mode=(\\w+)");
    private final JsonLines json = new JsonLines(new PrintStream(new ByteArrayOutputStream()));

    private static InetSocketAddress listening(String firstLine, String mode) {
        Matcher m = LISTENING.matcher(firstLine);
        assertTrue(m.matches(), "first line: " + firstLine);
        assertEquals(mode, m.group(3));
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void servePrintsWhereItListensEventsAsJsonAndASummaryOnQuit() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "threads", "--events",
                "--protection", "lock")) {
            InetSocketAddress address = listening(serve.listeningLine(), "threads");
            Map<String, Object> started = json.parse(serve.nextLine());
            assertEquals("serverStarted", started.get("type"));
            try (LineClient client = new LineClient(address)) {
                client.send("hello\r\n");
                assertEquals("hello\r\n", client.readLineText());
            }
            Map<String, Object> echoed = json.parse(serve.lineContaining("\"type\":\"lineEchoed\""));
            assertEquals(7, echoed.get("bytes"));
            assertTrue(echoed.containsKey("latencyNanos") && echoed.containsKey("seq") && echoed.containsKey("workerId"));

            serve.command("mode events");
            Map<String, Object> changed = json.parse(serve.lineContaining("\"type\":\"modeChanged\""));
            assertEquals("events", changed.get("to"));
            serve.command("delay 5");
            serve.command("race-window 10");
            serve.command("protection atomic");
            serve.command("pool-size 2");
            serve.command("stats");
            Map<String, Object> stats = json.parse(serve.lineContaining("\"type\":\"stats\""));
            assertEquals("events", stats.get("mode"));
            assertEquals("atomic", stats.get("protection"));
            assertEquals(1, stats.get("echoed"));

            serve.command("quit");
            assertEquals(0, serve.waitForExit());
            List<String> rest = serve.remainingLines();
            Map<String, Object> summary = json.parse(rest.get(rest.size() - 1));
            assertEquals("summary", summary.get("type"));
            for (String key : List.of("accepted", "echoed", "counter", "increments", "lost", "processesSpawned",
                    "processesReaped", "eventsDropped")) {
                assertTrue(summary.containsKey(key), "summary has " + key + ": " + summary);
            }
            assertEquals(1, summary.get("accepted"));
            assertEquals(1, summary.get("counter"));
            assertTrue(Servers.portClosed(address));
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void sigtermShutsDownCleanlyAndTheEndOfStdinDoesNot() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "processes")) {
            InetSocketAddress address = listening(serve.listeningLine(), "processes");
            serve.closeStdin();
            try (LineClient client = new LineClient(address)) {
                client.send("after stdin ended\n");
                assertEquals("after stdin ended\n", client.readLineText());
                serve.terminate();
                assertEquals(0, serve.waitForExit(), serve.stderr());
            }
            List<String> rest = serve.remainingLines();
            assertFalse(rest.isEmpty(), "stderr: " + serve.stderr());
            Map<String, Object> summary = json.parse(rest.get(rest.size() - 1));
            assertEquals(1, summary.get("processesSpawned"));
            assertEquals(1, summary.get("processesReaped"));
            assertTrue(Servers.portClosed(address));
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void sigintShutsDownCleanlyWithTheSummary() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "threads")) {
            InetSocketAddress address = listening(serve.listeningLine(), "threads");
            try (LineClient client = new LineClient(address)) {
                client.send("before ctrl-c\n");
                assertEquals("before ctrl-c\n", client.readLineText());
                serve.interrupt();
                assertEquals(0, serve.waitForExit(), serve.stderr());
            }
            List<String> rest = serve.remainingLines();
            Map<String, Object> summary = json.parse(rest.get(rest.size() - 1));
            assertEquals("summary", summary.get("type"));
            assertEquals(1, summary.get("echoed"));
            assertTrue(Servers.portClosed(address));
        }
    }

    /** A child's stdin is its parent's pipe: when the parent dies without a word (SIGKILL), the child sees its end and exits. */
    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aChildExitsWhenItsParentIsKilled() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "processes", "--events")) {
            InetSocketAddress address = listening(serve.listeningLine(), "processes");
            try (LineClient client = new LineClient(address)) {
                client.send("hello\n");
                assertEquals("hello\n", client.readLineText());
                Map<String, Object> spawned = json.parse(serve.lineContaining("\"type\":\"processSpawned\""));
                long child = ((Number) spawned.get("pid")).longValue();
                assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child serves");
                serve.kill();
                serve.waitForExit();
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
                while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                boolean alive = ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false);
                if (alive) {
                    ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly); // leave nothing behind, then fail
                }
                assertFalse(alive, "child " + child + " outlived its parent");
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void aScenarioRunsFromTheCommandLineAndItsFiguresEndTheSummary() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "threads", "--events",
                "--scenario", "handoff", "--handoff-window-us", "3000")) {
            InetSocketAddress address = listening(serve.listeningLine(), "threads");
            java.util.List<LineClient> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(new LineClient(address));
            }
            json.parse(serve.lineContaining("\"type\":\"handoffOrphaned\""));
            for (LineClient c : burst) {
                c.close();
            }
            serve.command("scenario semaphore");
            serve.command("permits 3");
            serve.command("safe on");
            Map<String, Object> changed = json.parse(serve.lineContaining("\"scenario\":\"semaphore\",\"safe\":true"));
            assertEquals("scenarioChanged", changed.get("type"));
            serve.command("stats");
            Map<String, Object> stats = json.parse(serve.lineContaining("\"type\":\"stats\""));
            assertEquals(3, stats.get("permits"));
            serve.command("quit");
            assertEquals(0, serve.waitForExit());
            List<String> rest = serve.remainingLines();
            Map<String, Object> summary = json.parse(rest.get(rest.size() - 1));
            assertTrue(((Number) summary.get("orphaned")).intValue() > 0, summary.toString());
            assertTrue(((Number) summary.get("doubleServed")).intValue() > 0, summary.toString());
            for (String key : List.of("deadlocksDetected", "acquisitions", "longestWaitMs", "maxConcurrent")) {
                assertTrue(summary.containsKey(key), "summary has " + key + ": " + summary);
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void aTakenPortIsReplacedByAFreeOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ServeProcess serve = new ServeProcess("serve", "--port", Integer.toString(taken.getLocalPort()))) {
            InetSocketAddress address = listening(serve.listeningLine(), "pool");
            assertFalse(address.getPort() == taken.getLocalPort());
            serve.command("quit");
            assertEquals(0, serve.waitForExit());
            assertTrue(serve.stderr().contains("is taken"), serve.stderr());
        }
    }

    @ParameterizedTest
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @CsvSource(delimiter = '|', value = {
        "--mode=fork        | '--mode': expected one of iterative, processes, threads, pool, events, virtual but was 'fork'",
        "--protection=mutex | '--protection': expected one of none, lock, semaphore, atomic but was 'mutex'",
        "--pool-size=0      | '--pool-size': expected 1..256 but was 0",
        "--pool-size=100000 | '--pool-size': expected 1..256 but was 100000",
        "--permits=1000     | '--permits': expected 1..256 but was 1000",
        "--max-connections=0 | '--max-connections': expected 1..10000 but was 0",
        "--bind=nosuchhost.invalid | '--bind': no such host 'nosuchhost.invalid'",
        "--bind=192.0.2.1   | '--bind': cannot listen on 192.0.2.1",
        "--port=70000       | '--port': expected 0..65535 but was 70000",
        "--delay-ms=soon    | '--delay-ms': 'soon' is not a long",
        "--colour=blue      | Unknown option: '--colour=blue'",
        "--scenario=race    | '--scenario': expected one of none, handoff, deadlock, starvation, semaphore but was 'race'",
        "--deadlock-fix=pray | '--deadlock-fix': expected one of none, order, trylock-fixed, trylock-random but was 'pray'",
    })
    void aBadArgumentIsOneLineNamingItAndExitCodeTwo(String argument, String message) throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", argument)) {
            assertEquals(2, serve.waitForExit());
            String err = serve.stderr();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(message), err);
        }
    }

    /**
     * The control channel cannot be broken: a number out of range, an unknown command and a line
     * far too long are each refused in one line, and the commands after them still work.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void badLiveCommandsAreRefusedInOneLineAndTheCommandsAfterThemStillWork() throws Exception {
        try (ServeProcess serve = new ServeProcess("serve", "--port", "0", "--mode", "pool")) {
            listening(serve.listeningLine(), "pool");
            serve.command("pool-size 100000");
            serve.command("permits 0");
            serve.command("delay -5");
            serve.command("frobnicate now");
            serve.command("x".repeat(5_000));
            serve.command("pool-size 8");
            serve.command("stats");
            Map<String, Object> stats = json.parse(serve.lineContaining("\"type\":\"stats\""));
            assertEquals("pool", stats.get("mode"));
            serve.command("quit");
            assertEquals(0, serve.waitForExit());
            List<String> errors = serve.stderr().lines().toList();
            assertEquals(List.of(
                    "error: pool-size needs a whole number 1..256 but got '100000'",
                    "error: permits needs a whole number 1..256 but got '0'",
                    "error: delay needs a whole number 0..60000 but got '-5'",
                    "error: unknown command 'frobnicate'; " + ServerCommands.HELP,
                    "error: a line of more than 1024 characters is not a command; skipped"), errors);
        }
    }

    /** {@code open} takes the same server settings, with the same checks, before any window opens. */
    @ParameterizedTest
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @CsvSource(delimiter = '|', value = {
        "--pool-size=0      | '--pool-size': expected 1..256 but was 0",
        "--port=70000       | '--port': expected 0..65535 but was 70000",
        "--race-window-us=-1 | '--race-window-us': expected 0..1000000 but was -1",
    })
    void openChecksTheSameServerSettings(String argument, String message) throws Exception {
        try (ServeProcess open = new ServeProcess("open", argument)) {
            assertEquals(2, open.waitForExit());
            String err = open.stderr();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(message), err);
        }
    }
}
