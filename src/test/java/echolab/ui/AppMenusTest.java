package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.testing.FxWindow;
import echolab.testing.LineClient;
import echolab.ui.fx.NodePng;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.control.MenuItem;
import java.util.List;
import javafx.stage.Stage;

/** The menu bar and its shortcuts, on the real window and its real server. */
@Tag("ui")
@Timeout(90)
class AppMenusTest {

    @TempDir
    Path dir;

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.SHORTCUT;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all).release(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theServerMenusShortcutsSwitchModesAddClientsAndTheMenuFollowsTheMode(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("File", "View", "Server", "Help"),
                bar.getMenus().stream().map(m -> m.getText()).toList());
        robot.clickOn("#diagram"); // the window has the focus, as a user's would

        int threads = java.util.Arrays.asList(Mode.values()).indexOf(Mode.THREADS) + 1;
        shortcut(robot, KeyCode.valueOf("DIGIT" + threads));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lab().mode() == Mode.THREADS);
        RadioMenuItem threadsItem = (RadioMenuItem) bar.getMenus().get(2).getItems().stream()
                .filter(i -> ("modeItem-" + Mode.THREADS.id()).equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, threadsItem::isSelected);

        window.lab().setProtection(Protection.LOCK); // changed elsewhere: the menu follows
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getMenus().get(2).getItems().stream()
                .anyMatch(i -> ("protectionItem-" + Protection.LOCK.id()).equals(i.getId()) && ((RadioMenuItem) i).isSelected()));

        shortcut(robot, KeyCode.N);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lab().stats().accepted() >= 1);
        try (LineClient client = new LineClient(window.lab().address())) {
            assertEquals("still serving\n", client.send("still serving\n").readLineText());
        }
    }

    @Test
    void theViewMenusShortcutsZoomAndSwitchThePresenterView(FxRobot robot) throws Exception {
        robot.clickOn("#diagram");
        assertFalse(window.controller().presenterOn());
        shortcut(robot, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.controller().presenterOn());

        assertEquals(1.0, window.zoom().zoomProperty().get(), 1e-9);
        shortcut(robot, KeyCode.EQUALS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(window.zoom().zoomProperty().get() - 1.1) < 1e-9);
        javafx.scene.layout.Region content = (javafx.scene.layout.Region) window.zoom().getChildrenUnmodifiable().get(0);
        double contentWidth = content.getWidth();
        shortcut(robot, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.zoom().zoomProperty().get() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(content.getWidth() > contentWidth, "zoomed in, the content is laid out narrower and drawn larger");
        shortcut(robot, KeyCode.MINUS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(window.zoom().zoomProperty().get() - 0.9) < 1e-9);
    }

    @Test
    void theFileMenusExportsWriteTheLogAsCsvAndTheDiagramAsPng(FxRobot robot) throws Exception {
        try (LineClient client = new LineClient(window.lab().address())) {
            client.send("a line for the log\n").readLineText();
        }
        // the log's items change on the FX thread: read them there
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> window.controller().eventLog().list()
                .getItems().stream().anyMatch(e -> "lineEchoed".equals(echolab.ui.model.LogFormat.typeName(e.event())))).get());
        Path csv = dir.resolve("log.csv");
        Path png = dir.resolve("diagram.png");
        WaitForAsyncUtils.asyncFx(() -> {
            window.controller().eventLog().exportCsv(csv);
            NodePng.write(window.controller().diagramView(), 2, png);
            return null;
        }).get();
        java.util.List<String> rows = Files.readAllLines(csv);
        assertEquals("seconds,type,client,text", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.contains("lineEchoed")), String.join("\n", rows));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("\u0089PNG", new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void helpShowsTheShortcutsAndAboutNamesJavaJavaFxAndTheOs(FxRobot robot) throws Exception {
        robot.clickOn("#diagram");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#infoText").tryQuery().isPresent());
        String shortcuts = robot.lookup("#infoText").queryAs(Label.class).getText();
        assertTrue(shortcuts.contains("Shift+P  presenter view"), shortcuts);
        String about = AppMenus.about();
        assertTrue(about.contains("Java " + System.getProperty("java.runtime.version")), about);
        assertTrue(about.contains("JavaFX " + System.getProperty("javafx.runtime.version")), about);
        assertTrue(about.contains(System.getProperty("os.name")), about);
        WaitForAsyncUtils.asyncFx(() -> ((Stage) robot.lookup("#infoText").queryAs(Label.class).getScene().getWindow()).close()).get();
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return menuItem(robot.lookup("#menuBar").queryAs(MenuBar.class), id);
    }

    private static MenuItem menuItem(MenuBar bar, String id) {
        java.util.ArrayDeque<MenuItem> todo = new java.util.ArrayDeque<>();
        bar.getMenus().forEach(todo::add);
        while (!todo.isEmpty()) {
            MenuItem item = todo.poll();
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof javafx.scene.control.Menu m) {
                todo.addAll(m.getItems());
            }
        }
        throw new AssertionError("no menu item #" + id);
    }

    /** Clicks OK in the confirmation dialog that {@code item} opens (its showAndWait holds the FX thread's nested loop). */
    private static void fireAndConfirm(FxRobot robot, MenuItem item) throws Exception {
        javafx.application.Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) ok).fire()).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> sheets() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.stage().getScene().getStylesheets())).get();
    }

    @Test
    void theViewMenusThemeDarkensTheWindowAndForgettingPutsTheLookBack(FxRobot robot) throws Exception {
        assertTrue(sheets().stream().noneMatch(u -> u.endsWith("/css/dark.css")));
        WaitForAsyncUtils.asyncFx(() -> menuItem(robot, "themeItem-dark").fire()).get();
        assertEquals(Theme.DARK, window.controller().looks().themeProperty().get());
        assertTrue(sheets().get(sheets().size() - 1).endsWith("/css/dark.css"), "after the others: " + sheets());
        WaitForAsyncUtils.asyncFx(() -> window.controller().presenter(true)).get();
        assertTrue(sheets().stream().anyMatch(u -> u.endsWith("/css/presenter.css")));
        assertTrue(sheets().stream().noneMatch(u -> u.endsWith("/css/presenter-light.css")), "dark is high-contrast already");
        assertTrue(((RadioMenuItem) menuItem(robot, "themeItem-dark")).isSelected());
        WaitForAsyncUtils.asyncFx(() -> window.zoom().zoomIn()).get();

        fireAndConfirm(robot, menuItem(robot, "forgetItem"));
        assertEquals(Theme.LIGHT, window.controller().looks().themeProperty().get());
        assertFalse(window.controller().presenterOn());
        assertEquals(1.0, window.zoom().zoomProperty().get(), 1e-9);
        assertTrue(sheets().stream().noneMatch(u -> u.endsWith("/css/dark.css") || u.contains("presenter")), sheets().toString());
        assertTrue(((RadioMenuItem) menuItem(robot, "themeItem-light")).isSelected());
    }

    @Test
    void shiftF1OpensTheUserGuide(FxRobot robot) throws Exception {
        robot.clickOn("#diagram");
        robot.press(KeyCode.SHIFT, KeyCode.F1).release(KeyCode.F1, KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && st.getTitle() != null && st.getTitle().contains("User guide"))).get());
        WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.getTitle() != null && st.getTitle().contains("User guide"))
                .map(w -> (Stage) w).toList().forEach(Stage::close)).get();
    }

    @Test
    void theNetworkItemSaysWhatItMeansThenAsksTheAppToListenOnEveryAddress(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(2).getItems().stream()
                .noneMatch(i -> "bindItem".equals(i.getId())), "without the app around the window, no item that cannot work");
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Stage other = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        LabWindow withApp = WaitForAsyncUtils.asyncFx(() -> LabWindow.open(other, ServerOptions.defaults().toBuilder().port(0).build(),
                new AppHooks(link -> { }, asked::add, null))).get();
        try {
            MenuItem bind = menuItem((MenuBar) other.getScene().lookup("#menuBar"), "bindItem");
            assertEquals("Open to the classroom network…", bind.getText());
            javafx.application.Platform.runLater(bind::fire);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
            String said = robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
            assertTrue(said.contains("anyone on the network can connect to port " + withApp.lab().port()), said);
            javafx.scene.control.DialogPane pane = robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class);
            WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire()).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), asked, "cancelled: nothing changes");
            fireAndConfirm(robot, bind);
            assertEquals(List.of("0.0.0.0"), asked);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                withApp.close();
                other.close();
            }).get();
        }
    }
}
