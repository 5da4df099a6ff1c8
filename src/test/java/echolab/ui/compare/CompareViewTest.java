package echolab.ui.compare;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.bench.ModeResult;
import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.ui.LabWindow;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

/**
 * The Compare tab driven from the real window, as a student would: tick modes, type a workload,
 * press Run, read the charts, run again with another setting, save the charts and the numbers,
 * cancel, close the window in the middle. Leaves pictures in {@code /tmp/compare-*.png} to look at.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(180)
class CompareViewTest {

    private static final List<Mode> TINY = List.of(Mode.ITERATIVE, Mode.POOL, Mode.EVENTS);

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    // Helpers

    private CompareViewModel vm() {
        return window.controller().compare().viewModel();
    }

    /** Types {@code value} into a spinner's field and presses Enter, as a user would. */
    private static void type(FxRobot robot, String spinner, int value) {
        var editor = LiveLab.onFx(() -> robot.lookup(spinner).queryAs(Spinner.class).getEditor());
        robot.clickOn(editor).push(KeyCode.CONTROL, KeyCode.A).write(Integer.toString(value)).push(KeyCode.ENTER);
    }

    /** Ticks exactly {@code modes} with clicks on their boxes. */
    private void tick(FxRobot robot, List<Mode> modes) throws Exception {
        for (Mode m : Mode.values()) {
            CheckBox box = robot.lookup("#compareMode-" + m.id()).queryAs(CheckBox.class);
            if (!box.isDisabled() && LiveLab.onFx(box::isSelected) != modes.contains(m)) {
                robot.clickOn(box);
            }
        }
        waitFor(5, () -> vm().chosenModes().equals(modes));
    }

    /** Opens the tab and sets up a comparison with clicks and typing. */
    private void setUp(FxRobot robot, List<Mode> modes, int clients, int lines, int delay) throws Exception {
        robot.clickOn("#tabCompare");
        tick(robot, modes);
        type(robot, "#compareClients", clients);
        type(robot, "#compareLines", lines);
        type(robot, "#compareDelay", delay);
        waitFor(5, () -> vm().clientsProperty().get() == clients && vm().linesProperty().get() == lines
                && vm().delayMillisProperty().get() == delay);
    }

    /** Presses Run and waits until the comparison has become run number {@code number}. */
    private void runAndWait(FxRobot robot, int number) throws Exception {
        robot.clickOn("#compareRun");
        waitFor(5, () -> vm().runningProperty().get() || vm().runs().size() == Math.min(number, 3));
        waitFor(120, () -> !vm().runningProperty().get());
        waitFor(5, () -> !vm().runs().isEmpty() && vm().runs().get(vm().runs().size() - 1).number() == number);
    }

    private static ValueBarChart chart(FxRobot robot, ChartKind kind) {
        return robot.lookup("#" + kind.nodeId()).queryAs(ValueBarChart.class);
    }

    private static boolean compareThreadAlive() {
        return NoLeftovers.ourThreads().contains(BenchJob.THREAD_NAME);
    }

    /**
     * Checks that every chart has, for every run shown and every bar of the chart, one bar per mode
     * at the report's figure, with that figure written beside it.
     */
    private void assertChartsShow(FxRobot robot, List<CompareRun> runs, List<Mode> modes) {
        WaitForAsyncUtils.waitForFxEvents(); // the charts lay their new bars out on the next pulse
        LiveLab.onFx(() -> {
            for (ChartKind kind : ChartKind.values()) {
                ValueBarChart chart = chart(robot, kind);
                chart.applyCss();
                chart.layout();
                assertEquals(runs.size() * kind.bars().size(), chart.getData().size(), kind + ": a series per run and bar");
                int s = 0;
                for (CompareRun run : runs) {
                    for (ChartKind.Bar bar : kind.bars()) {
                        XYChart.Series<Number, String> series = chart.getData().get(s++);
                        assertTrue(series.getName().startsWith(run.name()), series.getName());
                        assertEquals(modes.size(), series.getData().size(), kind + ": a bar per mode");
                        for (int i = 0; i < modes.size(); i++) {
                            Mode mode = modes.get(i);
                            XYChart.Data<Number, String> d = series.getData().get(i);
                            ModeResult result = run.result(mode).orElseThrow();
                            double expected = bar.value(result);
                            assertEquals(ModeNames.of(mode), d.getYValue());
                            assertEquals(expected, d.getXValue().doubleValue(), 1e-9, kind + " " + mode);
                            Text label = chart.label(d);
                            assertEquals(bar.label(expected), label.getText(), kind + " " + mode);
                            assertTrue(label.isVisible() && label.getScene() != null, "the number is drawn");
                            var barBox = d.getNode().getBoundsInParent();
                            var textBox = label.getBoundsInParent();
                            assertTrue(textBox.getMinY() >= barBox.getMinY() - 4 && textBox.getMaxY() <= barBox.getMaxY() + 4,
                                    kind + " " + mode + ": the number sits beside its bar " + barBox + " " + textBox);
                        }
                    }
                }
            }
            return null;
        });
    }

    // Tests

    @Test
    void aTinyComparisonFillsEveryChartAndASecondRunStandsBesideIt(FxRobot robot, @TempDir Path dir) throws Exception {
        setUp(robot, TINY, 3, 10, 0);
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareExportPng").queryAs(Button.class).isDisabled()),
                "nothing to save before the first run");
        runAndWait(robot, 1);

        CompareRun first = LiveLab.onFx(() -> vm().runs().get(0));
        assertFalse(first.cancelled());
        for (Mode m : TINY) {
            ModeResult r = first.result(m).orElseThrow();
            assertEquals(30, r.roundTrips(), m + ": 3 clients x 10 lines");
            assertEquals(0, r.errors(), m + ": every echo came back");
        }
        assertChartsShow(robot, List.of(first), TINY);
        assertFalse(LiveLab.onFx(() -> vm().readingText()).isBlank());
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareReading").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size()) > 2, "a title and paragraphs");
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareStatus").queryAs(Label.class).getText()).startsWith("Run 1"));
        assertEquals(1.0, LiveLab.onFx(() -> vm().progressProperty().get()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !compareThreadAlive()); // it ends with its comparison

        // Save both, as the buttons would, to a folder of our choosing
        Path png = dir.resolve("charts.png");
        Path csv = dir.resolve("numbers.csv");
        LiveLab.onFx(() -> {
            window.controller().compare().exportPng(png);
            window.controller().compare().exportCsv(csv);
            window.controller().compare().exportPng(Path.of("/tmp/compare-tiny.png"));
            return null;
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 800 && image.getHeight() > 600, image.getWidth() + "x" + image.getHeight());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + TINY.size(), rows.size(), "a header and a row per mode");
        assertTrue(rows.get(0).startsWith("run,workload,clients,lines") && rows.get(0).contains("roundTripsPerSecond"));
        assertTrue(rows.get(1).startsWith("1,\"3x10, delay 0 ms, none\",3,10,64,0,none,false,1,8,iterative,1,"), rows.get(1));

        // Another setting, run again: the first run stays, the second stands beside it
        robot.clickOn("#compareProtection").push(KeyCode.DOWN).push(KeyCode.ENTER);
        waitFor(5, () -> vm().protectionProperty().get() == Protection.LOCK);
        runAndWait(robot, 2);
        List<CompareRun> both = LiveLab.onFx(() -> List.copyOf(vm().runs()));
        assertEquals(2, both.size());
        assertEquals("3×10, delay 0 ms, lock", both.get(1).name());
        assertChartsShow(robot, both, TINY);
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareLegend-2").tryQuery().isPresent()));
        assertTrue(LiveLab.onFx(() -> vm().readingText()).contains("Protection lock against none."),
                "the reading compares the two protections");
        LiveLab.onFx(() -> {
            window.controller().compare().exportCsv(csv);
            return null;
        });
        assertEquals(1 + 2 * TINY.size(), Files.readAllLines(csv).size(), "one table: both runs");
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @Test
    void everyModeWithTheSmallDefaultsGivesAReadingOfEach(FxRobot robot) throws Exception {
        robot.clickOn("#tabCompare");
        List<Mode> all = LiveLab.onFx(() -> vm().chosenModes());
        assertEquals(Mode.VIRTUAL.unavailableReason().isEmpty() ? 6 : 5, all.size(), "every mode this JVM runs, ticked");
        assertEquals(CompareViewModel.DEFAULT_CLIENTS, LiveLab.onFx(() -> vm().clientsProperty().get()));
        runAndWait(robot, 1);

        CompareRun run = LiveLab.onFx(() -> vm().runs().get(0));
        assertChartsShow(robot, List.of(run), all);
        String reading = LiveLab.onFx(() -> vm().readingText());
        for (String lead : List.of("Processes.", "Iterative.", "Threads, pool, event loop.", "How sure.")) {
            assertTrue(reading.contains(lead), lead + " in: " + reading);
        }
        ModeResult processes = run.result(Mode.PROCESSES).orElseThrow();
        ModeResult threads = run.result(Mode.THREADS).orElseThrow();
        assertTrue(processes.residentMbPerClient().median() > threads.residentMbPerClient().median(),
                "a JVM per client costs more memory than a thread: " + processes + " " + threads);
        LiveLab.onFx(() -> {
            window.controller().compare().exportPng(Path.of("/tmp/compare.png"));
            return null;
        });
    }

    @Test
    void cancelStopsTheComparisonWithinThreeSecondsAndRunWorksAgain(FxRobot robot) throws Exception {
        setUp(robot, List.of(Mode.ITERATIVE, Mode.POOL), 5, 200, 20); // iterative alone: 5 x 200 x 20 ms = 20 s
        robot.clickOn("#compareRun");
        waitFor(10, () -> vm().statusProperty().get().startsWith("Measuring Iterative"));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareSettings").query().isDisabled()), "settings wait for the run");
        long asked = System.nanoTime();
        robot.clickOn("#compareCancel");
        waitFor(10, () -> !vm().runningProperty().get());
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertTrue(seconds < 3, "stopped in " + seconds + " s");
        assertTrue(LiveLab.onFx(() -> vm().statusProperty().get()).startsWith("Cancelled"));
        assertTrue(LiveLab.onFx(() -> vm().runs().isEmpty()), "the run cut short is not drawn");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !compareThreadAlive());

        type(robot, "#compareLines", 5);
        type(robot, "#compareDelay", 0);
        runAndWait(robot, 1);
        assertChartsShow(robot, LiveLab.onFx(() -> List.copyOf(vm().runs())), List.of(Mode.ITERATIVE, Mode.POOL));
    }

    @Test
    void closingTheWindowDuringAComparisonStopsItAndLeavesNoChildOrThread(FxRobot robot) throws Exception {
        setUp(robot, List.of(Mode.PROCESSES), 4, 400, 20); // each child echoes 400 lines 20 ms apart: 8 s
        robot.clickOn("#compareRun");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count() >= 4);
        long asked = System.nanoTime();
        WaitForAsyncUtils.asyncFx(window::close).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - asked) / 1e9;

        assertFalse(compareThreadAlive(), "close waited for the bench");
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "every child reaped");
        assertTrue(seconds < 10, "closed in " + seconds + " s");
        // NoLeftovers checks the rest: no thread of ours is left
    }

    @Test
    void virtualThreadsAreOfferedOnlyWhereTheJvmHasThem(FxRobot robot) {
        robot.clickOn("#tabCompare");
        CheckBox virtual = robot.lookup("#compareMode-virtual").queryAs(CheckBox.class);
        assumeTrue(Mode.VIRTUAL.unavailableReason().isPresent(), "this JVM runs virtual threads");
        assertTrue(virtual.isDisabled() && !virtual.isSelected());
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compareModesNote").queryAs(Label.class).getText())
                .contains("Java 21"), "the reason is written beside the boxes");
    }
}
