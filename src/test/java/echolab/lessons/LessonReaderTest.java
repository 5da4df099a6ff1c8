package echolab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import echolab.engine.Mode;

class LessonReaderTest {

    /** A small good lesson; the bad cases below break one thing in it. */
    static final String GOOD = """
            id: tiny
            title: A tiny lesson
            labPoint: Threads and the shared counter
            minutes: 2
            steps:
              - setUp:
                  say: Threads, no protection.
                  mode: threads
                  raceWindowMicros: 100
              - predict:
                  question: How many survive?
                  choices:
                    - text: All
                      when: lost == 0
                    - text: Fewer
                      when: lost > 0
              - run:
                  clients:
                    - {count: 4, kind: burst, lines: 10}
                  expect: [increments == 40]
              - reveal:
                  figures: [increments, lost]
                  why: "{lost} were lost."
            """;

    private static LessonFileException refused(String text) {
        return assertThrows(LessonFileException.class, () -> LessonReader.read(text, "bad.yaml", false, "test"));
    }

    @Test
    void everyBuiltInLessonReadsAndCoversItsPointWithAQuestionARunAndAReveal() {
        List<Lesson> all = Lessons.builtIn();
        assertTrue(all.size() >= 10, "a lesson per point of the lab: " + all.size());
        for (Lesson l : all) {
            assertTrue(l.steps().stream().anyMatch(Step.Predict.class::isInstance), l.id());
            assertTrue(l.steps().stream().anyMatch(Step.Reveal.class::isInstance), l.id());
            assertFalse(l.runs().isEmpty(), l.id());
            assertTrue(l.runs().stream().allMatch(r -> !r.expect().isEmpty()), l.id() + ": every run says what it expects");
            assertEquals("built-in:" + l.id(), l.source());
        }
        assertEquals(all.size(), all.stream().map(Lesson::id).distinct().count(), "ids are unique");
    }

    @Test
    void aGoodLessonReadsWithItsStepsInOrderAndSettingsOverTheBaseline() throws Exception {
        Lesson l = LessonReader.read(GOOD, "tiny.yaml", false, "tiny.yaml");
        assertEquals(List.of("setUp", "predict", "run", "reveal"), l.steps().stream().map(Step::kind).toList());
        Step.SetUp setUp = (Step.SetUp) l.steps().get(0);
        assertEquals(Mode.THREADS, setUp.settings().overBaseline().mode());
        assertEquals(4, setUp.settings().overBaseline().poolSize(), "left out: the baseline's");
        assertEquals("mode: Thread per client · race window 100 µs", setUp.settings().describe());
        Step.Run run = (Step.Run) l.steps().get(2);
        assertEquals(4, run.clients().get(0).count());
        assertEquals(10, l.steps().get(1).line(), "the predict step's line, for messages");
    }

    @Test
    void jsonIsReadToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, """
                {"id": "tiny-json", "title": "T", "labPoint": "P", "minutes": 1, "steps": [
                  {"predict": {"question": "Q?", "number": {"figure": "lost", "unit": "updates"}}},
                  {"run": {"clients": [{"kind": "steady", "lines": 2}], "expect": "echoed == 2"}},
                  {"reveal": {"figures": ["lost"], "why": "because"}}]}
                """);
        Lesson l = LessonReader.read(f);
        assertEquals("tiny-json", l.id());
        assertTrue(((Step.Predict) l.steps().get(0)).isNumber());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown mode            | mode: threads             | mode: forking                | bad.yaml:8: steps[1].setUp.mode: unknown mode 'forking': expected one of iterative, processes, threads, pool, events, virtual
            question without choices| choices:                  | nothing:                     | bad.yaml:12: steps[2].predict.nothing: unknown field; expected one of question, choices, number
            unknown figure          | expect: [increments == 40] | expect: [increments == lots] | bad.yaml:20: steps[3].run.expect[1]: unknown figure 'lots'; docs/lessons.md lists the figures, and so does lessons --figures
            unknown field           | minutes: 2                | minutes: 2\\nlevel: hard      | bad.yaml:5: level: unknown field; expected one of id, title, labPoint, minutes, steps
            not a number            | minutes: 2                | minutes: two                 | bad.yaml:4: minutes: expected a number, found 'two'
            unknown kind of client  | kind: burst               | kind: angry                  | bad.yaml:19: steps[3].run.clients[1].kind: unknown kind of client 'angry': expected one of steady, burst, slow, silent
            expectation not a condition | expect: [increments == 40] | expect: [increments + 40] | bad.yaml:20: steps[3].run.expect[1]: 'increments + 40': expected a comparison (==, !=, <, <=, >, >=) at column 16
            unknown placeholder     | why: "{lost} were lost."  | why: "{gone} were lost."     | bad.yaml:21: steps[4].reveal: unknown figure 'gone'; docs/lessons.md lists the figures, and so does lessons --figures
            """)
    void aBadLessonIsRefusedWithTheFileTheLineAndTheField(String what, String from, String to, String message) {
        String text = GOOD.replace(from, to.replace("\\n", "\n"));
        assertFalse(text.equals(GOOD), "the case changes the lesson: " + what);
        LessonFileException e = refused(text);
        assertEquals(message, e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void aQuestionWithOneChoiceOrNoneIsRefused() {
        String one = GOOD.replace("""
                        - text: Fewer
                          when: lost > 0
                """, "");
        assertEquals("bad.yaml:12: steps[2].predict.choices: a question needs at least two choices", refused(one).getMessage());
        String none = GOOD.replace("""
                      choices:
                        - text: All
                          when: lost == 0
                        - text: Fewer
                          when: lost > 0
                """, "");
        assertEquals("bad.yaml:10: steps[2].predict: a question needs choices (or a number to guess)", refused(none).getMessage());
    }

    @Test
    void textThatIsNotYamlNamesItsLine() {
        LessonFileException e = refused(GOOD.replace("    say: Threads, no protection.", "    say: Threads: no: protection."));
        assertTrue(e.getMessage().startsWith("bad.yaml:7: not YAML: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aLessonMustAskFirstAndRevealAfterARun() {
        String noQuestion = GOOD.substring(0, GOOD.indexOf("  - predict:")) + GOOD.substring(GOOD.indexOf("  - run:"));
        assertEquals("bad.yaml:5: steps: a lesson asks first: it needs a predict step", refused(noQuestion).getMessage());
        String revealFirst = GOOD.replace("  - setUp:", "  - reveal:\n      why: too soon\n  - setUp:");
        assertEquals("bad.yaml:6: steps[1].reveal: a reveal needs a run before it", refused(revealFirst).getMessage());
    }

    @Test
    void aFileThatIsNotThereIsSaidInOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonReader.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void labelledFiguresAndModeFiguresAreKnownOnlyWithTheirLabelOrMode() {
        assertTrue(FigureNames.known("fair.longestWaitMs", java.util.Set.of("fair")));
        assertFalse(FigureNames.known("fair.longestWaitMs", java.util.Set.of()));
        assertTrue(FigureNames.known("processes.firstEchoMillis", java.util.Set.of()));
        assertFalse(FigureNames.known("processes.lost", java.util.Set.of()));
        assertTrue(FigureNames.known("client3.firstEchoMillis", java.util.Set.of()));
        assertFalse(FigureNames.known("client0.firstEchoMillis", java.util.Set.of()));
    }
}
