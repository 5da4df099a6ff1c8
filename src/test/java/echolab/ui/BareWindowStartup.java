package echolab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The floor {@code bench/startup.sh} compares EchoLab's start-up with: a bare JavaFX window of the
 * same size, with a menu bar and tabs and nothing else, started from the same jar the same way
 * (JavaFX on the class path, its libraries copied out by {@link FxNatives}), measured by the same
 * {@link StartupProbe}. Run: {@code java -Decholab.startupProbe=true -cp target/echolab.jar:target/test-classes
 * echolab.ui.BareWindowStartup}.
 */
public final class BareWindowStartup {

    private BareWindowStartup() {
    }

    public static void main(String[] args) {
        FxNatives.prepare();
        Application.launch(Window.class, args);
    }

    /** The window itself; launched by {@link #main}, which is not an Application (see echolab.Main). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            MenuBar menus = new MenuBar();
            for (String name : new String[] {"File", "Server", "View", "Help"}) {
                menus.getMenus().add(new Menu(name, null, new MenuItem("Item")));
            }
            TabPane tabs = new TabPane();
            for (String name : new String[] {"Diagram", "Synchronization lab", "Compare", "Your server"}) {
                tabs.getTabs().add(new Tab(name, new Label(name)));
            }
            BorderPane root = new BorderPane(tabs);
            root.setTop(menus);
            stage.setTitle("Bare");
            stage.setScene(new Scene(root, 1600, 1030));
            stage.show();
            StartupProbe.afterShow(Platform::exit);
        }
    }
}
