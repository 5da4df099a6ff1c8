package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echolab.testing.FxWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** An error nobody caught: written to the log file with its stack trace, and told in a dialog that says where the log is. */
@Tag("ui")
@Timeout(60)
class ErrorReporterTest {

    @TempDir
    Path logs;

    private Stage stage;
    private AppLog log;
    private ErrorReporter reporter;

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("the app")), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            reporter.uninstall();
            log.close();
        }).get();
    }

    @Test
    void anUncaughtErrorOnTheFxThreadIsLoggedAndShownWithWhereTheLogIs(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            log = AppLog.open(logs);
            reporter = ErrorReporter.install(log, stage);
            return null;
        }).get();
        Platform.runLater(() -> {
            throw new IllegalStateException("boom for the test");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorWhere").tryQuery().isPresent());

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Something went wrong: IllegalStateException: boom for the test", pane.getHeaderText());
        String where = robot.lookup("#errorWhere").queryAs(Label.class).getText();
        assertTrue(where.contains("JavaFX Application Thread"), where);
        assertTrue(where.contains(logs.resolve("echolab0.log").toAbsolutePath().toString()), where);
        String details = ((TextArea) pane.getExpandableContent()).getText();
        assertTrue(details.startsWith("java.lang.IllegalStateException: boom for the test"), details);
        assertTrue(details.contains("ErrorReporterTest"), "the stack trace names where it was thrown");

        String written = Files.readString(logs.resolve("echolab0.log"), StandardCharsets.UTF_8);
        assertTrue(written.contains("SEVERE uncaught in thread JavaFX Application Thread: IllegalStateException: boom for the test"), written);
        assertTrue(written.contains("at echolab.ui.ErrorReporterTest"), written);

        // a second error while the dialog is open is logged, not shown in a second dialog
        Thread other = new Thread(() -> {
            throw new UnsupportedOperationException("second one");
        }, "echolab-test-failing");
        other.start();
        other.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".dialog-pane").queryAll().size(), "one dialog at a time");
        assertTrue(Files.readString(logs.resolve("echolab0.log")).contains("uncaught in thread echolab-test-failing: "
                + "UnsupportedOperationException: second one"));

        WaitForAsyncUtils.asyncFx(() -> ((Stage) pane.getScene().getWindow()).close()).get();
    }
}
