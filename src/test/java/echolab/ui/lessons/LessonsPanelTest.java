package echolab.ui.lessons;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.lessons.Lesson;
import echolab.lessons.LessonFileException;
import echolab.lessons.LessonPlayer;
import echolab.lessons.LessonReader;
import echolab.lessons.Lessons;
import echolab.lessons.Measured;
import echolab.lessons.RunResult;
import echolab.lessons.Sitting;
import echolab.lessons.Step;
import echolab.ui.EventPump;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.ui.LabWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;

/**
 * The Lessons panel in the real window on the real lab: every built-in lesson played through from
 * the keyboard as a presenter would, each reveal checked against the figures the engine measured;
 * a bad lesson file; a tally exported and read back.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(600)
class LessonsPanelTest {

    /** A run ends when its clients finish or after its seconds (at most 60); then its books are read. */
    private static final int RUN_SECONDS = 90;

    @TempDir
    Path dir;

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened).describedBy(this::shown);

    @AfterEach
    void close() throws Exception {
        fx.close();
        assertNull(LiveLab.onFx(this::player), "closing the window leaves the lesson");
    }

    @Test
    void theHiddenPanelIsBuiltTheFirstTimeItShowsNotBeforeTheWindowsFirstFrame(FxRobot robot) throws Exception {
        assertFalse(onFx(() -> window.controller().lessons().contentBuilt()), "hidden, the panel waits to be built");
        assertTrue(onFx(() -> robot.lookup("#sittingTable").tryQuery().isEmpty()), "no record table before the panel shows");
        robot.clickOn("#lessonsToggle");
        assertTrue(onFx(() -> window.controller().lessons().contentBuilt()), "shown, it is built");
        for (Lesson lesson : Lessons.builtIn()) {
            assertTrue(onFx(() -> robot.lookup("#lesson-" + lesson.id()).tryQuery().isPresent()), lesson.id() + " is listed");
        }
        assertTrue(onFx(() -> robot.lookup("#sittingTable").tryQuery().isPresent()), "the record is under the list");
    }

    @Test
    void everyBuiltInLessonPlaysThroughFromTheKeyboardAndItsRevealsQuoteTheMeasuredFigures(FxRobot robot) throws Exception {
        robot.clickOn("#lessonsToggle");
        for (Lesson lesson : Lessons.builtIn()) {
            clickEntry(robot, lesson);
            waitFor(10, () -> player() != null && player().lesson() == lesson);
            int reveals = 0;
            while (true) {
                awaitNotRunning(lesson);
                Step step = onFx(() -> player().step());
                int index = onFx(() -> player().index());
                if (step instanceof Step.Predict p) {
                    answer(robot, p);
                } else if (step instanceof Step.Run) {
                    assertOutlined(robot, step);
                    robot.type(KeyCode.SPACE); // runs it
                    waitFor(RUN_SECONDS, () -> player().result(index) != null
                            && player().status() != LessonPlayer.Status.RUNNING);
                } else if (step instanceof Step.Reveal r) {
                    assertRevealQuotesTheRun(robot, lesson, r);
                    reveals++;
                }
                if (index + 1 >= lesson.steps().size()) {
                    break;
                }
                robot.type(KeyCode.SPACE);
                waitFor(10, () -> player().index() == index + 1);
            }
            assertEquals(lesson.steps().stream().filter(Step.Reveal.class::isInstance).count(), reveals);
            robot.type(KeyCode.ESCAPE);
            waitFor(15, () -> player() == null);
            assertTrue(onFx(() -> robot.lookup("#lesson-" + lesson.id()).tryQuery().isPresent()),
                    "leaving a lesson brings the list back");
        }
    }

    @Test
    void aBadLessonFileSaysItsOneLineMessageInThePanelAndLosesNothing(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad-lesson.yaml");
        Files.writeString(bad, "id: bad-lesson\ntitle: A lesson with nothing in it\nlabPoint: none\nminutes: 2\nsteps: []\n",
                StandardCharsets.UTF_8);
        String expected;
        try {
            LessonReader.read(bad);
            throw new AssertionError("the reader took a lesson without steps");
        } catch (LessonFileException e) {
            expected = e.getMessage();
        }
        robot.clickOn("#lessonsToggle");
        assertFalse(onFx(() -> window.controller().lessons().open(bad)));
        Label error = robot.lookup("#lessonFileError").queryAs(Label.class);
        assertEquals(expected, onFx(error::getText));
        assertFalse(expected.contains("\n"));
        assertTrue(onFx(error::isVisible));
        assertNull(onFx(this::player));
        for (Lesson lesson : Lessons.builtIn()) {
            assertTrue(onFx(() -> robot.lookup("#lesson-" + lesson.id()).query().isVisible()), lesson.id() + " is still listed");
        }
        // a good file afterwards opens, and the message goes
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, new String(Lessons.class.getResourceAsStream("/lessons/" + Lessons.builtIn().get(0).id()
                + ".yaml").readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(onFx(() -> window.controller().lessons().open(good)));
        assertFalse(onFx(error::isVisible));
        assertEquals(good.toString(), onFx(() -> player().lesson().source()));
    }

    @Test
    void aTallyOfHandsIsRecordedAndItsCsvReadsBackAsTheSameRecord(FxRobot robot) throws Exception {
        Lesson lesson = Lessons.builtIn().stream().filter(LessonsPanelTest::asksAndRuns).findFirst()
                .orElseThrow(() -> new AssertionError("no built-in lesson asks a question with choices and runs"));
        robot.clickOn("#lessonsToggle");
        clickEntry(robot, lesson);
        waitFor(10, () -> player() != null);
        while (!(onFx(() -> player().step()) instanceof Step.Predict p && !p.isNumber())) {
            awaitNotRunning(lesson);
            int index = onFx(() -> player().index());
            robot.clickOn("#lessonNext");
            waitFor(10, () -> player().index() == index + 1);
        }
        int question = onFx(() -> player().index());
        robot.clickOn("#tallySwitch");
        robot.clickOn("#hands-1").write("4");
        robot.clickOn("#hands-2").write("17");
        waitFor(5, () -> player().prediction(question) != null && player().prediction(question).isTally()
                && player().prediction(question).hands()[1] == 17);
        while (!(onFx(() -> player().step()) instanceof Step.Run)) {
            awaitNotRunning(lesson);
            int index = onFx(() -> player().index());
            robot.clickOn("#lessonNext");
            waitFor(10, () -> player().index() == index + 1);
        }
        awaitNotRunning(lesson);
        robot.clickOn("#runButton");
        waitFor(RUN_SECONDS, () -> !player().sitting().isEmpty() && player().status() != LessonPlayer.Status.RUNNING);
        waitFor(5, () -> robot.lookup("#sittingTable").queryTableView().getItems().size() == 1);

        Path csv = dir.resolve("sitting.csv");
        assertTrue(onFx(() -> window.controller().lessons().export(SittingFiles.Format.CSV, csv)));
        Sitting shown = onFx(() -> window.controller().lessons().sitting());
        Sitting read = Sitting.fromCsv(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(shown.rows(), read.rows());
        Sitting.Row row = read.rows().get(0);
        assertEquals(question + 1, row.step());
        assertTrue(row.prediction().contains(": 4") && row.prediction().contains(": 17"), row.prediction());

        Path markdown = dir.resolve("sitting.md");
        assertTrue(onFx(() -> window.controller().lessons().export(SittingFiles.Format.MARKDOWN, markdown)));
        assertTrue(Files.readString(markdown).contains(row.prediction().replace("|", "\\|")));
    }

    @Test
    void everyPartAndControlALessonMayNameIsInTheWindow(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        for (String part : LessonReader.TARGETS) {
            if (onFx(() -> find(robot, HighlightTargets.part(part))) == null) {
                missing.add(part);
            }
        }
        for (String control : LessonReader.CONTROLS) {
            if (onFx(() -> find(robot, HighlightTargets.control(control))) == null) {
                missing.add("control " + control);
            }
        }
        assertEquals(List.of(), missing);
    }

    // Helpers

    /** Clicks a lesson's entry in the list, scrolled into view first as a teacher would scroll to it. */
    private static void clickEntry(FxRobot robot, Lesson lesson) {
        Node entry = robot.lookup("#lesson-" + lesson.id()).query();
        onFx(() -> {
            ScrollPane scroll = (ScrollPane) robot.lookup(".lessons-scroll").query();
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            double y = entry.getBoundsInParent().getMinY();
            scroll.setVvalue(content <= view ? 0 : Math.min(1, y / (content - view)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(entry);
    }

    private static boolean asksAndRuns(Lesson lesson) {
        int question = -1;
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step s = lesson.steps().get(i);
            if (s instanceof Step.Predict p && !p.isNumber() && p.choices().size() >= 2) {
                question = i;
            } else if (s instanceof Step.Run r && question >= 0 && r.student() == null) {
                return true;
            }
        }
        return false;
    }

    /** A choice by its key, or a number typed into the field and given with Enter. */
    private void answer(FxRobot robot, Step.Predict p) throws Exception {
        int index = onFx(() -> player().index());
        if (p.isNumber()) {
            robot.clickOn("#guessField").write("100").type(KeyCode.ENTER);
        } else {
            robot.type(KeyCode.DIGIT1);
        }
        waitFor(5, () -> player().prediction(index) != null);
        if (!p.isNumber()) {
            assertEquals(1, onFx(() -> player().prediction(index).choice()));
        }
    }

    private void assertRevealQuotesTheRun(FxRobot robot, Lesson lesson, Step.Reveal step) throws Exception {
        RunResult run = onFx(() -> player().lastResult());
        assertNotNull(run, lesson.id() + ": a reveal after its run");
        if (run.timed()) {
            // the timeline has moved on since the run: the window is taken back to the run it quotes
            EventPump pump = window.controller().pump();
            assertTrue(onFx(() -> pump.behindProperty().get()), lesson.id() + ": the reveal shows its run again");
            long shown = onFx(pump::shownNanos);
            assertTrue(shown >= run.startedNanos() && shown <= run.endedNanos(), lesson.id()
                    + ": the picture is at the end of the run (" + run.startedNanos() + " to " + run.endedNanos()
                    + "), not at " + shown);
        }
        String measured = onFx(() -> robot.lookup("#revealMeasured").queryAs(Label.class).getText());
        for (String figure : step.figures()) {
            String value = onFx(() -> Measured.format(player().figures().getOrDefault(figure, Double.NaN)));
            assertTrue(measured.contains(figure + " " + value), lesson.id() + ": the reveal quotes " + figure + " "
                    + value + ", shows: " + measured);
        }
        Label why = robot.lookup("#revealWhy").queryAs(Label.class);
        Label contradiction = robot.lookup("#revealContradiction").queryAs(Label.class);
        if (run.holds()) {
            assertTrue(onFx(why::isVisible), lesson.id() + ": the why is shown when the run supports it");
            assertEquals(onFx(() -> player().reveal().why()), onFx(why::getText));
            assertFalse(onFx(contradiction::isVisible));
        } else {
            assertFalse(onFx(why::isVisible), lesson.id() + ": no why when this machine did not show it");
            assertTrue(onFx(contradiction::isVisible));
            assertEquals(onFx(() -> player().reveal().contradiction()), onFx(contradiction::getText));
        }
        assertOutlined(robot, step);
    }

    /** The part a step points at carries the outline. */
    private void assertOutlined(FxRobot robot, Step step) {
        HighlightTargets.forStep(step).ifPresent(target -> {
            Node node = onFx(() -> find(robot, target));
            assertNotNull(node, target.toString());
            assertTrue(onFx(() -> node.getStyleClass().contains(Highlighter.CSS_CLASS)), target + " is outlined");
        });
    }

    /** The target's node, its tab brought to the front first as the Highlighter does (a tab's view is built when first shown). */
    private static Node find(FxRobot robot, HighlightTargets.Target target) {
        if (target.tabId() != null) {
            javafx.scene.control.TabPane tabs = robot.lookup("#centreTabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> target.tabId().equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        Node node = robot.lookup(target.selector()).tryQuery().orElse(null);
        for (int i = 0; i < target.up() && node != null; i++) {
            node = node.getParent();
        }
        return node;
    }

    private void awaitNotRunning(Lesson lesson) throws Exception {
        try {
            waitFor(RUN_SECONDS, () -> player().status() != LessonPlayer.Status.RUNNING);
        } catch (AssertionError e) {
            fail(lesson.id() + ": still running: " + onFx(() -> player().message()), e);
        }
    }

    private LessonPlayer player() {
        return window.controller().lessons().player();
    }

    private static <T> T onFx(Callable<T> read) {
        return LiveLab.onFx(read);
    }

    /** Where the lesson is, for a wait that times out to say. */
    private String shown() {
        return "the lesson at " + (player() == null ? "none" : player().index() + " " + player().status() + " " + player().message());
    }
}
