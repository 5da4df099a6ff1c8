package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.events.Event;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.ui.LabWindow;
import echolab.ui.model.Activity;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/**
 * The "Your server" tab's tree drawn by the process diagram's own parts, in the real window at
 * 1600×1000: a forking server with five children, one of them a zombie, folded into the tab's own
 * tree as the sampler would publish it (no program runs: the layout is what is tested here; the
 * tab's tests with real servers are in {@link YourServerTabTest}).
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ObservedDiagramLayoutTest {

    private static final long SERVER = 4711;

    private LabWindow window;
    private long seq;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> {
        window = opened;
        opened.stage().setWidth(1600);
        opened.stage().setHeight(1000);
    });

    private long s() {
        return ++seq;
    }

    /** A forking server in accept, five children each reading its client's line; the first child ended unreaped. */
    private void forkServerWithFiveChildren(ObservedTreeModel tree) {
        List<Event> events = new ArrayList<>(List.of(
                new Event.ObservedServerStarted(s(), 0, SERVER, 40000, "./fork_noreap 40000"),
                new Event.ObservedProcessAppeared(s(), 0, SERVER, 1, "./fork_noreap 40000"),
                new Event.ObservedThreadAppeared(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "fork_noreap"),
                new Event.ObservedThreadWaits(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "ACCEPT", 3),
                new Event.ObservedDescriptors(s(), 0, SERVER, 4)));
        for (int i = 1; i <= 5; i++) {
            long pid = SERVER + i;
            String worker = "fork_noreap (" + pid + ")";
            events.addAll(List.of(
                    new Event.ClientConnecting(s(), 0, "s-client-" + i, 50000 + i),
                    new Event.ClientConnectReturned(s(), 0, "s-client-" + i, 50000 + i, 1000),
                    new Event.ObservedProcessAppeared(s(), 0, pid, SERVER, "./fork_noreap 40000"),
                    new Event.ObservedThreadAppeared(s(), 0, pid, pid, worker, "fork_noreap"),
                    new Event.ObservedThreadWaits(s(), 0, pid, pid, worker, "READ", 4),
                    new Event.ObservedDescriptors(s(), 0, pid, 5),
                    new Event.ObservedConnectionHeld(s(), 0, 50000 + i, pid, worker)));
        }
        events.forEach(tree::apply);
    }

    /** The first child's client finished and the child ended; nobody reaps it. */
    private void firstChildEndsUnreaped(ObservedTreeModel tree) {
        List.of(new Event.ObservedProcessZombie(s(), 0, SERVER + 1, SERVER),
                new Event.ObservedThreadEnded(s(), 0, SERVER + 1, SERVER + 1, "fork_noreap (4712)"),
                new Event.ObservedConnectionReleased(s(), 0, 50001)).forEach(tree::apply);
    }

    @Test
    void fiveChildrenOfAForkServerAreAllInSightAt1600x1000DrawnAsTheLabDrawsChildren(FxRobot robot) throws Exception {
        robot.clickOn("#tabYourServer");
        YourServerView tab = LiveLab.onFx(() -> window.controller().yourServer());
        LiveLab.onFx(() -> {
            forkServerWithFiveChildren(tab.viewModel().tree());
            tab.redraw(); // a frame with every child alive, then one with the first a zombie
            firstChildEndsUnreaped(tab.viewModel().tree());
            tab.redraw();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // layout settles
        List<String> outside = LiveLab.onFx(() -> {
            ScrollPane diagram = robot.lookup("#observedDiagram").queryAs(ScrollPane.class);
            Bounds view = diagram.localToScene(diagram.getViewportBounds().getWidth() > 0
                    ? new javafx.geometry.BoundingBox(0, 0, diagram.getViewportBounds().getWidth(),
                    diagram.getViewportBounds().getHeight()) : diagram.getLayoutBounds());
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                Node box = robot.lookup("#process-" + (SERVER + i)).query();
                Bounds b = box.localToScene(box.getLayoutBounds());
                if (!view.contains(b)) {
                    wrong.add("PID " + (SERVER + i) + " at " + b + " is not within the diagram's " + view);
                }
            }
            return wrong;
        });
        assertEquals(List.of(), outside);

        LiveLab.onFx(() -> {
            Node server = robot.lookup("#process-" + SERVER).query();
            assertTrue(server.getStyleClass().containsAll(List.of("process-box", "server", "parent")),
                    "the program is drawn as the lab's server, sharing the row with its children");
            Node lane = robot.from(server).lookup(".lane").query();
            assertTrue(robot.from(lane).lookup(".stack-frame").query().getStyleClass()
                    .contains(Activity.ACCEPTING.styleClass()), "its thread waits in accept, in the lab's colour");
            assertEquals("waits in accept() on descriptor 3",
                    robot.from(lane).lookup(".lane-state").queryAs(Label.class).getText());
            assertEquals("LISTENING SOCKET 127.0.0.1:40000", robot.lookup("#observedSocket").queryAs(Label.class).getText());
            assertEquals(4, robot.lookup("#descriptors-" + SERVER + " .descriptor-mark").queryAll().size());

            Node child = robot.lookup("#process-" + (SERVER + 2)).query();
            assertTrue(child.getStyleClass().containsAll(List.of("process-box", "child", "small")));
            assertEquals("serves s-client-2", robot.from(child).lookup(".process-client").queryAs(Label.class).getText());
            assertTrue(robot.from(child).lookup(".stack-frame").query().getStyleClass()
                    .contains(Activity.READING.styleClass()), "the child's thread reads its client's line");

            Node zombie = robot.lookup("#process-" + (SERVER + 1)).query();
            assertTrue(zombie.getStyleClass().containsAll(List.of("process-box", "child", "zombie")));
            assertTrue(robot.from(zombie).lookup(".zombie-note").queryAs(Label.class).getText()
                    .startsWith("zombie — ended, not reaped"));
            assertTrue(robot.from(zombie).lookup(".stack-frame").query().getStyleClass()
                    .contains(Activity.CLOSED.styleClass()), "its lane ended with it, as a reaped child's of the lab");

            Label caption = robot.lookup("#observedCaption").queryAs(Label.class);
            assertTrue(caption.getStyleClass().contains("diagram-caption"), "the lab's kind of caption");
            assertTrue(caption.getText().contains("read from " + ObservedTreeView.source() + " 20 times a second"),
                    caption.getText());
            Label title = robot.lookup("#children .section-title").queryAs(Label.class);
            assertNotNull(title);
            assertTrue(title.getText().startsWith("CHILD PROCESSES · 5 · 4 running · 1 zombie: ended, not reaped"),
                    title.getText());
            return null;
        });
    }
}
