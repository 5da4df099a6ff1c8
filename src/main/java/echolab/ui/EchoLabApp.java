package echolab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.lab.Lab;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: starts the embedded lab, shows the main window, and stops the lab
 * cleanly when the window closes.
 */
public final class EchoLabApp extends Application {

    /** System property with the port to listen on (default 7000; 0 for any free port). */
    public static final String PORT_PROPERTY = "echolab.port";

    private Lab lab;
    private MainController controller;

    /** Opens the window; returns when it has been closed. */
    public static void open(String[] args) {
        Application.launch(EchoLabApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        int port = Integer.getInteger(PORT_PROPERTY, ServerOptions.DEFAULT_PORT);
        EventBus events = new EventBus();
        lab = Lab.start(ServerOptions.defaults().toBuilder().port(port).build(), events);
        show(stage, lab);
    }

    /** Loads the main window for {@code lab} onto {@code stage}; also used by tests. */
    public MainController show(Stage stage, Lab lab) {
        this.lab = lab;
        FXMLLoader loader = new FXMLLoader(EchoLabApp.class.getResource("/fxml/main.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the main window's FXML could not be loaded", e);
        }
        controller = loader.getController();
        controller.attach(lab);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(EchoLabApp.class.getResource("/css/echolab.css").toExternalForm());
        stage.setTitle("EchoLab");
        stage.setScene(scene);
        stage.show();
        return controller;
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.detach();
        }
        if (lab != null) {
            lab.close();
        }
    }
}
