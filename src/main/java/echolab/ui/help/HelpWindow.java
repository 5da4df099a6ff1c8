package echolab.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The user guide's window (Help → User guide): the bundled {@link GuideDocument} in a
 * {@link GuideView}, in a window of its own beside the lab, never more than one. It is not modal and
 * not owned, so the lab can come in front of it while both are read side by side; it opens over the
 * lab's window and closes with it (else the app would not end when the lab's window closes). Esc or
 * Ctrl+W (⌘W) closes it.
 *
 * <p>It takes the lab window's style sheets, and follows them: the lab's looked-up colours and the
 * presenter view (or a theme) restyle the guide too; {@code css/help.css} comes last.
 *
 * <p>Threading: FX thread only.
 */
public final class HelpWindow {

    static final String TITLE = "EchoLab — User guide";
    static final String BASE_CSS = "/css/echolab.css";
    static final String CSS = "/css/help.css";
    private static final double WIDTH = 900;
    private static final double HEIGHT = 700;
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    /** The open window, or null; one at a time. */
    private static Stage open;
    /** Where external links go: the last caller's choice. */
    private static Consumer<String> opener = link -> { };

    private HelpWindow() {
    }

    /**
     * Shows the guide, or brings its window to the front if it is already open. {@code owner} is the
     * lab's window (or null): the guide opens over it, takes its style sheets and closes with it.
     * External links go to {@code openLink}, e.g. {@code getHostServices()::showDocument}.
     *
     * @throws GuideDocument.BrokenGuide if the bundled guide cannot be read (its test prevents that)
     */
    public static void show(Window owner, Consumer<String> openLink) {
        opener = Objects.requireNonNull(openLink);
        if (open != null) {
            open.setIconified(false);
            open.show();
            open.toFront();
            open.requestFocus();
            return;
        }
        GuideView view = new GuideView(GuideDocument.bundled(), link -> opener.accept(link));
        Rectangle2D screen = screenOf(owner);
        double width = Math.min(WIDTH, screen.getWidth());
        double height = Math.min(HEIGHT, screen.getHeight());
        Scene scene = new Scene(view, width, height);
        Stage stage = new Stage();
        stage.setTitle(TITLE);
        stage.setScene(scene);
        if (owner instanceof Stage lab) {
            stage.getIcons().setAll(lab.getIcons());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || CLOSE.match(e)) {
                stage.close();
                e.consume();
            }
        });
        List<Runnable> undo = new ArrayList<>();
        follow(owner, scene, undo);
        if (owner != null) {
            ChangeListener<Boolean> closeWithOwner = (obs, was, is) -> {
                if (!is) {
                    stage.close();
                }
            };
            owner.showingProperty().addListener(closeWithOwner);
            undo.add(() -> owner.showingProperty().removeListener(closeWithOwner));
            // over the lab's window, on its screen
            stage.setX(clamp(owner.getX() + (owner.getWidth() - width) / 2, screen.getMinX(), screen.getMaxX() - width));
            stage.setY(clamp(owner.getY() + (owner.getHeight() - height) / 2, screen.getMinY(), screen.getMaxY() - height));
        }
        stage.setOnHidden(e -> {
            undo.forEach(Runnable::run);
            if (open == stage) {
                open = null;
            }
        });
        open = stage;
        stage.show();
        view.focusPage();
    }

    /** The guide's window while it is open. */
    static Optional<Stage> current() {
        return Optional.ofNullable(open);
    }

    /** The guide's sheets: the owner's (its colours, the presenter view, a theme), then help.css; kept in step. */
    private static void follow(Window owner, Scene scene, List<Runnable> undo) {
        Scene lab = owner == null ? null : owner.getScene();
        if (lab == null) {
            restyle(scene, List.of());
            return;
        }
        ObservableList<String> sheets = lab.getStylesheets();
        restyle(scene, sheets);
        ListChangeListener<String> changed = c -> restyle(scene, sheets);
        sheets.addListener(changed);
        undo.add(() -> sheets.removeListener(changed));
    }

    private static void restyle(Scene scene, List<String> labSheets) {
        String base = HelpWindow.class.getResource(BASE_CSS).toExternalForm();
        String help = HelpWindow.class.getResource(CSS).toExternalForm();
        List<String> sheets = new ArrayList<>(labSheets);
        sheets.remove(help);
        if (!sheets.contains(base)) {
            sheets.add(0, base);
        }
        sheets.add(help);
        if (!sheets.equals(scene.getStylesheets())) {
            scene.getStylesheets().setAll(sheets);
        }
    }

    /** The visible part of the screen the owner is on, or of the primary screen. */
    private static Rectangle2D screenOf(Window owner) {
        if (owner != null && owner.isShowing()) {
            List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
