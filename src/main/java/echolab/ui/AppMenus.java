package echolab.ui;

import java.io.File;
import java.io.IOException;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.controls.ControlsViewModel;
import echolab.ui.fx.NodePng;
import echolab.ui.fx.ZoomPane;
import echolab.ui.model.LabViewModel;
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

    static MenuBar build(Stage stage, MainController controller, ZoomPane zoom) {
        MenuBar bar = new MenuBar(file(stage, controller), view(controller, zoom), server(controller), help(stage));
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true); // macOS: the menus go to the top of the screen, as there they should
        return bar;
    }

    private static Menu file(Stage stage, MainController controller) {
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
        MenuItem quit = item("quit", "Quit", "Shortcut+Q", stage::close);
        return menu("menuFile", "File", log, diagram, new SeparatorMenuItem(), quit);
    }

    private static Menu view(MainController controller, ZoomPane zoom) {
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
        return menu("menuView", "View", presenter, new SeparatorMenuItem(), in, inToo, out, actual);
    }

    private static Menu server(MainController controller) {
        ControlsViewModel controls = controller.controls();
        LabViewModel model = controls.model();
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
        return menu;
    }

    private static Menu help(Stage stage) {
        MenuItem keys = item("shortcutsItem", "Keyboard shortcuts", "F1", () -> info(stage, "Keyboard shortcuts", SHORTCUTS));
        MenuItem about = item("aboutItem", "About EchoLab", null, () -> info(stage, "About EchoLab", about()));
        return menu("menuHelp", "Help", keys, about);
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
            "F1  this list");

    /** Version, Java, JavaFX, the OS and the licence, for a bug report or a curious student. */
    static String about() {
        return String.join("\n",
                "EchoLab " + version() + ": a desktop lab that makes concurrent servers visible.",
                "",
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "",
                "Licence: the project has not chosen one yet.",
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

    private static void info(Stage stage, String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.Label body = new javafx.scene.control.Label(text);
        body.setId("infoText");
        body.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(body);
        alert.initOwner(stage);
        alert.show();
    }
}
