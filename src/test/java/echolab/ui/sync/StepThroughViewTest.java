package echolab.ui.sync;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.testing.Snapshots;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The step-through view alone in a window, clicked as a student clicks it. Some tests leave a
 * picture to look at: {@code /tmp/step-lost.png}, {@code /tmp/step-locked.png} (B blocked),
 * {@code /tmp/step-locked-done.png} and {@code /tmp/step-replay.png} (a replay half-way).
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class StepThroughViewTest {

    private StepThroughView view;

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) {
        view = new StepThroughView();
        Scene scene = new Scene(view, 950, 560);
        for (String sheet : new String[] {"/css/echolab.css", "/css/panels.css", "/css/sync.css"}) {
            scene.getStylesheets().add(StepThroughViewTest.class.getResource(sheet).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(view::close).get(5, TimeUnit.SECONDS);
    }

    private static void click(FxRobot robot, String... ids) {
        for (String id : ids) {
            robot.clickOn(id);
        }
    }

    private static String text(FxRobot robot, String id) {
        return LiveLab.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean disabled(FxRobot robot, String id) {
        return LiveLab.onFx(() -> robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    private static int historySize(FxRobot robot) {
        return LiveLab.onFx(() -> robot.lookup("#stepHistory").queryAs(ListView.class).getItems().size());
    }

    private static boolean hasClass(FxRobot robot, String id, String styleClass) {
        return LiveLab.onFx(() -> robot.lookup(id).query().getStyleClass().contains(styleClass));
    }

    @Test
    void interleavedClicksDrawTheLostUpdate(FxRobot robot) throws Exception {
        assertEquals("0", text(robot, "#stepCounter"));
        click(robot, "#stepA", "#stepB", "#stepA", "#stepB", "#stepA", "#stepB");

        waitFor(5, () -> "1".equals(text(robot, "#stepCounter")));
        assertEquals("Both workers added 1, but the counter is 1: B's write erased A's update.", text(robot, "#stepResult"));
        assertTrue(hasClass(robot, "#stepResult", "lost"));
        assertTrue(hasClass(robot, "#stepCounter", "lost"));
        assertEquals(6, historySize(robot));
        assertEquals("1", text(robot, "#stepLocalA"));
        assertEquals("1", text(robot, "#stepLocalB"));
        assertTrue(disabled(robot, "#stepA") && disabled(robot, "#stepB"), "both workers are done");
        Snapshots.write(Snapshots.take(view), Path.of("/tmp/step-lost.png"));
    }

    @Test
    void serializedClicksLoseNothing(FxRobot robot) throws Exception {
        click(robot, "#stepA", "#stepA", "#stepA", "#stepB", "#stepB", "#stepB");

        waitFor(5, () -> "2".equals(text(robot, "#stepCounter")));
        assertTrue(text(robot, "#stepResult").startsWith("Counter is 2: nothing lost"), text(robot, "#stepResult"));
        assertTrue(hasClass(robot, "#stepResult", "safe"));
        assertFalse(hasClass(robot, "#stepCounter", "lost"));
    }

    @Test
    void withTheLockBIsDrawnBlockedUntilAWritesAndNothingIsLost(FxRobot robot) throws Exception {
        click(robot, "#stepLock", "#stepA", "#stepB");

        waitFor(5, () -> "blocked on the lock".equals(text(robot, "#stepPhaseB")));
        assertTrue(hasClass(robot, "#stepPhaseB", "state-lock-wait"), "drawn in the lock-wait colour");
        assertTrue(hasClass(robot, "#stepWorkerB", "blocked"));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#stepHoldsA").query().isVisible()), "A holds the lock");
        assertTrue(disabled(robot, "#stepB"), "a blocked worker takes no step");
        assertEquals("lock held by A", text(robot, "#stepLockStatus"));
        assertEquals("B is blocked in lock(). When A writes and unlocks, B gets the lock and reads.",
                text(robot, "#stepResult"));
        WritableImage picture = Snapshots.take(view);
        Snapshots.write(picture, Path.of("/tmp/step-locked.png"));
        Color lockWait = Color.web("#d9534f"); // -state-lock-wait of echolab.css, read back from the pixels
        assertTrue(Snapshots.count(picture, lockWait) > 500, "the blocked worker is painted in the lock-wait colour");

        click(robot, "#stepA", "#stepA"); // A adds, writes and unlocks: B gets the lock and reads A's 1
        waitFor(5, () -> "has read 1".equals(text(robot, "#stepPhaseB")));
        assertFalse(hasClass(robot, "#stepWorkerB", "blocked"));
        assertEquals("lock held by B", text(robot, "#stepLockStatus"));

        click(robot, "#stepB", "#stepB");
        waitFor(5, () -> "2".equals(text(robot, "#stepCounter")));
        assertEquals("Counter is 2: nothing lost. The lock made B wait until A had written.", text(robot, "#stepResult"));
        assertEquals(7, historySize(robot), "three steps each, and B's blocked request");
        Snapshots.write(Snapshots.take(view), Path.of("/tmp/step-locked-done.png"));
    }

    @Test
    void replayRepeatsTheRecordedInterleavingOneClickAtATime(FxRobot robot) throws Exception {
        assertTrue(disabled(robot, "#stepReplay"), "nothing recorded yet");
        click(robot, "#stepA", "#stepB", "#stepA", "#stepB", "#stepA", "#stepB");
        waitFor(5, () -> "1".equals(text(robot, "#stepCounter")));

        click(robot, "#stepReplay");
        waitFor(5, () -> "0".equals(text(robot, "#stepCounter")));
        assertEquals(0, historySize(robot));
        assertTrue(disabled(robot, "#stepA") && disabled(robot, "#stepB"), "the replay drives the workers");
        assertEquals("Replaying: 0 of 6 clicks done, next: A", text(robot, "#stepReplayStatus"));
        for (int i = 1; i <= 6; i++) {
            click(robot, "#stepReplayNext");
            int taken = i;
            waitFor(5, () -> historySize(robot) == taken);
            if (i == 4) {
                assertEquals("Both workers copied 0 before either wrote: one +1 is about to be lost.",
                        text(robot, "#stepResult"));
                Snapshots.write(Snapshots.take(view), Path.of("/tmp/step-replay.png"));
            }
        }
        assertEquals("1", text(robot, "#stepCounter"));
        assertTrue(hasClass(robot, "#stepResult", "lost"));
        assertTrue(disabled(robot, "#stepReplayNext"));
        assertEquals("Replay done: 6 of 6 clicks", text(robot, "#stepReplayStatus"));
    }

    @Test
    void resetAndTheLockToggleStartOver(FxRobot robot) throws Exception {
        click(robot, "#stepA", "#stepB");
        waitFor(5, () -> historySize(robot) == 2);
        click(robot, "#stepReset");
        waitFor(5, () -> historySize(robot) == 0);
        assertEquals("ready to read", text(robot, "#stepPhaseA"));
        assertEquals("–", text(robot, "#stepLocalA"));

        click(robot, "#stepA", "#stepLock");
        waitFor(5, () -> historySize(robot) == 0);
        assertTrue(view.model().lockedProperty().get());
        assertEquals("lock free", text(robot, "#stepLockStatus"));
        assertEquals(5, LiveLab.onFx(() -> ((javafx.scene.layout.VBox) robot.lookup("#stepCodeA").query())
                .getChildren().size()), "the code now takes and releases the lock");
    }

    @Test
    void closingWhileBIsBlockedLeavesNoThread(FxRobot robot) throws Exception {
        click(robot, "#stepLock", "#stepA", "#stepB");
        waitFor(5, () -> "blocked on the lock".equals(text(robot, "#stepPhaseB")));
        assertEquals(2, NoLeftovers.ourThreads().size());
        WaitForAsyncUtils.asyncFx(view::close).get(5, TimeUnit.SECONDS);
        assertTrue(NoLeftovers.ourThreads().isEmpty(), NoLeftovers.ourThreads().toString());
        Node stepA = robot.lookup("#stepA").query();
        assertTrue(stepA != null);
    }
}
