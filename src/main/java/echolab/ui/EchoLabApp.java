package echolab.ui;

import java.io.IOException;
import java.util.Optional;

import echolab.engine.ServerOptions;
import echolab.sync.Scenario;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application: opens the lab's window, and stops the lab cleanly when it closes.
 */
public final class EchoLabApp extends Application {

    /** System property with the port to listen on (default {@value echolab.engine.ServerOptions#DEFAULT_PORT}; 0 for any free port). */
    public static final String PORT_PROPERTY = "echolab.port";

    /**
     * How the window starts: server options, clients to add at once, the presenter view, a
     * synchronization scenario to show set up in its tab (or null), whether to show the Compare tab
     * running a comparison with its defaults, the theme (null: the remembered one) and
     * {@code remember}: the server starts in the mode and settings it had when the window last
     * closed (false when the command line chose them).
     */
    public record Setup(ServerOptions options, int slowClients, int clients, boolean presenter, Scenario sync,
                        boolean compare, boolean remember, Theme theme) {
        static Setup defaults() {
            int port = Integer.getInteger(PORT_PROPERTY, ServerOptions.DEFAULT_PORT);
            return new Setup(ServerOptions.defaults().toBuilder().port(port).build(), 0, 0, false, null, false, true, null);
        }
    }

    // Application.launch makes the instance itself, so the setup waits here for it.
    private static volatile Setup setup;

    private LabWindow window;
    private AppLog log;
    private ErrorReporter errors;

    /** The open window, for tests that drive the whole application. */
    public LabWindow window() {
        return window;
    }

    /**
     * Opens the window with the defaults; returns when it has been closed.
     *
     * @throws WindowUnavailable when there is no display or no GTK to draw it with
     */
    public static void open(String[] args) {
        WindowUnavailable.launch(() -> Application.launch(EchoLabApp.class, args));
    }

    /**
     * Opens the window as {@code how} says; returns when it has been closed.
     *
     * @throws WindowUnavailable when there is no display or no GTK to draw it with
     */
    public static void open(Setup how) {
        setup = how;
        WindowUnavailable.launch(() -> Application.launch(EchoLabApp.class));
    }

    @Override
    public void start(Stage stage) throws IOException {
        Setup how = setup == null ? Setup.defaults() : setup;
        Optional<Remembered> saved = Remembered.load(Remembered.node());
        Theme theme = how.theme() != null ? how.theme() : saved.map(Remembered::theme).orElse(Theme.LIGHT);
        window = LabWindow.open(stage, saved.filter(r -> how.remember()).map(r -> r.applyTo(how.options())).orElse(how.options()),
                hooks(), theme);
        if (how.remember()) {
            window.controller().restoreSubject(); // the server studied when the window closed (Issue 19)
        }
        log = openLog();
        errors = ErrorReporter.install(log, stage);
        log.info("window shown: Java " + System.getProperty("java.runtime.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?") + ", " + System.getProperty("os.name") + " (" + System.getProperty("os.arch") + ")");
        saved.filter(Remembered::hasBounds).filter(EchoLabApp::onScreen).ifPresent(r -> {
            stage.setX(r.x());
            stage.setY(r.y());
            stage.setWidth(r.width());
            stage.setHeight(r.height());
            stage.setMaximized(r.maximized());
        });
        saved.ifPresent(r -> window.zoom().zoomProperty().set(r.zoom()));
        if (how.presenter() || saved.map(Remembered::presenter).orElse(false)) {
            window.controller().presenter(true);
        }
        if (how.sync() != null) {
            window.controller().showSyncLab();
            window.controller().syncLab().viewModel().setUp(how.sync());
        }
        if (how.compare()) {
            window.controller().showCompare();
            window.controller().compare().viewModel().run();
        }
        for (int i = 0; i < how.slowClients(); i++) {
            window.lab().addSlowClient();
        }
        // the slow ones connect first, so on an iterative server they hold the worker
        PauseTransition afterSlow = new PauseTransition(Duration.millis(how.slowClients() > 0 ? 400 : 1));
        afterSlow.setOnFinished(e -> {
            for (int i = 0; i < how.clients(); i++) {
                window.lab().addClient();
            }
        });
        afterSlow.play();
        StartupProbe.afterShow(javafx.application.Platform::exit); // bench/startup.sh: prints when painted, closes
    }

    private AppHooks hooks() {
        return new AppHooks(getHostServices()::showDocument, this::rebind, this::replay);
    }

    /**
     * Server → Open to the classroom network (or back to this machine only): the lab starts again
     * listening on {@code host}, on the same port, in the same stage, with the same look; when it
     * cannot, the lab starts again where it was and says why.
     */
    private void rebind(String host) {
        Stage stage = window.stage();
        ServerOptions was = window.lab().options();
        boolean presenter = window.controller().presenterOn();
        double zoom = window.zoom().zoomProperty().get();
        Theme theme = window.controller().looks().themeProperty().get();
        double x = stage.getX(), y = stage.getY(), width = stage.getWidth(), height = stage.getHeight();
        window.close();
        try {
            window = LabWindow.open(stage, was.toBuilder().host(host).build(), hooks(), theme);
            log.info("the lab listens on " + host + " port " + window.lab().port() + " now");
        } catch (IOException | RuntimeException e) {
            log.error("could not listen on " + host, e);
            try {
                window = LabWindow.open(stage, was, hooks(), theme);
            } catch (IOException again) {
                throw new java.io.UncheckedIOException(again);
            }
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not listen on " + host + ": " + e.getMessage() + ". The lab listens where it did before.");
            alert.initOwner(stage);
            alert.show();
        }
        // the new scene must not move or resize the window (a size set only where it changed: a
        // stage given one keeps it from then on)
        if (stage.getX() != x || stage.getY() != y) {
            stage.setX(x);
            stage.setY(y);
        }
        if (stage.getWidth() != width || stage.getHeight() != height) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
        window.zoom().zoomProperty().set(zoom);
        window.controller().presenter(presenter);
    }

    /**
     * File → Open recording… (or, given null, back to the lab): the window opens again in the same
     * stage, with the same look, playing {@code request}'s recording, or with its lab as it was.
     */
    private void replay(echolab.ui.rewind.ReplayRequest request) {
        Stage stage = window.stage();
        ServerOptions was = window.lab().options();
        boolean presenter = window.controller().presenterOn();
        double zoom = window.zoom().zoomProperty().get();
        Theme theme = window.controller().looks().themeProperty().get();
        window.close();
        if (request != null) {
            echolab.ui.rewind.ReplayRequest.leave(request);
        }
        try {
            window = LabWindow.open(stage, was, hooks(), theme);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        window.zoom().zoomProperty().set(zoom);
        window.controller().presenter(presenter);
        log.info(request == null ? "back to the lab" : "replaying " + request.name());
    }

    /** The window and the server as they are now, to start the same way next time. */
    private Remembered remember() {
        Stage stage = window.stage();
        echolab.lab.Lab server = window.lab();
        return new Remembered(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                window.controller().presenterOn(), window.zoom().zoomProperty().get(), server.mode(), server.protection(), server.delayMillis(),
                server.raceWindowMicros(), server.poolSize(), window.controller().looks().themeProperty().get());
    }

    /** Whether a remembered place is still on one of the screens (a projector unplugged since, say). */
    private static boolean onScreen(Remembered r) {
        return !javafx.stage.Screen.getScreensForRectangle(r.x(), r.y(), Math.min(r.width(), 100), Math.min(r.height(), 100)).isEmpty();
    }

    /** The log in the system's usual place, or in the temporary folder when that cannot be written. */
    private static AppLog openLog() throws IOException {
        try {
            return AppLog.open();
        } catch (IOException e) {
            System.err.println("echolab: cannot write the log in " + AppLog.directory() + " (" + e.getMessage()
                    + "); it goes to the temporary folder");
            return AppLog.open(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "echolab-logs"));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            remember().save(Remembered.node());
            window.close();
        }
        if (errors != null) {
            errors.uninstall();
            log.close();
        }
    }
}
