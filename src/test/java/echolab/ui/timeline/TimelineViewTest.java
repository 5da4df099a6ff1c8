package echolab.ui.timeline;

import static echolab.testing.LiveLab.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.Snapshots;
import echolab.ui.model.Activity;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The timeline against a real lab: a pool of 4 workers with a 200 ms service delay and the counter
 * under a lock, shown in a 1100 by 300 scene with the app's stylesheets.
 */
@Tag("ui")
@Timeout(60)
class TimelineViewTest {

    private static final Path SNAPSHOTS = Paths.get("target", "snapshots");

    private LiveLab live;
    private TimelineView view;
    private Scene scene;

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) throws Exception {
        live = LiveLab.start(ServerOptions.defaults().toBuilder().port(0).mode(Mode.POOL)
                .delayMillis(200).protection(Protection.LOCK).build());
        view = new TimelineView();
        view.bind(live.folds.timeline(), live.pump);
        scene = new Scene(view, 1100, 300);
        scene.getStylesheets().addAll(css("echolab.css"), css("timeline.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String name) {
        return TimelineViewTest.class.getResource("/css/" + name).toExternalForm();
    }

    @AfterEach
    void stopLab() {
        live.close();
    }

    private void addClients(int n) {
        for (int i = 0; i < n; i++) {
            live.lab.addClient(new Behaviour.Steady(1_000, 50, 16));
        }
    }

    /** Waits until the play clock has run {@code seconds} more. */
    private void waitForPlay(int seconds) throws Exception {
        long start = onFx(live.pump::playNanos);
        waitFor(seconds + 10, () -> live.pump.playNanos() - start > seconds * 1_000_000_000L);
    }

    private Color colourOf(Activity state) {
        return (Color) onFx(() -> view.palette().colour(state));
    }

    @Test
    void drawsTheLanesInTheColoursTheStylesheetGivesTheLegend() throws Exception {
        addClients(3);
        waitFor(10, () -> view.spansDrawn() > 0 && live.folds.timeline().timeline().lanes().size() >= 5
                && live.folds.timeline().timeline().spanCount() > 20);
        Color serviceWait = colourOf(Activity.SERVICE_WAIT);
        assertEquals(Color.web("#3d85c6"), serviceWait, "read from the .state-service-wait swatch of echolab.css");
        // a worker waiting out the 200 ms delay is a wide band of the legend's colour
        waitFor(10, () -> Snapshots.count(view.canvas().canvas().snapshot(null, null), serviceWait) > 500);
        assertTrue(Snapshots.count(Snapshots.take(view.canvas().canvas()), colourOf(Activity.SERVED)) > 100,
                "served clients in the legend's colour");
    }

    @Test
    void theLegendNamesEveryStateAndExplainsIt(FxRobot robot) {
        List<Label> entries = onFx(() -> robot.lookup("#legend").lookup(".legend-entry").queryAllAs(Label.class)
                .stream().toList());
        assertEquals(Activity.workerStates().length + Activity.clientStates().length, entries.size());
        Label lockWait = onFx(() -> robot.lookup("#legend-state-lock-wait").queryAs(Label.class));
        assertEquals("lock wait", lockWait.getText());
        assertEquals(Activity.LOCK_WAIT.description(), onFx(() -> lockWait.getTooltip().getText()));
        assertEquals(colourOf(Activity.LOCK_WAIT), Color.web("#d9534f"));
    }

    @Test
    void pauseFreezesThePlayClockAndTheCanvasWhileTheServerKeepsEchoing(FxRobot robot) throws Exception {
        addClients(2);
        waitFor(10, () -> live.lab.stats().echoed() > 2 && view.spansDrawn() > 0);

        robot.clickOn("#pauseButton");
        assertTrue(onFx(() -> live.pump.pausedProperty().get()));
        long frames = onFx(() -> live.pump.framesProperty().get());
        waitFor(10, () -> live.pump.framesProperty().get() > frames + 5); // the pause has settled
        long play = onFx(live.pump::playNanos);
        long redraws = onFx(view::redraws);
        long echoed = live.lab.stats().echoed();

        waitFor(10, () -> live.lab.stats().echoed() > echoed + 5);
        long later = onFx(() -> live.pump.framesProperty().get());
        waitFor(10, () -> live.pump.framesProperty().get() > later + 30);
        assertEquals(play, (long) onFx(live.pump::playNanos), "the play clock stands still while paused");
        assertEquals(redraws, (long) onFx(view::redraws), "nothing changed, so nothing was drawn");
        String lag = onFx(() -> robot.lookup("#lagLabel").queryAs(Label.class).getText());
        assertTrue(lag.startsWith("paused"), lag);

        robot.clickOn("#pauseButton");
        waitFor(10, () -> live.pump.playNanos() > play && view.redraws() > redraws);
    }

    @Test
    void slowMotionLetsThePictureFallBehindAndLiveCatchesUp(FxRobot robot) throws Exception {
        addClients(3);
        waitFor(10, () -> live.lab.stats().echoed() > 0);

        robot.clickOn("#speedChoice").clickOn("0.25×");
        assertEquals(0.25, (double) onFx(() -> live.pump.speedProperty().get()));
        waitFor(15, () -> live.pump.lagSecondsProperty().get() > 1.0);
        String behind = onFx(() -> robot.lookup("#lagLabel").queryAs(Label.class).getText());
        assertTrue(behind.matches("0\\.25× · \\d+\\.\\d s behind"), behind);

        robot.clickOn("#liveButton");
        waitFor(10, () -> live.pump.lagSecondsProperty().get() < 0.1);
        assertEquals("live", onFx(() -> robot.lookup("#lagLabel").queryAs(Label.class).getText()));
        assertEquals(1.0, (double) onFx(() -> robot.lookup("#speedChoice").queryAs(ChoiceBox.class).getValue()));
    }

    @Test
    void aNewWindowIsDrawnEvenWhilePaused(FxRobot robot) throws Exception {
        addClients(1);
        waitFor(10, () -> view.spansDrawn() > 0);
        robot.clickOn("#pauseButton");
        long frames = onFx(() -> live.pump.framesProperty().get());
        waitFor(10, () -> live.pump.framesProperty().get() > frames + 5);
        long redraws = onFx(view::redraws);

        robot.clickOn("#windowChoice").clickOn("60 s");
        waitFor(5, () -> view.redraws() > redraws);
        assertEquals(60, (int) onFx(() -> view.canvas().windowSecondsProperty().get()));
    }

    @Test
    void aThemeSwitchRecoloursTheCanvas(@TempDir Path dir) throws Exception {
        addClients(2);
        waitFor(10, () -> view.spansDrawn() > 0);
        Path theme = dir.resolve("theme.css");
        Files.writeString(theme, ".root { -state-service-wait: #00ff00; }");
        onFx(() -> scene.getStylesheets().add(theme.toUri().toString()));

        Color green = Color.web("#00ff00");
        waitFor(10, () -> green.equals(view.palette().colour(Activity.SERVICE_WAIT)));
        waitFor(10, () -> Snapshots.count(view.canvas().canvas().snapshot(null, null), green) > 500);
    }

    @Test
    void aHundredLanesShrinkThenScroll() throws Exception {
        for (int i = 0; i < 100; i++) {
            live.lab.addClient(new Behaviour.Steady(10, 100, 8));
        }
        waitFor(30, () -> live.folds.timeline().timeline().lanes().size() >= 100);
        ScrollBar bar = view.canvas().laneScrollBar();
        waitFor(5, bar::isVisible);
        assertTrue(onFx(() -> view.spansDrawn() > 0));
        waitForPlay(3);
        Snapshots.write(Snapshots.take(view), SNAPSHOTS.resolve("timeline-100.png"));
        long redraws = onFx(view::redraws);
        onFx(() -> {
            bar.setValue(bar.getMax());
            return null;
        });
        waitFor(5, () -> view.redraws() > redraws);
    }

    @Test
    void lostUpdatesAreMarkedInRedOnTheirLane() throws Exception {
        live.lab.setProtection(Protection.NONE);
        live.lab.setDelayMillis(0);
        live.lab.setRaceWindowMicros(300);
        for (int i = 0; i < 4; i++) {
            live.lab.addClient(new Behaviour.Steady(1_000, 20, 16));
        }
        waitFor(15, () -> live.folds.timeline().timeline().marks().size() >= 3);
        waitForPlay(4);
        Color lost = Color.web("#c62828"); // -lost in echolab.css
        waitFor(5, () -> Snapshots.count(view.canvas().canvas().snapshot(null, null), lost) > 20);
        Snapshots.write(Snapshots.take(view), SNAPSHOTS.resolve("timeline-lost.png"));
    }

    /** Not only a test: the picture to look at, in {@code target/snapshots/timeline.png}. */
    @Test
    void aLockedPoolWithFiveClientsShowsWorkersWaitingAndAClientQueued() throws Exception {
        addClients(5);
        waitForPlay(6);
        WritableImage image = Snapshots.take(view);
        Snapshots.write(image, SNAPSHOTS.resolve("timeline.png"));
        assertTrue(Snapshots.count(image, colourOf(Activity.SERVICE_WAIT)) > 1000, "workers waiting the delay");
        assertTrue(Snapshots.count(image, colourOf(Activity.QUEUED)) > 100, "the fifth client waiting for a worker");
    }
}
