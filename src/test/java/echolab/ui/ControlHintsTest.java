package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.testing.FxWindow;
import echolab.ui.fx.Hints;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ChoiceBox;

/**
 * Every control of the window, in every tab and panel, says what it does: a tooltip, or a hint
 * shown beside it; and a disabled control (which shows no tooltip) has the reason beside it as
 * text. Walks the real window's scene graph, so a control added without one fails here.
 */
@Tag("ui")
@Timeout(90)
class ControlHintsTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    @Test
    void everyControlSaysWhatItDoesAndEveryDisabledOneWhy(FxRobot robot) throws Exception {
        List<String> missing = new ArrayList<>();
        TabPane tabs = robot.lookup("#centreTabs").queryAs(TabPane.class);
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(tab)).get();
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> {
                window.controller().showLessons(true);
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            missing.addAll(WaitForAsyncUtils.asyncFx(() -> check(window.stage().getScene().getRoot(), tab.getText())).get(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.asyncFx(() -> window.controller().showLessons(false)).get();
        }
        missing.addAll(WaitForAsyncUtils.asyncFx(() -> check(window.stage().getScene().getRoot(), "client list")).get());
        assertEquals(List.of(), missing.stream().distinct().toList());
    }

    @Test
    void everyStepOfALessonSaysWhatItsControlsDoAndWhyOneIsGreyed(FxRobot robot) throws Exception {
        List<String> missing = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            window.controller().showLessons(true);
            ((javafx.scene.control.TitledPane) window.stage().getScene().lookup("#sittingRecord")).setExpanded(true);
            window.controller().lessons().open(echolab.lessons.Lessons.find("iterative-second-client").orElseThrow());
        }).get();
        javafx.scene.control.Button next = robot.lookup("#lessonNext").queryAs(javafx.scene.control.Button.class);
        for (int step = 1; step <= 10; step++) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !"a run is under way".equals(
                    ((Label) window.stage().getScene().lookup("#lessonNavReason")).getText())).get());
            WaitForAsyncUtils.waitForFxEvents();
            String where = "lesson step " + step;
            missing.addAll(WaitForAsyncUtils.asyncFx(() -> check(window.stage().getScene().getRoot(), where)).get());
            if (WaitForAsyncUtils.asyncFx(next::isDisabled).get()) {
                break;
            }
            WaitForAsyncUtils.asyncFx(next::fire).get();
        }
        assertEquals(List.of(), missing.stream().distinct().toList());
        WaitForAsyncUtils.asyncFx(() -> window.controller().lessons().close()).get();
    }

    private static List<String> check(Node root, String where) {
        List<String> missing = new ArrayList<>();
        walk(root, n -> {
            if (!(n instanceof Control c) || !isInteractive(c) || !shown(n)) {
                return;
            }
            String name = describe(c);
            if (c.isDisabled()) {
                if (Hints.reasonFor(c).filter(l -> l.isVisible() && !l.getText().isBlank()).isEmpty()) {
                    missing.add(where + ": disabled, no reason beside it: " + name);
                }
            } else if (c.getTooltip() == null) {
                missing.add(where + ": no tooltip: " + name);
            }
        });
        return missing;
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static boolean isInteractive(Control c) {
        for (Node at = c.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ComboBoxBase || at instanceof Spinner || at instanceof javafx.scene.control.MenuBar) {
                return false; // a part of a control (the menus' buttons name themselves)
            }
        }
        return c instanceof ButtonBase || c instanceof ComboBoxBase || c instanceof Slider || c instanceof Spinner
                || c instanceof TextInputControl || c instanceof ChoiceBox;
    }

    private static String describe(Control c) {
        String text = c instanceof javafx.scene.control.Labeled l ? l.getText() : c instanceof TextInputControl t ? t.getPromptText() : "";
        return c.getClass().getSimpleName() + (c.getId() != null ? " #" + c.getId() : "") + " \"" + text + "\" "
                + c.getStyleClass();
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof ScrollPane s && s.getContent() != null) {
            walk(s.getContent(), visit);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
