package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

import echolab.testing.FxWindow;
import echolab.testing.LineClient;
import echolab.testing.Servers;
import javafx.application.Platform;
import javafx.scene.control.Label;

@Tag("ui")
@Tag("jdk21") // the window on the newer JDK too: .ci/run runs this class on 21+
@Timeout(60)
class AppWindowTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

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
