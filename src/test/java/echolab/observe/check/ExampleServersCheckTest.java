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
