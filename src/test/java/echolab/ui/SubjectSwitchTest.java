package echolab.ui;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.ui.model.TimelineModel;
import echolab.ui.observe.CommandHistory;
import echolab.ui.observe.FramingChoice;
import echolab.ui.observe.YourServerViewModel;
import echolab.ui.subject.Subject;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;

/**
 * The switch of the server the window studies (atop the side panel), in the real window: EchoLab's own with a
 * client, then a student's (python3 echo_server.py) with one of its own. The header, the side panel,
 * the tab in front, the timeline's lanes and the log's rows follow the switch, and the choice is
 * remembered.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class SubjectSwitchTest {

    private static final Path ECHO = Path.of("examples/servers/echo_server.py").toAbsolutePath();

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened).beforeOpening(SubjectSwitchTest::ownHistory);

    /** The student's command history goes to a node of the test's own: the user's stays as it was. */
    private static void ownHistory() {
        System.setProperty(CommandHistory.NODE_PROPERTY, "echolab-test/subject-switch-" + ProcessHandle.current().pid());
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
        var node = java.util.prefs.Preferences.userRoot().node(System.getProperty(CommandHistory.NODE_PROPERTY));
        node.removeNode();
        System.clearProperty(CommandHistory.NODE_PROPERTY);
        Remembered.saveSubject(Remembered.node(), Subject.ECHOLAB); // the next window's tests open on EchoLab's own
    }

    private static boolean python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void switchingTheSubjectSwapsTheHeaderTheSidePanelTheTimelinesLanesAndTheLogAndIsRemembered(FxRobot robot)
            throws Exception {
        assumeTrue(python(), "needs python3 to run the example echo_server.py");
        assumeTrue(Files.isRegularFile(ECHO), "the example servers are not in " + ECHO.getParent());
        MainController c = window.controller();
        assertEquals(Subject.ECHOLAB, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertShows(robot, Subject.ECHOLAB);

        // EchoLab's own server, with a client of its own
        robot.clickOn("#addClient");
        waitFor(15, () -> labels(c).stream().anyMatch(l -> l.startsWith("client-")));

        // the student's: the switch, then its server and a client from the side panel
        robot.clickOn("#subjectStudent");
        assertEquals(Subject.STUDENT, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertEquals(Subject.STUDENT, Remembered.subject(Remembered.node()));
        assertShows(robot, Subject.STUDENT);
        assertEquals("tabYourServer", selectedTab(robot));
        YourServerViewModel vm = LiveLab.onFx(() -> c.yourServer().viewModel());
        LiveLab.onFx(() -> {
            vm.commandProperty().set("python3 " + ECHO + " {port} --framing line");
            vm.framingProperty().set(FramingChoice.LINE);
            return null;
        });
        robot.clickOn("#yourStart");
        waitFor(20, () -> vm.statusProperty().get().startsWith("listening on 127.0.0.1:"));
        waitFor(5, () -> robot.lookup("#studentLabel").queryAs(Label.class).getText().contains("PID"));
        robot.clickOn("#yourAddClient");
        waitFor(15, () -> labels(c).stream().anyMatch(l -> l.startsWith("s-client-")));
        // the student's lanes only: its threads and its clients, none of the pool's workers or EchoLab's clients
        waitFor(15, () -> labels(c).stream().anyMatch(l -> l.startsWith("python3")));
        assertLanesAndRowsOf(c, Subject.STUDENT);

        // back to EchoLab's: the switch, its tab in front again, and its lanes only
        robot.clickOn("#subjectEchoLab");
        assertEquals(Subject.ECHOLAB, Remembered.subject(Remembered.node()));
        assertShows(robot, Subject.ECHOLAB);
        assertEquals("tabDiagram", selectedTab(robot));
        List<String> echoLabs = LiveLab.onFx(() -> labels(c));
        assertTrue(echoLabs.stream().anyMatch(l -> l.startsWith("pool-worker-")), echoLabs.toString());
        assertTrue(echoLabs.stream().anyMatch(l -> l.startsWith("client-")), echoLabs.toString());
        assertLanesAndRowsOf(c, Subject.ECHOLAB);

        // choosing the "Your server" tab is choosing the subject, as the switch does
        robot.clickOn("#tabYourServer");
        assertEquals(Subject.STUDENT, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#subjectStudent").queryAs(ToggleButton.class).isSelected()));
        robot.clickOn("#yourStop");
        waitFor(20, () -> vm.phaseProperty().get() == YourServerViewModel.Phase.IDLE);
    }

    @Test
    void theWindowOpensOnTheRememberedSubjectAndTheLessonsTakeItBackToEchoLabs(FxRobot robot) throws Exception {
        MainController c = window.controller();
        Remembered.saveSubject(Remembered.node(), Subject.STUDENT);
        LiveLab.onFx(() -> {
            c.restoreSubject(); // what EchoLabApp does as the window opens
            return null;
        });
        assertEquals(Subject.STUDENT, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertShows(robot, Subject.STUDENT);
        assertEquals("tabYourServer", selectedTab(robot));
        // the lessons run on EchoLab's server and point at its controls
        LiveLab.onFx(() -> {
            c.showLessons(true);
            return null;
        });
        assertEquals(Subject.ECHOLAB, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertEquals(Subject.ECHOLAB, Remembered.subject(Remembered.node()));
        // a lesson open as the window opens keeps EchoLab's, whatever was remembered
        Remembered.saveSubject(Remembered.node(), Subject.STUDENT);
        LiveLab.onFx(() -> {
            c.restoreSubject();
            return null;
        });
        assertEquals(Subject.ECHOLAB, LiveLab.onFx(() -> c.subjectProperty().get()));
        assertShows(robot, Subject.ECHOLAB);
    }

    /** The header and the side panel say {@code s}'s server. */
    private static void assertShows(FxRobot robot, Subject s) throws Exception {
        boolean student = s == Subject.STUDENT;
        assertEquals(!student, LiveLab.onFx(() -> visible(robot, "#modeLabel") && visible(robot, "#listeningLabel")));
        assertEquals(student, LiveLab.onFx(() -> visible(robot, "#studentLabel") && visible(robot, "#sourceLabel")));
        if (student) {
            assertTrue(LiveLab.onFx(() -> robot.lookup("#sourceLabel").queryAs(Label.class).getText())
                    .contains("20 times a second"));
        }
        // the side panel: EchoLab's modes and clients, or the student's command, buttons and clients
        assertEquals(!student, LiveLab.onFx(() -> visible(robot, "#modePool") && visible(robot, "#addClient")));
        assertEquals(student, LiveLab.onFx(() -> visible(robot, "#yourStart") && visible(robot, "#yourAddClient")
                && visible(robot, "#yourCommand")));
    }

    /** Whether the node {@code query} finds is in the scene and shown, with every parent. */
    private static boolean visible(FxRobot robot, String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        if (n == null || n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String selectedTab(FxRobot robot) throws Exception {
        return LiveLab.onFx(() -> robot.lookup("#centreTabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId());
    }

    private static List<String> labels(MainController c) {
        return c.folds().timeline().timeline().lanes().stream().map(TimelineModel.Lane::label).toList();
    }

    /** Every lane shown and every row of the log is {@code s}'s, and there are some of each. */
    private static void assertLanesAndRowsOf(MainController c, Subject s) throws Exception {
        waitFor(5, () -> !c.folds().log().log().shown().isEmpty());
        LiveLab.onFx(() -> {
            var lanes = c.folds().timeline().timeline().lanes();
            assertFalse(lanes.isEmpty());
            for (TimelineModel.Lane lane : lanes) {
                assertEquals(s, Subject.ofLane(lane.key, lane.label()), "lane " + lane.label());
            }
            for (var row : c.folds().log().log().shown()) {
                assertEquals(s, Subject.of(row.event()), "row " + row.event());
            }
            return null;
        });
    }
}
