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
import echolab.lab.Lab;
import echolab.testing.LineClient;
import echolab.testing.Servers;
import javafx.scene.control.Label;
import javafx.stage.Stage;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class AppWindowTest {

    private Lab lab;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        lab = Lab.start(ServerOptions.defaults().toBuilder().port(0).build());
        new EchoLabApp().show(stage, lab);
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void theWindowSaysWhereTheEmbeddedServerListensAndItEchoes(FxRobot robot) throws Exception {
        assertEquals("EchoLab", stage.getTitle());
        String listening = robot.lookup("#listeningLabel").queryAs(Label.class).getText();
        int port = lab.server().port();
        assertTrue(listening.contains("nc 127.0.0.1 " + port), listening);
        try (LineClient client = new LineClient(lab.server().address())) {
            client.send("from the test\n");
            assertEquals("from the test\n", client.readLineText());
        }
        lab.close();
        assertTrue(Servers.portClosed(lab.server().address()));
    }
}
