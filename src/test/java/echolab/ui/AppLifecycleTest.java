package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/** The whole application's life: started as the jar starts it, closed as a user closes it. */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class AppLifecycleTest {

    @Test
    void closingTheAppStopsTheServerAndLeavesNoChildProcess() throws Exception {
        System.setProperty(EchoLabApp.PORT_PROPERTY, "0");
        FxToolkit.registerPrimaryStage();
        EchoLabApp app = (EchoLabApp) FxToolkit.setupApplication(EchoLabApp.class);
        LabWindow window = app.window();
        window.lab().switchMode(Mode.PROCESSES);
        for (int i = 0; i < 3; i++) {
            window.lab().addClient();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lab().childPids().size() == 3);
        List<Long> pids = window.lab().childPids();

        FxToolkit.cleanupApplication(app); // what closing the window does: Application.stop

        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "no child left");
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "PID " + pid + " reaped");
        }
        assertTrue(Servers.portClosed(window.lab().address()));
        System.clearProperty(EchoLabApp.PORT_PROPERTY);
    }

    @org.junit.jupiter.api.AfterEach
    void forgetWhatTheTestsWindowRemembered() {
        Remembered.forget(Remembered.node()); // the node the build gives the tests (echolab.window.prefs)
    }

    @Test
    void theAppStartsAsItWasLeftUntilToldToForget() throws Exception {
        Remembered.forget(Remembered.node());
        System.setProperty(EchoLabApp.PORT_PROPERTY, "0");
        try {
            FxToolkit.registerPrimaryStage();
            EchoLabApp app = (EchoLabApp) FxToolkit.setupApplication(EchoLabApp.class);
            assertEquals(Mode.POOL, app.window().lab().mode());
            app.window().lab().switchMode(Mode.THREADS);
            app.window().lab().setRaceWindowMicros(300);
            WaitForAsyncUtils.asyncFx(() -> {
                app.window().controller().presenter(true);
                app.window().zoom().zoomIn();
                app.window().controller().looks().themeProperty().set(Theme.DARK);
            }).get();
            FxToolkit.cleanupApplication(app);
            // the place and size are not put back here: TestFX's stage is shared with the tests that
            // follow, and a stage given a size keeps it when they set their own scene
            Remembered.node().remove("width");
            Remembered.node().remove("height");

            EchoLabApp again = (EchoLabApp) FxToolkit.setupApplication(EchoLabApp.class);
            assertEquals(Mode.THREADS, again.window().lab().mode());
            assertEquals(300, again.window().lab().raceWindowMicros());
            assertTrue(WaitForAsyncUtils.asyncFx(() -> again.window().controller().presenterOn()).get());
            assertEquals(1.1, again.window().zoom().zoomProperty().get(), 1e-9);
            assertEquals(Theme.DARK, again.window().controller().looks().themeProperty().get());
            assertTrue(WaitForAsyncUtils.asyncFx(() -> again.window().stage().getScene().getStylesheets().stream()
                    .anyMatch(u -> u.endsWith("/css/dark.css"))).get(), "dark from the first frame");
            FxToolkit.cleanupApplication(again);

            Remembered.forget(Remembered.node()); // what open --forget does
            EchoLabApp fresh = (EchoLabApp) FxToolkit.setupApplication(EchoLabApp.class);
            assertEquals(Mode.POOL, fresh.window().lab().mode());
            assertEquals(ServerOptions.defaults().raceWindowMicros(), fresh.window().lab().raceWindowMicros());
            assertEquals(Theme.LIGHT, fresh.window().controller().looks().themeProperty().get());
            org.junit.jupiter.api.Assertions.assertFalse(
                    WaitForAsyncUtils.asyncFx(() -> fresh.window().controller().presenterOn()).get());
            FxToolkit.cleanupApplication(fresh);
        } finally {
            System.clearProperty(EchoLabApp.PORT_PROPERTY);
        }
    }

    @Test
    void theNetworkItemStartsTheLabAgainOnEveryAddressOnTheSamePortAndBack() throws Exception {
        System.setProperty(EchoLabApp.PORT_PROPERTY, "0");
        try {
            FxToolkit.registerPrimaryStage();
            EchoLabApp app = (EchoLabApp) FxToolkit.setupApplication(EchoLabApp.class);
            try {
            int port = app.window().lab().port();
            WaitForAsyncUtils.asyncFx(() -> app.window().controller().presenter(true)).get();
            confirm(app, "Open to the classroom network…");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> echolab.lab.BindAddress.isWildcard(app.window().lab().host()));
            assertEquals(port, app.window().lab().port(), "the port the students were given stays");
            assertTrue(WaitForAsyncUtils.asyncFx(() -> app.window().controller().presenterOn()).get(), "the look stays");
            String header = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Label) app.window().stage().getScene()
                    .lookup("#listeningLabel")).getText()).get();
            java.util.List<String> reachable = echolab.lab.BindAddress.reachableAt("0.0.0.0");
            if (!reachable.isEmpty()) { // a machine with a network: the header gives the students' command (whole, or alone when narrow)
                assertTrue(header.contains("students: nc " + reachable.get(0) + " " + port), header);
            }
            try (echolab.testing.LineClient client = new echolab.testing.LineClient(app.window().lab().address())) {
                assertEquals("on the network\n", client.send("on the network\n").readLineText());
            }
            confirm(app, "Listen on this machine only…");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "127.0.0.1".equals(app.window().lab().host()));
            assertEquals(port, app.window().lab().port());
            } finally {
                FxToolkit.cleanupApplication(app);
            }
        } finally {
            System.clearProperty(EchoLabApp.PORT_PROPERTY);
        }
    }

    /** Fires Server → {@code text} and clicks OK in its confirmation. */
    private static void confirm(EchoLabApp app, String text) throws Exception {
        javafx.scene.control.MenuBar bar = WaitForAsyncUtils.asyncFx(() -> (javafx.scene.control.MenuBar) app.window().stage().getScene()
                .lookup("#menuBar")).get();
        javafx.scene.control.MenuItem item = bar.getMenus().get(2).getItems().stream()
                .filter(i -> "bindItem".equals(i.getId())).findFirst().orElseThrow();
        assertEquals(text, item.getText());
        javafx.application.Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#confirmDialog") != null)).get());
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) javafx.stage.Window.getWindows().stream()
                    .map(w -> w.getScene().lookup("#confirmDialog")).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire();
        }).get();
    }
}
