package echolab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.EventPump;
import echolab.ui.LabFolds;
import echolab.ui.model.ProcessModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The process diagram drawn from a real lab: a real server, real clients, real child processes.
 * Each test also leaves a picture in {@code /tmp/diagram-*.png} to look at.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class DiagramViewTest {

    private static final long WAIT_SECONDS = 20;

    private Stage stage;
    private Lab lab;
    private EventPump pump;
    private LabFolds folds;
    private DiagramView view;

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopLab() throws Exception {
        if (pump != null) {
            fx(() -> {
                pump.stop();
                return null;
            });
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void poolModeDrawsOneLanePerWorkerInOneProcessAndTheCounterMoves() throws Exception {
        open(options(Mode.POOL).poolSize(4));
        for (int i = 0; i < 3; i++) {
            lab.addClient();
        }
        String box = "#process-" + ProcessHandle.current().pid();
        waitUntil("4 pool-worker lanes and main in the server's box", () -> {
            Parent server = (Parent) view.lookup(box);
            return server != null && server.lookupAll(".lane").stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("worker-pool-worker-")).count() == 4
                    && server.lookup("#worker-main") != null;
        });
        String counterId = "#counter-" + ProcessHandle.current().pid();
        waitUntil("the counter label counts", () -> Long.parseLong(text(counterId)) > 3);
        waitUntil("the data region flashes on a read or a write", () -> {
            Node flash = view.lookup(box).lookup(".flash");
            return flash.getOpacity() > 0 && (flash.getStyleClass().contains("flash-read")
                    || flash.getStyleClass().contains("flash-write"));
        });
        Node lane = fx(() -> view.lookup("#worker-pool-worker-1"));
        long frame = fx(() -> pump.framesProperty().get());
        waitUntil("a few frames pass", () -> pump.framesProperty().get() > frame + 20);
        assertSame(lane, fx(() -> view.lookup("#worker-pool-worker-1")), "lanes are kept, not rebuilt per frame");
        assertTrue(fx(() -> ((Label) view.lookup("#diagramCaption")).getText()).startsWith("Thread pool"));

        lab.setRaceWindowMicros(30_000); // wide enough that overlapping workers lose updates
        for (int i = 0; i < 3; i++) {
            lab.addClient();
        }
        waitUntil("clients waiting in the pool's queue", () -> view.lookup("#poolQueue").lookup(".chip") != null);
        waitUntil("a lost update marked in the data region", () -> {
            Parent marks = (Parent) view.lookup("#lostMarks");
            return marks.isVisible() && marks.lookupAll(".lost-mark").stream().anyMatch(Node::isVisible)
                    && view.lookupAll(".lane.lost").size() >= 2; // the writer and the one it overwrote
        });
        String mark = fx(() -> ((Label) view.lookup("#lostMarks").lookup(".newest")).getText());
        assertTrue(mark.contains("overwrote") && mark.contains("lost"), mark);
        snapshot("/tmp/diagram-pool.png");
    }

    @Test
    void processesModeDrawsABoxPerRealChildWithItsOwnPidAndRemovesItAfterTheReap() throws Exception {
        open(options(Mode.PROCESSES));
        lab.addClient();
        lab.addClient();
        waitUntil("two child boxes", () -> childBoxes().size() == 2);
        Set<Long> drawn = fx(() -> childBoxes().stream()
                .map(n -> ((ProcessModel) n.getProperties().get("model")).pid()).collect(Collectors.toSet()));
        assertEquals(2, drawn.size(), "distinct PIDs");
        Set<Long> real = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertTrue(real.containsAll(drawn), "drawn " + drawn + ", real children " + real);
        for (long pid : drawn) {
            assertNotNull(fx(() -> view.lookup("#process-" + pid).lookup("#counter-" + pid)));
        }
        waitUntil("both children count in their own copy, ready", () -> drawn.stream().allMatch(pid -> {
            Parent box = (Parent) view.lookup("#process-" + pid);
            return Long.parseLong(((Label) box.lookup("#counter-" + pid)).getText()) > 0
                    && ((Label) box.lookup(".process-status")).getText().startsWith("ready in");
        }));
        assertEquals("0", text("#counter-" + ProcessHandle.current().pid()), "the parent's counter does not move");
        snapshot("/tmp/diagram-processes.png");

        lab.disconnectAll();
        waitUntil("a reaped child says its exit code", () -> childBoxes().stream().anyMatch(
                n -> ((Label) ((Parent) n).lookup(".process-status")).getText().startsWith("reaped (exit")));
        snapshot("/tmp/diagram-processes-reaped.png");
        waitUntil("the child boxes are gone", () -> childBoxes().isEmpty());
        assertTrue(ProcessHandle.current().children().noneMatch(p -> drawn.contains(p.pid()) && p.isAlive()));
    }

    @Test
    void iterativeModeDrawsTheWaitingClientInTheBacklogAtTheListeningSocket() throws Exception {
        open(options(Mode.ITERATIVE));
        lab.addSlowClient();
        waitUntil("main serves client-1", () -> view.lookup("#worker-main").lookup(".lane-serving") instanceof Label l
                && l.isVisible() && l.getText().contains("client-1"));
        lab.addClient();
        lab.addClient();
        waitUntil("client-2 in the backlog, its read blocked", () -> {
            Node chip = view.lookup("#backlog").lookup("#backlog-client-2");
            return chip != null && ((Label) ((Parent) chip).lookup(".chip-detail")).getText().contains("read blocked");
        });
        assertTrue(text("#listeningSocket").contains(lab.host() + ":" + lab.port()));
        snapshot("/tmp/diagram-iterative.png");
    }

    @Test
    void eventsModeDrawsTheWatchedConnectionsAndLightsTheReadyOnes() throws Exception {
        open(options(Mode.EVENTS));
        lab.addSlowClient(); // connected but silent for seconds: watched, never ready meanwhile
        lab.addClient();
        lab.addClient();
        waitUntil("three watched chips", () -> view.lookup("#watched").lookupAll(".chip").size() == 3
                && view.lookup("#watched-client-3") != null);
        waitUntil("a turn with some connections ready and some not, snapshot taken", () -> {
            int ready = view.lookup("#watched").lookupAll(".chip.ready").size();
            if (ready == 0 || ready == 3) {
                return false;
            }
            writePng(view.snapshot(null, null), "/tmp/diagram-events.png");
            return true;
        });
    }

    @Test
    void aLiveSwitchDrawsTheOldWorkersDrainingNextToTheNewModel() throws Exception {
        open(options(Mode.POOL).poolSize(3));
        lab.addClient();
        lab.addClient();
        waitUntil("two workers serving", () -> view.lookupAll(".lane.busy").size() == 2);
        lab.switchMode(Mode.THREADS);
        lab.addClient();
        waitUntil("pool workers draining, a thread for client-3", () ->
                view.lookup(".lane.draining") != null && view.lookup("#worker-thread-c3") != null);
        assertTrue(fx(() -> ((Label) view.lookup("#diagramCaption")).getText()).startsWith("Thread per client"));
        snapshot("/tmp/diagram-switch.png");
    }

    @Test
    void manyThreadsAreDrawnAsCompactLanesUpToALimitAndCounted() throws Exception {
        open(options(Mode.THREADS));
        for (int i = 0; i < 45; i++) {
            lab.addClient();
        }
        waitUntil("the lane limit reached and the rest counted, all accepted", () -> {
            Parent box = (Parent) view.lookup("#process-" + ProcessHandle.current().pid());
            return folds.clients().backlog().isEmpty()
                    && box.lookupAll(".lane.compact").size() == ThreadsArea.MAX_LANES
                    && box.lookupAll(".more").stream().anyMatch(n -> n.isVisible()
                            && ((Label) n).getText().startsWith("+"));
        });
        snapshot("/tmp/diagram-threads.png");
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @Test
    void virtualModeDrawsTheCarriersAndTheParkedVirtualThreads() throws Exception {
        assumeTrue(Mode.VIRTUAL.unavailableReason().isEmpty(), "virtual threads need Java 21+");
        open(options(Mode.VIRTUAL).delayMillis(120));
        for (int i = 0; i < 6; i++) {
            lab.addClient();
        }
        waitUntil("a carrier running a virtual thread, snapshot taken", () -> {
            Node busy = view.lookup(".lane.carrier.busy");
            if (busy == null || view.lookup("#carrier-0") == null || view.lookup(".parked .lane") == null) {
                return false;
            }
            writePng(view.snapshot(null, null), "/tmp/diagram-virtual.png");
            return true;
        });
    }

    // Helpers

    private static ServerOptions.Builder options(Mode mode) {
        return ServerOptions.defaults().toBuilder().port(0).mode(mode);
    }

    /** Starts a lab and draws it in a 950×560 scene, the size of the window's centre. */
    private void open(ServerOptions.Builder options) throws Exception {
        EventBus bus = new EventBus();
        Subscription sub = bus.subscribe("window", 1 << 16);
        lab = Lab.start(options.build(), bus);
        fx(() -> {
            folds = new LabFolds(lab.mode(), lab.protection(), lab.delayMillis(),
                    lab.raceWindowMicros(), lab.poolSize(), lab.blockingLoop());
            pump = new EventPump(sub);
            folds.addTo(pump);
            view = new DiagramView();
            view.bind(folds.diagram(), folds.clients(), folds.controls(), pump);
            Scene scene = new Scene(view, 950, 560);
            scene.getStylesheets().addAll(css("/css/echolab.css"), css("/css/diagram.css"));
            stage.setScene(scene);
            stage.show();
            pump.start();
            return null;
        });
    }

    private static String css(String path) {
        return DiagramViewTest.class.getResource(path).toExternalForm();
    }

    private List<Node> childBoxes() {
        return List.copyOf(view.lookup("#children").lookupAll(".process-box.child"));
    }

    private String text(String selector) throws Exception {
        return fx(() -> ((Label) view.lookup(selector)).getText());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition}, evaluated on the FX thread, holds. A condition that throws
     * (a node not there yet) counts as false; the last such failure is reported on timeout.
     */
    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        AtomicReference<Throwable> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
                try {
                    return fx(condition);
                } catch (ExecutionException e) {
                    last.set(e.getCause());
                    return false;
                }
            });
        } catch (TimeoutException e) {
            fail("timed out waiting for: " + what + (last.get() == null ? "" : " (last: " + last.get() + ")"));
        }
    }

    private void snapshot(String path) throws Exception {
        WritableImage image = fx(() -> view.snapshot(null, null));
        writePng(image, path);
    }

    /** SwingFXUtils is not on the class path, so the pixels are copied by hand. */
    private static void writePng(WritableImage image, String path) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", new File(path));
    }
}
