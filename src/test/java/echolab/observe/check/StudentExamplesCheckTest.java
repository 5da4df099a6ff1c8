package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.clients.Framing;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.testing.NoLeftovers;
import echolab.testing.StudentExamples;
import echolab.testing.StudentExamples.Row;

/**
 * Every server of {@code examples/students} (C, Python, Java, Node, Go, Rust; see its
 * {@code servers.tsv}), checked as a student's would be: a correct one fails no check, a faulty one
 * exactly the checks its row names, and each is named as the model its row says. A server whose
 * toolchain this machine lacks is skipped with the reason. Real processes, real sockets on
 * 127.0.0.1, the real sampler reading {@code /proc}.
 * Tagged {@code students}, so that it can be run alone or left out ({@code -Dgroups=students}).
 */
@Tag("students")
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
class StudentExamplesCheckTest {

    static List<Row> rows() {
        return StudentExamples.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @Timeout(180)
    @Execution(ExecutionMode.CONCURRENT) // two at a time: a check mostly waits on its clients
    void eachStudentServerFailsExactlyTheChecksItsRowNamesAndIsNamedItsModel(Row row) throws Exception {
        StudentExamples.Launch launch = StudentExamples.launch(row.name());
        CheckReport report = check(row, launch);
        Set<String> failed = new TreeSet<>();
        for (Verdict v : report.verdicts()) {
            if (v.status() == Status.FAIL) {
                failed.add(v.id());
                // one line per failing check: the figures the integrator compares across runs
                System.out.println("[students] " + row.name() + " FAIL " + v.id() + ": " + v.summary());
            }
        }
        System.out.println("[students] " + row.name() + " model: " + report.model() + ", failed: " + failed);
        assertEquals(new TreeSet<>(row.fails()), failed, report.toText());
        assertEquals(row.model(), report.model(), report.toText());
        if (!row.fails().contains("counter")) {
            // a server that prints its total must have it compared, and one that prints none is skipped
            assertEquals(row.counter().isEmpty() ? Status.SKIP : Status.PASS, report.verdict("counter").status(),
                    report.toText());
        }
    }

    private static CheckReport check(Row row, StudentExamples.Launch launch) throws Exception {
        EventBus events = new EventBus();
        Pattern counter = row.counter().isEmpty() ? null : Pattern.compile(row.counter());
        CheckSettings settings = new CheckSettings(Framing.parse(row.framing()), CheckSettings.DEFAULT_BURSTS, counter,
                CounterUnit.BYTES, 5);
        // a JVM or a Python interpreter on a busy machine may take a few seconds to listen
        Launch how = new Launch(launch.argv(), launch.directory(), Duration.ofSeconds(30));
        try (StudentServer server = StudentServer.start(how, events);
             TreeSampler sampler = TreeSampler.start(server, events)) {
            return CheckRun.run(server, sampler, how, events, settings, line -> { });
        } catch (CheckRun.Failed e) {
            System.out.println("[students] " + row.name() + " NO VERDICT: " + e.getMessage());
            return fail(row.name() + ": check ended without a report: " + e.getMessage());
        }
    }
}
