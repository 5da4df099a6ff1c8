package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.lessons.Lesson;
import echolab.lessons.Lessons;
import echolab.testing.EchoLabJvm;

/** {@code lessons}, as a teacher runs it: its own JVM, its output and its exit code. */
@Timeout(300)
class LessonsCommandTest {

    private record Run(int code, String out, String err) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Run lessons(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(EchoLabJvm.command("lessons"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // ended
            }
        }, "echolab-test-lessons-stderr");
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(280, TimeUnit.SECONDS), "lessons did not end");
        errReader.join(5_000);
        return new Run(p.exitValue(), out, err.toString());
    }

    @Test
    void theListInJsonHasEveryBuiltInLessonWithItsPointMinutesAndSteps() throws Exception {
        Run run = lessons("--list", "--json");
        assertEquals(0, run.code(), run.err());
        List<Map<String, Object>> rows = JSON.readValue(run.out(), new TypeReference<>() {});
        List<Lesson> builtIn = Lessons.builtIn();
        assertEquals(builtIn.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Lesson l = builtIn.get(i);
            assertEquals(List.of("id", "title", "labPoint", "minutes", "steps"), List.copyOf(row.keySet()));
            assertEquals(l.id(), row.get("id"));
            assertEquals(l.labPoint(), row.get("labPoint"));
            assertEquals(l.minutes(), row.get("minutes"));
            assertEquals(l.steps().size(), ((List<?>) row.get("steps")).size());
        }
    }

    /** The teacher's check before class, on this machine: every built-in lesson's expectations hold. */
    @Test
    void everyBuiltInLessonHoldsOnThisMachine() throws Exception {
        Run run = lessons("--check", "--json");
        List<Map<String, Object>> rows = JSON.readValue(run.out(), new TypeReference<>() {});
        assertEquals(Lessons.builtIn().size(), rows.size(), run.err());
        for (Map<String, Object> row : rows) {
            assertEquals("holds", row.get("status"), row.toString());
            List<Map<String, Object>> expectations = JSON.convertValue(row.get("expectations"), new TypeReference<>() {});
            assertTrue(!expectations.isEmpty(), row.toString());
            for (Map<String, Object> e : expectations) {
                assertEquals(List.of("figure", "expected", "measured", "holds"), List.copyOf(e.keySet()));
                assertEquals(true, e.get("holds"), row.toString());
            }
        }
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void anExpectationThatDoesNotHoldExitsOneAndSaysWhatWasMeasured(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.yaml");
        Files.writeString(file, """
                id: strict
                title: Strict
                labPoint: Protection
                minutes: 1
                steps:
                  - setUp: {mode: threads, protection: lock}
                  - predict:
                      question: Will a lock lose any?
                      choices: [none, some]
                  - run:
                      clients: [{count: 2, kind: burst, lines: 5}]
                      expect: [lost > 0, increments == 10]
                  - reveal: {figures: [lost], why: a lock loses nothing}
                """);
        Run run = lessons("--check", "--file", file.toString(), "--json");
        assertEquals(1, run.code(), run.out() + run.err());
        List<Map<String, Object>> rows = JSON.readValue(run.out(), new TypeReference<>() {});
        assertEquals("fails", rows.get(0).get("status"));
        assertEquals(List.of(Map.of("figure", "lost", "expected", "> 0", "measured", "0", "holds", false),
                Map.of("figure", "increments", "expected", "== 10", "measured", "10", "holds", true)), rows.get(0).get("expectations"));
    }

    @Test
    void aBadLessonFileExitsTwoWithOneLineNamingTheFileTheLineAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                id: bad
                title: Bad
                labPoint: P
                minutes: 1
                steps:
                  - setUp: {mode: forking}
                """);
        Run run = lessons("--check", "--file", file.toString());
        assertEquals(2, run.code());
        assertEquals("lessons: " + file + ":6: steps[1].setUp.mode: unknown mode 'forking': expected one of "
                + "iterative, processes, threads, pool, events, virtual", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownLessonOrNoActionIsAUsageError() throws Exception {
        Run unknown = lessons("--check", "no-such-lesson");
        assertEquals(2, unknown.code());
        assertEquals("lessons: no lesson 'no-such-lesson'; the built-in ones are " + Lessons.ids(), unknown.err().strip());
        Run neither = lessons();
        assertEquals(2, neither.code());
        assertTrue(neither.err().startsWith("lessons: give --list, --check or --figures"), neither.err());
        Run recordingAList = lessons("--list", "--record", "somewhere");
        assertEquals(2, recordingAList.code());
        assertTrue(recordingAList.err().startsWith("lessons: --record goes with --check"), recordingAList.err());
    }
}
