package echolab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.sync.Protection;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.EventPump;
import echolab.ui.LabFolds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Updates lost before the server's box appears: the box is built with lost-update marks already
 * there, which light their lanes at once, and in the virtual-threads mode those lanes are the
 * virtual threads' (drawn by the carriers' view, which must exist by then). Issue 19 names this
 * ordering bug: a NullPointerException in {@code DiagramView.lane}.
 *
 * <p>The events are the server's own kinds, published on a real bus in the order a virtual-threads
 * server publishes them, all before the first frame: with a real server the window sees them in one
 * frame only by chance (a loaded machine, as on the CI run that found the bug); here always. The
 * frames are driven by hand, so that nothing reaches the diagram before all of them are folded.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class DiagramViewOrderingTest {

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private static final long WAIT_SECONDS = 20;
    private static final String WRITER = "echolab-virtual-1";
    private static final String OVERWRITTEN = "echolab-virtual-0";

    private Stage stage;

    private void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void updatesLostBeforeTheServersBoxAppearsLightTheVirtualThreadsLanesOnceItDoes() throws Exception {
        EventBus bus = new EventBus();
        Subscription window = bus.subscribe("window", 1 << 10);
        // the pump is not started: the test drives its frames, so nothing is drawn before every event is in
        Window w = fx(() -> {
            LabFolds folds = new LabFolds(Mode.VIRTUAL, Protection.NONE, 0, 0, 4, false);
            Window made = new Window(new DiagramView(), new EventPump(window));
            folds.addTo(made.pump());
            made.view().bind(folds.diagram(), folds.clients(), folds.controls(), made.pump()); // no server yet: no box
            Scene scene = new Scene(made.view(), 950, 560);
            scene.getStylesheets().addAll(css("/css/echolab.css"), css("/css/diagram.css"));
            stage.setScene(scene);
            stage.show();
            return made;
        });
        DiagramView view = w.view();
        EventPump pump = w.pump();
        assertEquals(null, fx(() -> view.lookup("#process-" + ProcessHandle.current().pid())), "no box before the server");

        loseAnUpdateBetweenTwoVirtualThreads(bus);

        // the first frames fold every event, then the diagram builds the box with the marks already in
        waitUntil("the lost update marked, on both virtual threads' lanes", () -> {
            pump.frame(System.nanoTime());
            Parent marks = (Parent) view.lookup("#lostMarks");
            return marks != null && marks.isVisible()
                    && hasStyle(view.lookup("#worker-virtual-1"), "lost")
                    && hasStyle(view.lookup("#worker-virtual-0"), "lost");
        });
        String newest = fx(() -> ((Label) view.lookup("#lostMarks .lost-mark.newest")).getText());
        assertTrue(newest.startsWith("⚡ virtual-1 overwrote virtual-0's write → 1"), newest);
        assertTrue(fx(() -> view.lookup("#carriers").lookup("#worker-virtual-1")) != null,
                "the writer's lane is the carriers' view's, not a platform thread's");
        window.close();
    }

    /**
     * A virtual-threads server with two clients: each client's virtual thread starts and mounts on a
     * carrier; both read the counter at 0, both write 1; the second write erased the first.
     */
    private static void loseAnUpdateBetweenTwoVirtualThreads(EventBus bus) {
        long pid = ProcessHandle.current().pid();
        String mode = Mode.VIRTUAL.id();
        bus.publish((s, t) -> new Event.ServerStarted(s, t, "127.0.0.1", 7707, mode, pid));
        bus.publish((s, t) -> new Event.WorkerStarted(s, t, OVERWRITTEN, mode, "virtual"));
        bus.publish((s, t) -> new Event.VirtualThreadMounted(s, t, 1, OVERWRITTEN, "ForkJoinPool-1-worker-1"));
        bus.publish((s, t) -> new Event.WorkerStarted(s, t, WRITER, mode, "virtual"));
        bus.publish((s, t) -> new Event.VirtualThreadMounted(s, t, 2, WRITER, "ForkJoinPool-1-worker-2"));
        bus.publish((s, t) -> new Event.CounterRead(s, t, 1, OVERWRITTEN, 0));
        bus.publish((s, t) -> new Event.CounterRead(s, t, 2, WRITER, 0));
        bus.publish((s, t) -> new Event.CounterWritten(s, t, 1, OVERWRITTEN, 1));
        bus.publish((s, t) -> new Event.CounterWritten(s, t, 2, WRITER, 1));
        bus.publish((s, t) -> new Event.LostUpdate(s, t, 2, WRITER, OVERWRITTEN, 1, 1));
    }

    /** The diagram and the pump that feeds it, made on the FX thread. */
    private record Window(DiagramView view, EventPump pump) {}

    private static boolean hasStyle(Node node, String style) {
        return node != null && node.getStyleClass().contains(style);
    }

    private static String css(String path) {
        return DiagramViewOrderingTest.class.getResource(path).toExternalForm();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition}, run on the FX thread, holds. A condition that throws counts as
     * false; the first such failure is reported on timeout (a box that failed half-built fails once).
     */
    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        AtomicReference<Throwable> first = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
                try {
                    return fx(condition);
                } catch (ExecutionException e) {
                    first.compareAndSet(null, e.getCause());
                    return false;
                }
            });
        } catch (TimeoutException e) {
            fail("timed out waiting for: " + what + (first.get() == null ? "" : " (first failure: " + first.get() + ")"));
        }
    }
}
