package echolab.ui;

import java.io.File;
import java.io.IOException;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.controls.ControlsViewModel;
import echolab.ui.fx.NodePng;
import echolab.ui.fx.ZoomPane;
import echolab.ui.controls.ControlsFold;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window's menu bar: <i>File</i> (export the event log as CSV and the diagram as PNG, quit),
 * <i>View</i> (presenter view, zoom), <i>Server</i> (the modes, the protections, clients) and
 * <i>Help</i> (the keyboard shortcuts, About). Every main action has a shortcut, shown in its menu
 * (Ctrl on Linux and Windows, ⌘ on macOS); the lessons' plain keys (1–9, Space, R, Esc) are not
 * taken. The Server menu's choices follow the mode and protection however they were changed.
 *
 * <p>Threading: FX thread only.
 */
final class AppMenus {

    private AppMenus() {
    }

    static MenuBar build(Stage stage, MainController controller, ZoomPane zoom, echolab.lab.Lab server, AppHooks hooks) {
        MenuBar bar = new MenuBar(file(stage, controller, hooks), view(stage, controller, zoom), server(stage, controller, server, hooks),
                help(stage, hooks));
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true); // macOS: the menus go to the top of the screen, as there they should
        return bar;
    }

    private static Menu file(Stage stage, MainController controller, AppHooks hooks) {
        MenuItem log = item("exportLog", "Export event log as CSV…", "Shortcut+E", () -> {
            File f = choose(stage, "CSV table", "*.csv", "echolab-log.csv");
            if (f != null) {
                run(stage, "export the log", () -> controller.eventLog().exportCsv(f.toPath()));
            }
        });
        MenuItem diagram = item("exportDiagram", "Export diagram as PNG…", "Shortcut+Shift+E", () -> {
            File f = choose(stage, "PNG image", "*.png", "echolab-diagram.png");
            if (f != null) {
                run(stage, "export the diagram", () -> NodePng.write(controller.diagramView(), 2, f.toPath()));
            }
        });
        MenuItem trace = item("exportTrace", "Export trace…", null, () -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Perfetto trace (ui.perfetto.dev)", "*.perfetto-trace"),
                    new FileChooser.ExtensionFilter("Chrome JSON trace (older tools)", "*.json"));
            chooser.setInitialFileName("echolab.perfetto-trace");
            File f = chooser.showSaveDialog(stage);
            if (f != null) {
                run(stage, "export the trace", () -> controller.exportTrace(f.toPath()));
            }
        });
        MenuItem open = item("openRecording", "Open recording…", "Shortcut+O", () -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EchoLab recording", "*.jsonl.gz", "*.jsonl"));
            File f = chooser.showOpenDialog(stage);
            if (f != null && hooks.replay() != null) {
                openRecording(stage, f, hooks);
            }
        });
        open.setDisable(hooks.replay() == null);
        MenuItem back = item("leaveRecording", "Back to the lab", null, () -> hooks.replay().accept(null));
        back.setDisable(hooks.replay() == null || !controller.pump().replaying());
        MenuItem quit = item("quit", "Quit", "Shortcut+Q", stage::close);
        return menu("menuFile", "File", open, back, new SeparatorMenuItem(), log, diagram, trace,
                new SeparatorMenuItem(), quit);
    }

    private static Menu view(Stage stage, MainController controller, ZoomPane zoom) {
        CheckMenuItem presenter = new CheckMenuItem("Presenter view");
        presenter.setId("presenterItem");
        presenter.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        presenter.setSelected(controller.presenterOn());
        presenter.setOnAction(e -> controller.presenter(presenter.isSelected()));
        controller.presenterToggle().selectedProperty().addListener((obs, was, is) -> presenter.setSelected(is));
        MenuItem in = item("zoomIn", "Zoom in", "Shortcut+Plus", zoom::zoomIn);
        MenuItem inToo = item("zoomInEquals", "Zoom in", "Shortcut+Equals", zoom::zoomIn); // the same key without Shift
        inToo.setVisible(false);
        MenuItem out = item("zoomOut", "Zoom out", "Shortcut+Minus", zoom::zoomOut);
        MenuItem actual = item("zoomReset", "Actual size", "Shortcut+0", zoom::actualSize);
        Menu themes = menu("menuTheme", "Theme");
        ToggleGroup group = new ToggleGroup();
        var theme = controller.looks().themeProperty();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.title());
            item.setId("themeItem-" + t.id());
            item.setToggleGroup(group);
            item.setSelected(theme.get() == t);
            item.setOnAction(e -> theme.set(t));
            theme.addListener((obs, was, is) -> item.setSelected(is == t));
            themes.getItems().add(item);
        }
        MenuItem forget = item("forgetItem", "Forget remembered settings…", null, () -> {
            if (confirm(stage, "Forget remembered settings", "Forget what the window remembers?",
                    "The zoom, the presenter view and the theme go back to their defaults now, and the recent "
                            + "commands of the Your server tab are forgotten. The window's place and the server's "
                            + "settings are remembered again when you quit.")) {
                Remembered.forgetAll();
                controller.presenter(false);
                zoom.actualSize();
                theme.set(Theme.LIGHT);
            }
        });
        return menu("menuView", "View", presenter, new SeparatorMenuItem(), in, inToo, out, actual, new SeparatorMenuItem(),
                themes, new SeparatorMenuItem(), forget);
    }

    private static Menu server(Stage stage, MainController controller, echolab.lab.Lab server, AppHooks hooks) {
        ControlsViewModel controls = controller.controls();
        ControlsFold model = controls.model();
        Menu menu = menu("menuServer", "Server");
        ToggleGroup modes = new ToggleGroup();
        int key = 1;
        for (Mode mode : Mode.values()) {
            RadioMenuItem item = new RadioMenuItem(mode.title());
            item.setId("modeItem-" + mode.id());
            item.setToggleGroup(modes);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key++));
            item.setDisable(controls.unavailable(mode).isPresent());
            item.setSelected(model.modeProperty().get() == mode);
            item.setOnAction(e -> controls.selectMode(mode));
            model.modeProperty().addListener((obs, was, is) -> item.setSelected(is == mode));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        ToggleGroup protections = new ToggleGroup();
        for (Protection p : Protection.values()) {
            RadioMenuItem item = new RadioMenuItem("Protection: " + p.title());
            item.setId("protectionItem-" + p.id());
            item.setToggleGroup(protections);
            item.setSelected(model.protectionProperty().get() == p);
            item.setOnAction(e -> controls.selectProtection(p));
            model.protectionProperty().addListener((obs, was, is) -> item.setSelected(is == p));
            menu.getItems().add(item);
        }
        menu.getItems().addAll(new SeparatorMenuItem(),
                item("addClient", "Add client", "Shortcut+N", controls::addClient),
                item("addFiveClients", "Add 5 clients", "Shortcut+Shift+N", () -> controls.addClients(5)),
                item("addSlowClient", "Add slow client", "Shortcut+Alt+N", controls::addSlowClient),
                item("disconnectAll", "Disconnect all", "Shortcut+D", controls::disconnectAll));
        if (hooks.rebind() != null) {
            menu.getItems().addAll(new SeparatorMenuItem(), network(stage, server, hooks));
        }
        return menu;
    }

    /**
     * Server → Open to the classroom network… (or, once open, Listen on this machine only…): the
     * lab starts again on every address (or loopback), after a confirmation that says what it means.
     */
    private static MenuItem network(Stage stage, echolab.lab.Lab server, AppHooks hooks) {
        boolean open = !echolab.lab.BindAddress.resolve(server.host()).isLoopbackAddress();
        if (open) {
            return item("bindItem", "Listen on this machine only…", null, () -> {
                if (confirm(stage, "Listen on this machine only", "Close the server to the network?",
                        "The lab starts again listening on 127.0.0.1 only: students' machines can no longer connect, "
                                + "and every client connected now is disconnected.")) {
                    hooks.rebind().accept(echolab.engine.ServerOptions.LOOPBACK);
                }
            });
        }
        return item("bindItem", "Open to the classroom network…", null, () -> {
            java.util.List<String> addresses = echolab.lab.BindAddress.reachableAt("0.0.0.0");
            String give = addresses.isEmpty() ? "this machine has no network address now"
                    : "students connect with: nc " + addresses.get(0) + " " + server.port();
            if (confirm(stage, "Open to the classroom network", "Make the server reachable from the network?",
                    "The lab starts again listening on every address of this machine: anyone on the network can "
                            + "connect to port " + server.port() + ", at most " + server.options().maxPerHost()
                            + " connections per machine (" + give + "). Every client connected now is disconnected.")) {
                hooks.rebind().accept("0.0.0.0");
            }
        });
    }

    private static Menu help(Stage stage, AppHooks hooks) {
        MenuItem guide = item("guideItem", "User guide", "Shift+F1", () -> echolab.ui.help.HelpWindow.show(stage, hooks.openLink()));
        MenuItem keys = item("shortcutsItem", "Keyboard shortcuts", "F1", () -> info(stage, "Keyboard shortcuts", SHORTCUTS));
        MenuItem about = item("aboutItem", "About EchoLab", null, () -> info(stage, "About EchoLab", about()));
        return menu("menuHelp", "Help", guide, keys, new SeparatorMenuItem(), about);
    }

    static final String SHORTCUTS = String.join("\n",
            "Ctrl (⌘ on macOS) with:",
            "  E  export the event log as CSV      Shift+E  export the diagram as PNG",
            "  Q  quit",
            "  Shift+P  presenter view             +  zoom in    −  zoom out    0  actual size",
            "  1 to 6  the modes, in the Server menu's order",
            "  N  add a client    Shift+N  add 5    Alt+N  add a slow client    D  disconnect all",
            "",
            "While a lesson is open (not while typing in a field):",
            "  1 to 9  answer    Space or →  next (a run step runs)    ←  back    R  run again    Esc  leave",
            "",
            "F1  this list    Shift+F1  the user guide");

    /** Version, Java, JavaFX, the OS and the licence, for a bug report or a curious student. */
    static String about() {
        return String.join("\n",
                "EchoLab " + version() + ": a desktop lab that makes concurrent servers visible.",
                "",
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "",
                "Licence: EchoLab's own has not been chosen yet. It carries OpenJFX (GPL v2 with the Classpath",
                "Exception) and the DejaVu fonts (Bitstream Vera licence: fonts/LICENSE-DejaVu.txt in the jar).",
                "Log files: " + AppLog.directory().toAbsolutePath());
    }

    private static String version() {
        String packaged = System.getProperty("jpackage.app-version");
        return packaged != null ? packaged : "0.1";
    }

    // Helpers

    private interface Action {
        void run() throws IOException;
    }

    /**
     * Reads the recording on a thread of its own (a million events take seconds), the title saying so
     * meanwhile, then hands it to the window; a file that is no recording is said in an alert.
     */
    private static void openRecording(Stage stage, File file, AppHooks hooks) {
        String title = stage.getTitle();
        stage.setTitle(title + " — reading " + file.getName() + "…");
        echolab.base.LabThreads.startDaemon("echolab-recording-reader", () -> {
            try {
                echolab.record.Recording read = echolab.record.Recording.read(file.toPath());
                javafx.application.Platform.runLater(() -> {
                    stage.setTitle(title);
                    hooks.replay().accept(new echolab.ui.rewind.ReplayRequest(file.getName(), read));
                });
            } catch (echolab.record.RecordingException e) {
                javafx.application.Platform.runLater(() -> {
                    stage.setTitle(title);
                    Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                    alert.initOwner(stage);
                    alert.show();
                });
            }
        });
    }

    private static MenuItem item(String id, String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Menu menu(String id, String text, MenuItem... items) {
        Menu menu = new Menu(text, null, items);
        menu.setId(id);
        return menu;
    }

    private static File choose(Stage stage, String what, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName(name);
        return chooser.showSaveDialog(stage);
    }

    private static void run(Stage stage, String what, Action action) {
        try {
            action.run();
        } catch (IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not " + what + ": " + e.getMessage());
            alert.initOwner(stage);
            alert.show();
        }
    }

    /** Asks before something that cannot be taken back; true when the user said OK. */
    private static boolean confirm(Stage stage, String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.getDialogPane().setId("confirmDialog");
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    private static void info(Stage stage, String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.Label body = new javafx.scene.control.Label(text);
        body.setId("infoText");
        body.setStyle("-fx-font-family: \"" + echolab.ui.fx.BundledFonts.MONO + "\";");
        alert.getDialogPane().setContent(body);
        alert.initOwner(stage);
        alert.show();
    }
}
