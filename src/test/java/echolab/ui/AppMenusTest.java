package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.testing.LineClient;
import echolab.ui.fx.NodePng;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** The menu bar and its shortcuts, on the real window and its real server. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AppMenusTest {

    @TempDir
    Path dir;

    private LabWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindow.open(stage, ServerOptions.defaults().toBuilder().port(0).build());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get();
    }

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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lab().server().mode() == Mode.THREADS);
        RadioMenuItem threadsItem = (RadioMenuItem) bar.getMenus().get(2).getItems().stream()
                .filter(i -> ("modeItem-" + Mode.THREADS.id()).equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, threadsItem::isSelected);

        window.lab().setProtection(Protection.LOCK); // changed elsewhere: the menu follows
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getMenus().get(2).getItems().stream()
                .anyMatch(i -> ("protectionItem-" + Protection.LOCK.id()).equals(i.getId()) && ((RadioMenuItem) i).isSelected()));

        shortcut(robot, KeyCode.N);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lab().server().stats().accepted() >= 1);
        try (LineClient client = new LineClient(window.lab().server().address())) {
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
        double diagramWidth = window.controller().diagramView().getWidth();
        shortcut(robot, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.zoom().zoomProperty().get() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.controller().diagramView().getWidth() > diagramWidth,
                "zoomed in, the content is laid out narrower and drawn larger");
        shortcut(robot, KeyCode.MINUS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(window.zoom().zoomProperty().get() - 0.9) < 1e-9);
    }

    @Test
    void theFileMenusExportsWriteTheLogAsCsvAndTheDiagramAsPng(FxRobot robot) throws Exception {
        try (LineClient client = new LineClient(window.lab().server().address())) {
            client.send("a line for the log\n").readLineText();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.controller().eventLog().list().getItems().stream()
                .anyMatch(e -> "lineEchoed".equals(echolab.ui.model.LogFormat.typeName(e.event()))));
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
}
