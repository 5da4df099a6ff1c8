package echolab.ui.log;

import static echolab.testing.LiveLab.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.Snapshots;
import echolab.ui.model.LogFormat;
import echolab.events.Event;
import echolab.ui.model.LogModel.Entry;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/** The event log against a real lab: a pool of 4 workers, the counter unprotected, lines up to 64 bytes. */
@Tag("ui")
@Timeout(60)
class EventLogViewTest {

    private LiveLab live;
    private EventLogView view;

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) throws Exception {
        live = LiveLab.start(ServerOptions.defaults().toBuilder().port(0).mode(Mode.POOL)
                .protection(Protection.NONE).maxLineBytes(64).build());
        view = new EventLogView();
        view.bind(live.folds.log());
        Scene scene = new Scene(view, 1100, 360);
        scene.getStylesheets().addAll(css("echolab.css"), css("timeline.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String name) {
        return EventLogViewTest.class.getResource("/css/" + name).toExternalForm();
    }

    @AfterEach
    void stopLab() {
        live.close();
    }

    private ListView<Entry> list() {
        return view.list();
    }

    private List<Entry> rows() {
        return onFx(() -> List.copyOf(list().getItems()));
    }

    /** The cells on screen with an item, in order; on the FX thread. */
    @SuppressWarnings("unchecked")
    private List<ListCell<Entry>> visibleCells(FxRobot robot) {
        return robot.lookup(".log-cell").queryAll().stream()
                .map(n -> (ListCell<Entry>) n)
                .filter(c -> c.getItem() != null && c.isVisible())
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .collect(Collectors.toList());
    }

    /** Picks {@code type} in the type filter, as a user would from its list. */
    private void chooseType(FxRobot robot, String type) {
        onFx(() -> {
            ComboBox<String> box = robot.lookup("#logTypeFilter").query();
            box.getSelectionModel().select(type);
            return null;
        });
    }

    private static String text(Node cell, String styleClass) {
        return ((Label) cell.lookup("." + styleClass)).getText();
    }

    @Test
    void rowsSayWhenWhatAndWhoInASentence(FxRobot robot) throws Exception {
        live.lab.addClient(new Behaviour.Steady(3, 10, 16));
        waitFor(10, () -> list().getItems().stream().anyMatch(e -> "lineEchoed".equals(LogFormat.typeName(e.event()))));
        waitFor(5, () -> !visibleCells(robot).isEmpty());
        // one look at one cell, on the FX thread, so that the cell cannot be reused in between
        List<String> seen = onFx(() -> {
            ListCell<Entry> cell = visibleCells(robot).get(visibleCells(robot).size() - 1);
            Entry entry = cell.getItem();
            return List.of(text(cell, "log-time"), text(cell, "log-type"), text(cell, "log-text"),
                    LogFormat.typeName(entry.event()), LogFormat.text(entry.event(), entry.client()));
        });
        assertTrue(seen.get(0).matches("\\d+\\.\\d{3}"), seen.get(0));
        assertEquals(seen.get(3), seen.get(1));
        assertEquals(seen.get(4), seen.get(2));

        // the reader scrolls up, so the log stops following: a row arriving late (the pump is slow
        // on a loaded machine) would otherwise take the view back to the newest
        robot.moveTo("#logList").scroll(100, VerticalDirection.UP);
        onFx(() -> {
            list().scrollTo(0);
            return null;
        });
        waitFor(5, () -> !visibleCells(robot).isEmpty() && visibleCells(robot).get(0).getIndex() == 0);
        assertEquals("0.000", onFx(() -> text(visibleCells(robot).get(0), "log-time")), "time counts from the first row");
    }

    @Test
    void theTypeFilterShowsOnlyThatType(FxRobot robot) throws Exception {
        live.lab.addClient(new Behaviour.Steady(1_000, 20, 16));
        waitFor(10, () -> list().getItems().size() > 20);

        chooseType(robot, "lineEchoed");
        int before = rows().size();
        waitFor(10, () -> list().getItems().size() > before + 5);
        Set<String> types = rows().stream().map(e -> LogFormat.typeName(e.event())).collect(Collectors.toSet());
        assertEquals(Set.of("lineEchoed"), types);

        chooseType(robot, EventLogView.ALL_TYPES);
        waitFor(10, () -> list().getItems().stream().map(e -> LogFormat.typeName(e.event())).distinct().count() > 3);
    }

    @Test
    void theClientFilterShowsOnlyThatClientsRows(FxRobot robot) throws Exception {
        live.lab.addClient(new Behaviour.Steady(1_000, 20, 16));
        live.lab.addClient(new Behaviour.Steady(1_000, 20, 16));
        waitFor(10, () -> list().getItems().stream().anyMatch(e -> "client-2".equals(e.client()))
                && list().getItems().stream().anyMatch(e -> "client-1".equals(e.client())));

        robot.clickOn("#logClientFilter").write("client-2");
        waitFor(10, () -> list().getItems().size() > 10);
        List<Entry> shown = rows();
        assertTrue(shown.stream().allMatch(e -> e.client() != null && e.client().contains("client-2")),
                () -> "rows of other clients: " + shown.stream().map(Entry::client).distinct().toList());
    }

    @Test
    void lostUpdatesStandOut(FxRobot robot) throws Exception {
        live.lab.setRaceWindowMicros(2_000);
        for (int i = 0; i < 4; i++) {
            live.lab.addClient(new Behaviour.Steady(1_000, 5, 16));
        }
        waitFor(15, () -> live.folds.diagram().lostSeen() > 0);
        chooseType(robot, "lostUpdate");
        waitFor(10, () -> !visibleCells(robot).isEmpty() && visibleCells(robot).stream()
                .allMatch(c -> c.getItem().event() instanceof Event.LostUpdate));
        List<ListCell<Entry>> cells = onFx(() -> visibleCells(robot));
        assertTrue(onFx(() -> cells.stream().allMatch(c -> c.getStyleClass().contains("log-lost"))));
        assertTrue(onFx(() -> text(cells.get(0), "log-text")).startsWith("LOST "));
    }

    @Test
    void errorsAndSettingsStandOut(FxRobot robot) throws Exception {
        live.lab.addClient(new Behaviour.Steady(1, 0, 200)); // longer than the server takes
        live.lab.setProtection(Protection.LOCK);
        waitFor(10, () -> list().getItems().stream().anyMatch(e -> e.event() instanceof Event.LimitHit)
                && list().getItems().stream().anyMatch(e -> e.event() instanceof Event.ProtectionChanged));
        onFx(() -> {
            int protection = 0;
            while (!(list().getItems().get(protection).event() instanceof Event.ProtectionChanged)) {
                protection++;
            }
            list().scrollTo(Math.max(0, protection - 4)); // the reader scrolls up to the change
            list().getSelectionModel().select(protection - 1);
            return null;
        });
        waitFor(5, () -> visibleCells(robot).stream().anyMatch(c -> c.getStyleClass().contains(LogCell.ERROR))
                && visibleCells(robot).stream().anyMatch(c -> c.getStyleClass().contains(LogCell.SETTING)));
        List<String> marked = onFx(() -> visibleCells(robot).stream()
                .filter(c -> c.getStyleClass().contains(LogCell.ERROR))
                .map(c -> LogFormat.typeName(c.getItem().event())).toList());
        assertTrue(marked.contains("limitHit"), marked.toString());
        Snapshots.write(Snapshots.take(view), Paths.get("target", "snapshots", "log-marks.png"));
    }

    @Test
    void followsTheNewestRowUntilTheReaderScrollsUp(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            live.lab.addClient(new Behaviour.Steady(1_000, 30, 16));
        }
        waitFor(10, () -> list().getItems().size() > 100);
        waitFor(5, () -> newestInView(robot));
        assertTrue(onFx(view::isFollowing));
        assertFalse(onFx(() -> robot.lookup("#logFollowButton").query().isVisible()));

        robot.moveTo("#logList").scroll(15, VerticalDirection.UP);
        waitFor(5, () -> !view.isFollowing());
        Entry reading = onFx(() -> visibleCells(robot).get(2).getItem());
        Entry newest = onFx(() -> list().getItems().get(list().getItems().size() - 1));
        waitFor(10, () -> list().getItems().indexOf(newest) < list().getItems().size() - 30); // 30 rows came since
        assertTrue(onFx(() -> visibleCells(robot).stream().anyMatch(c -> c.getItem() == reading)),
                "the row being read stays in view while new rows arrive below");
        assertFalse(onFx(() -> newestInView(robot)));
        assertFalse(onFx(view::isFollowing));
        assertTrue(onFx(() -> robot.lookup("#logFollowButton").query().isVisible()));

        robot.clickOn("#logFollowButton");
        waitFor(5, () -> view.isFollowing() && newestInView(robot));
        Snapshots.write(Snapshots.take(view), Paths.get("target", "snapshots", "log.png"));
    }

    /** Whether the newest row is on screen, whole; on the FX thread. */
    private boolean newestInView(FxRobot robot) {
        List<ListCell<Entry>> cells = visibleCells(robot);
        int n = list().getItems().size();
        if (cells.isEmpty()) {
            return false;
        }
        ListCell<Entry> last = cells.get(cells.size() - 1);
        double bottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        return last.getIndex() >= n - 1 && bottom <= list().localToScene(list().getBoundsInLocal()).getMaxY() + 1;
    }
}
