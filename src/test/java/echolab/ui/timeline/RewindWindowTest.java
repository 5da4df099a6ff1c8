package echolab.ui.timeline;

import static echolab.testing.FxThread.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.EventPump;
import echolab.ui.LabWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

/**
 * The time machine on screen: a thread per client whose clients have left is gone from the
 * diagram; dragging the timeline to the right takes the picture back to when they were served, and
 * their threads are drawn again, serving them; the arrows step from there; Go live brings back the
 * server as it is now. The real window, server and clients.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class RewindWindowTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS).build(),
            opened -> window = opened);

    private Optional<Node> lane(FxRobot robot) {
        return onFx(() -> robot.lookup("#worker-thread-c1").tryQuery());
    }

    @Test
    void draggingTheTimelineBackDrawsTheThreadsOfClientsThatHaveLeftAndGoLiveReturns(FxRobot robot) throws Exception {
        EventPump pump = window.controller().pump();
        window.lab().addClient(new Behaviour.Steady(10_000, 50, 16));
        window.lab().addClient(new Behaviour.Steady(10_000, 50, 16));
        waitFor(15, () -> lane(robot).isPresent());
        Thread.sleep(1_500); // served a while: a stretch of the timeline to go back to
        window.lab().disconnectAll();
        waitFor(15, () -> lane(robot).isEmpty());
        Thread.sleep(500);

        Node canvas = robot.lookup("#timelineCanvas").query();
        for (int dragged = 0; lane(robot).isEmpty() && dragged < 1_200; dragged += 60) {
            robot.drag(canvas).moveBy(60, 0).drop(); // to the right: back in time
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(5, () -> lane(robot).isPresent());
        assertTrue(onFx(() -> pump.behindProperty().get()), "rewound, the picture is not live");
        Node lane = lane(robot).orElseThrow();
        assertTrue(onFx(() -> lane.lookupAll(".lane-serving").stream()
                        .anyMatch(n -> ((Label) n).getText().contains("client-"))),
                "the thread is drawn serving its client again");
        assertFalse(onFx(() -> robot.lookup("#liveButton").query().isDisabled()), "Go live is offered");

        long shown = onFx(pump::shownNanos);
        long served = shown;
        robot.type(KeyCode.LEFT);
        waitFor(5, () -> onFx(pump::shownNanos) < shown);
        long back = onFx(() -> pump.timeMachine().cursor());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        waitFor(5, () -> onFx(pump::shownNanos) > shown); // a tenth of a second on: past where it was
        assertTrue(onFx(() -> pump.timeMachine().cursor()) > back + 1, "Shift steps by time, not by one event");

        // played forward ten times as fast, the picture catches up with the server and is live again
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Double> speed = robot.lookup("#speedChoice").queryAs(javafx.scene.control.ChoiceBox.class);
        onFx(() -> {
            speed.getSelectionModel().select(10.0); // the list opens at 1×, with 10× above the screen's top
            return null;
        });
        assertTrue(onFx(() -> speed.getConverter().toString(speed.getValue())).equals("10×"), "the choice reads 10×");
        robot.clickOn("#pauseButton"); // Resume
        waitFor(15, () -> !onFx(() -> pump.behindProperty().get()));
        waitFor(10, () -> lane(robot).isEmpty());

        onFx(() -> {
            pump.rewindTo(served);
            return null;
        });
        waitFor(5, () -> lane(robot).isPresent());
        robot.clickOn("#liveButton");
        waitFor(10, () -> lane(robot).isEmpty());
        assertFalse(onFx(() -> pump.behindProperty().get()), "Go live: live again");
    }
}
