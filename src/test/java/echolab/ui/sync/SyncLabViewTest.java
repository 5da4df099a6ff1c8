package echolab.ui.sync;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.sync.DeadlockFix;
import echolab.sync.Scenario;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.testing.Snapshots;
import echolab.ui.LabWindow;
import echolab.ui.model.ScenarioModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;

/**
 * The Synchronization lab driven from the real window, as a teacher would: pick a scenario, press
 * its set-up, change its settings, and check what the tab draws and counts. Each test leaves
 * pictures of the tab in {@code /tmp/sync-*.png} to look at.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class SyncLabViewTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    // Helpers

    private ScenarioModel scenario() {
        return window.controller().folds().scenario().scenario();
    }

    private SyncLabView tab(FxRobot robot) {
        return robot.lookup("#syncLab").queryAs(SyncLabView.class);
    }

    private static long figure(FxRobot robot, String id) {
        return Long.parseLong(LiveLab.onFx(() -> robot.lookup(id).queryAs(Label.class).getText()).replace(",", ""));
    }

    private static boolean shown(FxRobot robot, String id) {
        return LiveLab.onFx(() -> {
            for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static int count(FxRobot robot, String query) {
        return LiveLab.onFx(() -> robot.lookup(query).queryAll().size());
    }

    /**
     * Clicks a control of the tab. The test's screen is smaller than the window the tab is drawn
     * for, so the tab scrolls: the control is scrolled into view first, as a user would.
     */
    private static void click(FxRobot robot, String id) {
        LiveLab.onFx(() -> {
            Node node = robot.lookup(id).query();
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    Bounds b = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    Bounds view = pane.getViewportBounds();
                    Bounds all = pane.getContent().getLayoutBounds();
                    if (all.getHeight() > view.getHeight()) {
                        pane.setVvalue(clamp((b.getCenterY() - view.getHeight() / 2) / (all.getHeight() - view.getHeight())));
                    }
                    if (all.getWidth() > view.getWidth()) {
                        pane.setHvalue(clamp((b.getCenterX() - view.getWidth() / 2) / (all.getWidth() - view.getWidth())));
                    }
                    break;
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Opens the tab and picks a scenario with its button, as a teacher would. */
    private void choose(FxRobot robot, String button, Scenario s) throws Exception {
        robot.clickOn("#tabSync");
        robot.clickOn(button);
        waitFor(10, () -> scenario().scenarioProperty().get() == s
                && robot.lookup(button).queryAs(ToggleButton.class).isSelected());
    }

    /**
     * A picture of the tab at the size it has in the window as the app opens it (about 970 x 610
     * of a 1600 x 1000 window; the test's screen is smaller), to look at: a second view of the same
     * view model, laid out at that size in a scene of its own.
     */
    private void snapshot(FxRobot robot, String file) throws Exception {
        SyncLabView tab = tab(robot);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(LiveLab.onFx(() -> {
            SyncLabView copy = new SyncLabView();
            Scene scene = new Scene(copy, 970, 610);
            scene.getStylesheets().setAll(window.stage().getScene().getStylesheets());
            copy.bind(tab.viewModel(), window.controller().pump());
            return scene.snapshot(null);
        }), Paths.get(file));
    }

    // The selector

    @Test
    void theSelectorFollowsTheServerAndAClickSwitchesIt(FxRobot robot) throws Exception {
        robot.clickOn("#tabSync");
        assertTrue(robot.lookup("#scenarioNone").queryAs(ToggleButton.class).isSelected());
        assertFalse(shown(robot, "#scenarioSetUp"), "nothing to set up without a scenario");

        window.lab().setScenario(Scenario.DEADLOCK); // from outside the tab, as serve's stdin could
        waitFor(10, () -> robot.lookup("#scenarioDeadlock").queryAs(ToggleButton.class).isSelected());
        assertTrue(shown(robot, "#waitForGraph") && shown(robot, "#deadlockFix"));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#explainWhat").queryAs(Label.class).getText()).contains("log"));

        robot.clickOn("#scenarioSemaphore");
        waitFor(10, () -> window.lab().scenario() == Scenario.SEMAPHORE
                && robot.lookup("#scenarioSemaphore").queryAs(ToggleButton.class).isSelected());
        assertTrue(shown(robot, "#semaphoreGate") && shown(robot, "#permits"));
        assertFalse(shown(robot, "#waitForGraph"));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#scenarioSetUp").queryAs(javafx.scene.control.Button.class)
                .getText()).contains("6 clients"));
        assertFalse(shown(robot, "#stepThroughHolder"), "kept for the sixth choice, hidden until then");
    }

    // Hand-off

    @Test
    void aSharedHandoffSlotOrphansAClientAndTheTabCountsAndNamesIt(FxRobot robot) throws Exception {
        choose(robot, "#scenarioHandoff", Scenario.HANDOFF);
        assertFalse(robot.lookup("#handoffSafe").queryAs(CheckBox.class).isSelected());
        assertTrue(shown(robot, "#handoffShared") && !shown(robot, "#handoffCopies"));

        click(robot, "#scenarioSetUp");
        waitFor(30, () -> window.controller().folds().controls().modeProperty().get() == Mode.THREADS);
        waitFor(30, () -> figure(robot, "#handoffOrphaned") > 0 && figure(robot, "#handoffDoubleServed") > 0);
        waitFor(10, () -> count(robot, "#orphanedClients .handoff-orphan") > 0); // by name, as the client list has it
        snapshot(robot, "/tmp/sync-handoff.png");
    }

    @Test
    void withOwnCopiesEveryClientIsServedOnceAndNothingIsCounted(FxRobot robot) throws Exception {
        choose(robot, "#scenarioHandoff", Scenario.HANDOFF);
        click(robot, "#handoffSafe");
        waitFor(10, () -> scenario().safeProperty().get());
        assertTrue(shown(robot, "#handoffCopies") && !shown(robot, "#handoffShared"));

        click(robot, "#scenarioSetUp");
        waitFor(30, () -> window.lab().stats().echoed() >= 25); // five clients, several lines each
        assertEquals(0, figure(robot, "#handoffOrphaned"));
        assertEquals(0, figure(robot, "#handoffDoubleServed"));
        assertEquals(0, count(robot, "#orphanedClients .handoff-orphan"));
        snapshot(robot, "/tmp/sync-handoff-safe.png");
    }

    // Deadlock

    @Test
    void aDeadlockIsDrawnAsACycleAndCountedResetClearsItAndTheOrderFixLetsEchoesThrough(FxRobot robot)
            throws Exception {
        choose(robot, "#scenarioDeadlock", Scenario.DEADLOCK);
        click(robot, "#scenarioSetUp");
        waitFor(30, () -> figure(robot, "#deadlocksDetected") >= 1);
        waitFor(10, () -> count(robot, "#waitForGraph .wf-edge.wf-cycle") == 4); // holds and waits for, twice
        assertEquals(2, count(robot, "#waitForGraph .wf-in-cycle"));
        waitFor(10, () -> count(robot, "#waitForGraph .wf-in-cycle .state-deadlocked") == 2);
        assertTrue(count(robot, "#wf-resource-log") == 1 && count(robot, "#wf-resource-counter") == 1);
        waitFor(10, () -> figure(robot, "#deadlockEchoRate") == 0);
        snapshot(robot, "/tmp/sync-deadlock.png");

        long found = figure(robot, "#deadlocksDetected");
        long echoed = window.lab().stats().echoed();
        click(robot, "#fixOrder");
        waitFor(10, () -> scenario().fixProperty().get() == DeadlockFix.ORDER);
        click(robot, "#deadlockReset");
        waitFor(10, () -> count(robot, "#waitForGraph .wf-edge.wf-cycle") == 0);
        waitFor(20, () -> window.lab().stats().echoed() >= echoed + 20 && figure(robot, "#deadlockEchoRate") > 0);
        assertEquals(found, figure(robot, "#deadlocksDetected"), "one global order: no new deadlock");
        snapshot(robot, "/tmp/sync-deadlock-fixed.png");
    }

    @Test
    void aFixedBackOffShowsTheLivelockBannerWithItsRetriesAndARandomOneEndsIt(FxRobot robot) throws Exception {
        choose(robot, "#scenarioDeadlock", Scenario.DEADLOCK);
        click(robot, "#fixTrylockFixed");
        waitFor(10, () -> scenario().fixProperty().get() == DeadlockFix.TRYLOCK_FIXED);
        assertFalse(shown(robot, "#livelockBanner"));
        click(robot, "#scenarioSetUp");
        waitFor(30, () -> shown(robot, "#livelockBanner"));
        // the banner and the figures are redrawn on cadences of their own: the count may follow a frame later
        waitFor(5, () -> figure(robot, "#backoffRetries") > 0);
        assertTrue(LiveLab.onFx(() -> robot.lookup("#livelockBanner").queryAs(Label.class).getText()).contains("LIVELOCK"));
        assertEquals(0, figure(robot, "#deadlocksDetected"), "a livelock: nobody waits forever");
        snapshot(robot, "/tmp/sync-livelock.png");

        click(robot, "#fixTrylockRandom");
        waitFor(20, () -> !shown(robot, "#livelockBanner") && figure(robot, "#deadlockEchoRate") > 0);
    }

    // Starvation

    /**
     * One run with each lock. The claim the tab makes is the lock's own count: under the unfair
     * lock the greedy worker takes it again and again while the others are queued; the fair lock
     * never gives it twice in a row to one worker while another waits. (Wait times are shown too,
     * but a busy two-core machine moves a worst wait by tens of milliseconds; the count it cannot.)
     */
    @Test
    void anUnfairLockLetsTheGreedyWorkerBargeInAndAFairOneServesTheQueueInOrder(FxRobot robot) throws Exception {
        choose(robot, "#scenarioStarvation", Scenario.STARVATION);
        assertFalse(robot.lookup("#fairLock").queryAs(CheckBox.class).isSelected());
        Run unfair = run(robot, false);
        assertEquals(1, LiveLab.onFx(() -> robot.lookup("#starvationShares .share-greedy").queryAll().stream()
                .filter(Node::isVisible).count()), "the greedy worker is marked");
        snapshot(robot, "/tmp/sync-starvation.png");
        Run fair = run(robot, true);
        waitFor(5, () -> tab(robot).viewModel().unfairRunProperty().get() != null
                && tab(robot).viewModel().fairRunProperty().get() != null);
        snapshot(robot, "/tmp/sync-starvation-fair.png");
        assertTrue(unfair.streak() >= 3, "the greedy worker barged in while the others were queued: " + unfair);
        assertEquals(1, fair.streak(), "the fair lock serves the queue in order: " + fair);
        assertEquals(Integer.toString(unfair.streak()), LiveLab.onFx(() -> robot.lookup("#unfairStreak").queryAs(Label.class).getText()));
        assertEquals("1", LiveLab.onFx(() -> robot.lookup("#fairStreak").queryAs(Label.class).getText()));
    }

    /** One starvation run: the others' worst wait, the rows the tab marks starved, and the most turns in a row. */
    private record Run(double worst, int starved, int streak) {}

    /**
     * Sets the lock, sets up a run, waits until every worker but the greedy one has echoed its 200
     * lines and the bars show the final shares, then ends the greedy worker's long run.
     */
    private Run run(FxRobot robot, boolean fair) throws Exception {
        if (scenario().fairProperty().get() != fair) {
            click(robot, "#fairLock");
            waitFor(10, () -> scenario().fairProperty().get() == fair);
        }
        click(robot, "#scenarioSetUp");
        waitFor(40, () -> {
            List<ScenarioModel.Share> shares = scenario().shares();
            return shares.size() == 4
                    && shares.stream().filter(s -> !s.greedy()).allMatch(s -> s.acquisitions() >= 200);
        });
        ShareBars bars = robot.lookup("#starvationShares").queryAs(ShareBars.class);
        waitFor(5, () -> count(robot, "#starvationShares .share-row") == 4 && bars.starvedCount() == scenario()
                .shares().stream().filter(s -> !s.greedy() && s.longestWaitMillis() >= ShareBars.STARVED_MILLIS).count());
        Run run = LiveLab.onFx(() -> new Run(scenario().shares().stream().filter(s -> !s.greedy())
                .mapToDouble(ScenarioModel.Share::longestWaitMillis).max().orElse(0), bars.starvedCount(),
                window.lab().syncFigures().mostTurnsInARow()));
        robot.clickOn("#disconnectAll"); // the greedy worker's long run ends with its client
        waitFor(30, () -> window.lab().clients().running().isEmpty());
        return run;
    }

    // Counting semaphore

    @Test
    void theSemaphoreNeverLetsMoreThanKInDrawsTheWaitersAndKChangesLive(FxRobot robot) throws Exception {
        choose(robot, "#scenarioSemaphore", Scenario.SEMAPHORE);
        assertEquals(2, scenario().permitsProperty().get());
        click(robot, "#scenarioSetUp");
        waitFor(30, () -> figure(robot, "#semaphoreInside") == 2 && count(robot, "#semaphoreTokens .taken") == 2
                && count(robot, "#semaphoreWaiting .worker-badge") >= 2);
        assertEquals(2, count(robot, "#semaphoreTokens .permit-token"));
        assertEquals(2, figure(robot, "#semaphoreMax"), "never more than K inside");
        snapshot(robot, "/tmp/sync-semaphore.png");

        Slider k = robot.lookup("#permits").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> k.setValue(4)).get();
        waitFor(10, () -> scenario().permitsProperty().get() == 4 && count(robot, "#semaphoreTokens .permit-token") == 4);
        waitFor(20, () -> figure(robot, "#semaphoreMax") > 2);
        long echoed = window.lab().stats().echoed();
        boolean[] over = {false};
        waitFor(20, () -> { // while twenty more lines go through, never more than the new K
            over[0] |= figure(robot, "#semaphoreMax") > 4 || count(robot, "#semaphoreTokens .taken") > 4;
            return window.lab().stats().echoed() >= echoed + 20;
        });
        assertFalse(over[0], "more than K inside");
        snapshot(robot, "/tmp/sync-semaphore-k4.png");
    }
}
