package echolab.ui;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.clients.ClientFleet;
import echolab.engine.Mode;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.model.ProcessModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;

/** The window driven as a student would drive it: clicks on its buttons, checks on what it shows. */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class LabWindowTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    private static long figure(FxRobot robot, String id) {
        return Long.parseLong(robot.lookup(id).queryAs(Label.class).getText().replace(",", ""));
    }

    private void selectMode(FxRobot robot, String buttonId, Mode mode) throws Exception {
        robot.clickOn(buttonId);
        waitFor(10, () -> window.controller().folds().controls().modeProperty().get() == mode);
    }

    @Test
    void addClientMakesAClientAppearWhoseLinesGetEchoedAndTheFiguresMove(FxRobot robot) throws Exception {
        robot.clickOn("#addClient");
        waitFor(10, () -> robot.lookup("#clientRow-client-1").tryQuery().isPresent());
        waitFor(20, () -> {
            String counts = robot.lookup("#clientCounts-client-1").queryAs(Label.class).getText();
            String[] echoedSent = counts.split("/");
            return Integer.parseInt(echoedSent[0]) >= 3 && echoedSent[0].equals(echoedSent[1]);
        });
        waitFor(10, () -> figure(robot, "#figEchoed") >= 3 && figure(robot, "#figClients") == 1);
        assertTrue(figure(robot, "#figCounter") >= 3);
    }

    @Test
    void aRealClientSuchAsNcAppearsLikeTheSimulatedOnes(FxRobot robot) throws Exception {
        try (echolab.testing.LineClient nc = new echolab.testing.LineClient(window.lab().address())) {
            String id = "port-" + nc.localPort();
            for (int i = 0; i < 3; i++) {
                nc.send("typed by hand " + i + "\n");
                assertEquals("typed by hand " + i + "\n", nc.readLineText());
            }
            waitFor(10, () -> robot.lookup("#clientRow-" + id).tryQuery().isPresent());
            waitFor(10, () -> "3/3".equals(robot.lookup("#clientCounts-" + id).queryAs(Label.class).getText()));
            assertTrue(robot.lookup("#clientState-" + id).queryAs(Label.class).getText().startsWith("served"));
        }
    }

    @Test
    void theStepThroughOfALostUpdateIsOneChoiceOfTheSynchronizationLab(FxRobot robot) throws Exception {
        robot.clickOn("#tabSync");
        robot.clickOn("#scenarioStepThrough");
        waitFor(5, () -> robot.lookup("#stepThroughHolder").query().isVisible());
        for (String worker : new String[] {"#stepA", "#stepB", "#stepA", "#stepB", "#stepA", "#stepB"}) {
            // fired, not clicked: on the 1280x800 test screen the buttons may lie below its edge
            javafx.scene.control.Button step = robot.lookup(worker).queryAs(javafx.scene.control.Button.class);
            WaitForAsyncUtils.asyncFx(step::fire).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(10, () -> "1".equals(robot.lookup("#stepCounter").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("#stepResult").queryAs(Label.class).getText().contains("erased"));
        robot.clickOn("#scenarioNone");
        waitFor(5, () -> !robot.lookup("#stepThroughHolder").query().isVisible());
    }

    @Test
    void processesModeDrawsAChildBoxPerClientAndTheyGoWhenReaped(FxRobot robot) throws Exception {
        selectMode(robot, "#modeProcesses", Mode.PROCESSES);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#addClient");
        }
        waitFor(30, () -> childBoxes(robot).size() == 3);
        Set<Long> pids = new HashSet<>();
        for (Node box : childBoxes(robot)) {
            pids.add(((ProcessModel) box.getProperties().get("model")).pid());
        }
        assertEquals(3, pids.size(), "distinct PIDs: " + pids);
        Set<Long> children = new HashSet<>();
        ProcessHandle.current().children().forEach(p -> children.add(p.pid()));
        assertTrue(children.containsAll(pids), "real children of this JVM " + children + " hold " + pids);

        robot.clickOn("#disconnectAll");
        waitFor(30, () -> childBoxes(robot).isEmpty());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "PID " + pid + " reaped");
        }
        assertEquals(3, window.lab().stats().processesReaped());
    }

    private static List<Node> childBoxes(FxRobot robot) {
        return robot.lookup(n -> n.getId() != null && n.getId().startsWith("process-")
                && n.getProperties().get("model") instanceof ProcessModel p && !p.isServer() && !p.reaped())
                .queryAll().stream().toList();
    }

    @Test
    void unprotectedLostUpdatesRiseAndStopRisingUnderAtomic(FxRobot robot) throws Exception {
        Slider raceWindow = robot.lookup("#raceWindowSlider").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> raceWindow.setValue(1000)).get();
        waitFor(5, () -> window.controller().folds().controls().raceWindowMicrosProperty().get() == 1000);
        robot.clickOn("#addFive");
        robot.clickOn("#addFive");
        waitFor(40, () -> figure(robot, "#figLost") > 0);

        robot.clickOn("#protAtomic");
        waitFor(5, () -> window.controller().folds().controls().protectionProperty().get() == echolab.sync.Protection.ATOMIC);
        long settled = figure(robot, "#figCounter") + 20; // increments begun before the switch have ended by then
        waitFor(20, () -> figure(robot, "#figCounter") >= settled);
        long lost = figure(robot, "#figLost");
        long counter = figure(robot, "#figCounter");
        waitFor(20, () -> figure(robot, "#figCounter") >= counter + 60);
        assertEquals(lost, figure(robot, "#figLost"), "no update is lost under atomic");
        assertEquals(figure(robot, "#figExpected") - figure(robot, "#figCounter"), figure(robot, "#figLost"));
    }

    @Test
    void anIterativeServerKeepsTheSecondClientInTheBacklogUntilTheSlowOneLeaves(FxRobot robot) throws Exception {
        selectMode(robot, "#modeIterative", Mode.ITERATIVE);
        robot.clickOn("#addSlow");
        waitFor(10, () -> robot.lookup("#clientState-client-1").queryAs(Label.class).getText().startsWith("served"));
        robot.clickOn("#addClient");
        waitFor(10, () -> robot.lookup("#backlog-client-2").tryQuery().isPresent());
        String state = robot.lookup("#clientState-client-2").queryAs(Label.class).getText();
        assertTrue(state.startsWith("in backlog") && state.contains("read blocked"), state);
        assertTrue(robot.lookup("#clientState-client-1").queryAs(Label.class).getText().startsWith("served"));

        waitFor(20, () -> robot.lookup("#clientState-client-1").queryAs(Label.class).getText().startsWith("closed"));
        waitFor(10, () -> robot.lookup("#clientState-client-2").queryAs(Label.class).getText().startsWith("served"));
        waitFor(5, () -> robot.lookup("#backlog-client-2").tryQuery().isEmpty()); // the diagram redraws ten times a second
    }

    @Test
    void switchingModesWhileClientsSendLosesNoLine(FxRobot robot) throws Exception {
        String[] buttons = {"#modeIterative", "#modeThreads", "#modeProcesses", "#modeEvents", "#modeVirtual", "#modePool"};
        robot.clickOn("#addFive");
        for (String button : buttons) {
            if (robot.lookup(button).query().isDisabled()) {
                continue; // virtual threads on Java 17
            }
            robot.clickOn(button);
            robot.clickOn("#addClient");
            robot.clickOn("#addClient");
            WaitForAsyncUtils.waitForFxEvents();
        }
        ClientFleet fleet = window.lab().clients();
        waitFor(90, () -> fleet.running().isEmpty());
        ClientFleet.Totals totals = fleet.totals();
        assertTrue(totals.clients() >= 15, totals.toString());
        assertEquals(0, totals.notAllVerified(), totals.toString());
        assertEquals(totals.linesSent(), totals.linesVerified(), totals.toString());
        waitFor(10, () -> figure(robot, "#figEchoed") == totals.linesVerified());
    }
}
