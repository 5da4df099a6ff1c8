package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import echolab.engine.ServerOptions;
import echolab.testing.LineClient;
import echolab.testing.Servers;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class AppWindowTest {

    private LabWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindow.open(stage, ServerOptions.defaults().toBuilder().port(0).build());
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(window::close).get();
    }

    @Test
    void theWindowSaysWhereTheEmbeddedServerListensAndItEchoes(FxRobot robot) throws Exception {
        assertEquals("EchoLab", window.stage().getTitle());
        String listening = robot.lookup("#listeningLabel").queryAs(Label.class).getText();
        int port = window.lab().port();
        assertTrue(listening.contains("nc 127.0.0.1 " + port), listening);
        try (LineClient client = new LineClient(window.lab().address())) {
            client.send("from the test\n");
            assertEquals("from the test\n", client.readLineText());
        }
        org.testfx.util.WaitForAsyncUtils.asyncFx(window::close).get();
        assertTrue(Servers.portClosed(window.lab().address()));
    }
}
