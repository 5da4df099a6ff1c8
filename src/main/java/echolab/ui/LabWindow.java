package echolab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import echolab.base.Background;
import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.lab.ResourceSampler;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import echolab.ui.fx.BundledFonts;
import echolab.ui.fx.ZoomPane;
import echolab.ui.subject.Subject;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * One open EchoLab window and the lab behind it. The window subscribes to the lab's events before
 * the server starts, so it sees every worker from the first. Threading: FX thread.
 */
public final class LabWindow implements AutoCloseable {

    /** The window's queue of undrained events; a slower window drops (and counts) beyond this. */
    static final int EVENT_QUEUE = 1 << 17;
    /** About the height of the menu bar, added to the window's so that the content keeps its room. */
    private static final int MENU_BAR_ROOM = 30;

    private final Lab lab;
    private final ResourceSampler sampler;
    private final MainController controller;
    private final Stage stage;
    private final ZoomPane zoom;
    private final WindowRecording recording;
    private boolean closed;

    private LabWindow(Lab lab, ResourceSampler sampler, MainController controller, Stage stage, ZoomPane zoom,
                      WindowRecording recording) {
        this.recording = recording;
        this.lab = lab;
        this.sampler = sampler;
        this.controller = controller;
        this.stage = stage;
        this.zoom = zoom;
    }

    /** The zoom of the whole content (View menu, Ctrl + / Ctrl − / Ctrl 0). */
    public ZoomPane zoom() {
        return zoom;
    }

    /** Starts a lab with {@code options} and shows its window on {@code stage}. */
    public static LabWindow open(Stage stage, ServerOptions options) throws IOException {
        return open(stage, options, AppHooks.NONE);
    }

    /** Starts a lab with {@code options} and shows its window on {@code stage}; its menus use {@code hooks}. */
    public static LabWindow open(Stage stage, ServerOptions options, AppHooks hooks) throws IOException {
        return open(stage, options, hooks, Theme.LIGHT);
    }

    /** As {@link #open(Stage, ServerOptions, AppHooks)}, in {@code theme} from its first frame. */
    public static LabWindow open(Stage stage, ServerOptions options, AppHooks hooks, Theme theme) throws IOException {
        StartupProbe.mark("JavaFX started, the lab's window begins");
        Background.windowOpened(); // the window goes first for the CPU; the lab's threads take the rest
        BundledFonts.load(); // before any style sheet names them
        EventBus events = new EventBus();
        Subscription window = events.subscribe("window", EVENT_QUEUE);
        WindowRecording recording = WindowRecording.start(events, options); // every run recorded (Issue 20)
        Lab lab;
        try {
            lab = Lab.start(options, events);
        } catch (IOException | RuntimeException e) {
            // no window after all (the port is taken, say): nothing started from now on goes behind one
            recording.close();
            Background.windowClosed();
            throw e;
        }
        ResourceSampler sampler = lab.sampler(); // publishes the figures the window shows
        StartupProbe.mark("the lab started");
        FXMLLoader loader = new FXMLLoader(LabWindow.class.getResource("/fxml/main.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            sampler.close();
            lab.close();
            recording.close();
            Background.windowClosed();
            throw new UncheckedIOException("the main window's FXML could not be loaded", e);
        }
        StartupProbe.mark("main.fxml loaded");
        MainController controller = loader.getController();
        controller.attach(lab, window);
        // the ring's segments name the subject they show; a window opened on a student's server starts there
        controller.subjectProperty().addListener((o, was, is) -> recording.subject(is));
        if (controller.subjectProperty().get() != Subject.ECHOLAB) {
            recording.subject(controller.subjectProperty().get());
        }
        StartupProbe.mark("the controller attached");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        ZoomPane zoom = new ZoomPane(root);
        BorderPane frame = new BorderPane(zoom); // the menus stay their size when the content is zoomed
        // the content 1600 by 1000 where the screen allows, the menu bar above it
        Scene scene = new Scene(frame, Math.min(1600, screen.getWidth()), Math.min(1000 + MENU_BAR_ROOM, screen.getHeight()));
        for (String sheet : new String[] {"/css/echolab.css", "/css/panels.css", "/css/diagram.css",
                "/css/timeline.css", "/css/sync-lab.css", "/css/compare.css", "/css/lessons.css"}) {
            scene.getStylesheets().add(LabWindow.class.getResource(sheet).toExternalForm());
        }
        controller.fitTo(zoom, new Looks(scene.getStylesheets()));
        controller.looks().themeProperty().set(theme);
        frame.setTop(AppMenus.build(stage, controller, zoom, lab, hooks));
        StartupProbe.mark("the scene, its style sheets and menus built");
        stage.setTitle("EchoLab");
        stage.setScene(scene);
        stage.show();
        StartupProbe.mark("stage.show() returned (the first layout and CSS of the whole scene)");
        return new LabWindow(lab, sampler, controller, stage, zoom, recording);
    }

    public Lab lab() {
        return lab;
    }

    public MainController controller() {
        return controller;
    }

    public Stage stage() {
        return stage;
    }

    /** Stops the animation, the sampler and the lab: no thread, child process or port is left. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        controller.detach();
        sampler.close();
        lab.close();
        recording.close(); // after the lab: the server's last events are in
        Background.windowClosed();
    }
}
