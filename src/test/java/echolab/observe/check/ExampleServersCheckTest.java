package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import echolab.clients.Framing;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;

/**
 * Every example server of {@code examples/servers}, checked as a student's would be: each correct
 * one passes every check (the iterative one fails exactly {@code concurrency}, as it must) and is
 * named as the right model; each faulty one fails its own check and no other. Real processes, real
 * sockets on 127.0.0.1, the real sampler reading {@code /proc}.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
class ExampleServersCheckTest {

    private static final Pattern TOTAL = Pattern.compile("echoed (\\d+) bytes");

    @ParameterizedTest(name = "{0} ({1}): fails [{2}], model {3}")
    @CsvSource(delimiter = '|', textBlock = """
            iterative                  | blank-line | concurrency | iterative
            iterative-line             | line       | concurrency | iterative
            fork_reap                  | blank-line |             | process per client
            fork_reap-line             | line       |             | process per client
            threads                    | blank-line |             | thread per client
            pool                       | blank-line |             | thread pool of 8
            pool-line                  | line       |             | thread pool of 8
            select_loop                | blank-line |             | single-threaded event loop
            select_loop-line           | line       |             | single-threaded event loop
            fork_noreap                | blank-line | reaping     | process per client
            fork_keepfd                | blank-line | descriptors | process per client
            fork_noexit                | blank-line | processes   | process per client
            pool_shared_slot           | blank-line | burst       | thread pool of 8
            pool_spin                  | blank-line | busy-wait   | thread pool of 8
            threads_total_unprotected  | blank-line | counter     | thread per client
            threads_leak               | blank-line | threads     | thread per client
            echo_truncate              | blank-line | echo        | thread per client
            """)
    @Timeout(120)
    @Execution(ExecutionMode.CONCURRENT) // two at a time: a check mostly waits on its clients
    void eachExampleFailsExactlyItsOwnCheck(String name, String framing, String failing, String model)
            throws Exception {
        CheckReport report = check(List.of(ExampleServers.program(name).toString()), Framing.parse(framing));
        assertFailing(report, failing == null ? Set.of() : Set.of(failing));
        assertEquals(model, report.model(), report.toText());
    }

    @org.junit.jupiter.api.Test
    @Timeout(120)
    @Execution(ExecutionMode.CONCURRENT)
    void thePythonExampleIsACorrectThreadPerClientServerAndItsFramingIsFoundByItself() throws Exception {
        String script = ExampleServers.sources().resolve("echo_server.py").toString();
        CheckReport report = check(List.of("python3", script, "{port}", "--framing", "line"), null);
        assertFailing(report, Set.of());
        assertEquals("line", report.framing());
        assertEquals("thread per client", report.model(), report.toText());
    }

    /**
     * Issue 21: the pool example built with {@code -g}: at the quiet moment the check finds its main
     * thread in {@code accept} at the line of {@code pool.c} that calls it, and each of its eight
     * workers waiting on the semaphore at the line of {@code sem_wait}, and --json says so.
     */
    @org.junit.jupiter.api.Test
    @Timeout(120)
    @Execution(ExecutionMode.CONCURRENT)
    void builtWithDebugInformationThePoolsThreadsWaitAtTheLinesOfItsSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path build)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(List.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "x86-64 only: its call instructions and system call numbers are the ones read");
        Process make = new ProcessBuilder("make", "-s", "-C", ExampleServers.sources().toString(), "BUILD=" + build,
                "CFLAGS=-g -O2 -Wall", build.resolve("pool").toString()).redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(make.waitFor() == 0, out);
        List<String> source = java.nio.file.Files.readAllLines(ExampleServers.sources().resolve("pool.c"));
        int acceptLine = lineOf(source, "connfd = accept(listenfd");
        int semLine = lineOf(source, "while (sem_wait(s) < 0");

        CheckReport report = check(List.of(build.resolve("pool").toString()), Framing.parse("blank-line"));
        List<Evidence.ThreadWait> threads = report.threads();
        assertEquals(9, threads.size(), report.toText());
        Evidence.ThreadWait main = threads.stream().filter(t -> t.tid() == t.pid()).findFirst().orElseThrow();
        assertEquals("accept(3) at pool.c:" + acceptLine + " (main)", main.site().describe(), report.toText());
        for (Evidence.ThreadWait t : threads) {
            if (t != main) {
                assertEquals("futex", t.site().call(), t.toString());
                assertEquals(semLine, t.site().line(), t.toString());
                assertEquals("pool.c", t.site().fileName(), t.toString());
            }
        }
        String json = report.toJson();
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"waitsIn\":{\"call\":\"accept\",\"fd\":3,\"file\":\"pool.c\",\"line\":"
                + acceptLine + ",\"function\":\"main\"}"), json);
    }

    private static int lineOf(List<String> source, String text) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static void assertFailing(CheckReport report, Set<String> expected) {
        Set<String> failed = new TreeSet<>();
        List<String> passedOrSkipped = new ArrayList<>();
        for (Verdict v : report.verdicts()) {
            if (v.status() == Status.FAIL) {
                failed.add(v.id());
            } else {
                passedOrSkipped.add(v.id());
            }
        }
        assertEquals(new TreeSet<>(expected), failed, report.toText());
        assertEquals(10, report.verdicts().size());
        if (!expected.contains("counter") && report.verdict("counter").status() == Status.SKIP) {
            // servers that print a total must have it compared; only the forking ones print none
            assertEquals(true, report.command().contains("fork"), report.toText());
        }
    }

    static CheckReport check(List<String> command, Framing framing) throws Exception {
        EventBus events = new EventBus();
        // a short wait for echoes: an orphaned client costs the whole timeout
        CheckSettings settings = new CheckSettings(framing, CheckSettings.DEFAULT_BURSTS, TOTAL,
                CounterUnit.BYTES, 3);
        Launch launch = new Launch(command);
        try (StudentServer server = StudentServer.start(launch, events);
             TreeSampler sampler = TreeSampler.start(server, events)) {
            return CheckRun.run(server, sampler, launch, events, settings, line -> { });
        }
    }
}
