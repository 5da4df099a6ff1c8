package echolab.ui;

import echolab.engine.EchoServer;
import echolab.lab.Lab;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The main window's controller: binds the header to the running lab. */
public final class MainController {

    @FXML
    private Label listeningLabel;

    @FXML
    private Label modeLabel;

    void attach(Lab lab) {
        EchoServer server = lab.server();
        String where = server.host() + ":" + server.port();
        listeningLabel.setText("Listening on " + where + " — try: nc " + server.host() + " " + server.port());
        modeLabel.setText("mode " + server.mode().title() + " · protection " + server.protection().id());
    }

    void detach() {
        // nothing to release yet
    }
}
