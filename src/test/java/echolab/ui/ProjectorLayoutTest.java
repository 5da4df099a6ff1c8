package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.diagram.DiagramView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The window on a classroom projector: at 1280×720 (also in the presenter view) and 1024×768 the
 * side panels fold to strips, the diagram is the largest thing on screen, the processes diagram
 * shows its three children's PIDs whole without scrolling, and the header's labels are not cut.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ProjectorLayoutTest {

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(stage -> { });

    @ParameterizedTest(name = "{0}x{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1024, 768, false"})
    void theDiagramShowsThreeChildrensPidsWholeWithoutScrolling(int width, int height, boolean presenter) throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
        LabWindow window = WaitForAsyncUtils.asyncFx(() -> {
            LabWindow w = LabWindow.open(stage, ServerOptions.defaults().toBuilder().port(0).mode(Mode.PROCESSES).build());
            stage.setWidth(width);
            stage.setHeight(height);
            w.controller().presenter(presenter);
            return w;
        }).get();
        try {
            for (int i = 0; i < 3; i++) {
                window.lab().addClient();
            }
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.lab().childPids().size() == 3);
            List<Long> pids = window.lab().childPids();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> pids.stream().allMatch(p -> stage.getScene().lookup("#process-" + p) != null)).get());
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the boxes' fade-in and layout settle
            List<String> wrong = WaitForAsyncUtils.asyncFx(() -> check(window, stage, pids)).get();
            assertEquals(List.of(), wrong);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                window.close();
                stage.close();
            }).get();
        }
    }

    private static List<String> check(LabWindow window, Stage stage, List<Long> pids) {
        List<String> wrong = new ArrayList<>();
        SidePanels panels = window.controller().sidePanels();
        if (panels.room().clients() || panels.room().timelineAndLog()) {
            wrong.add("the client list and the timeline should fold at this size: " + panels.room());
        }
        DiagramView diagram = window.controller().diagramView();
        Bounds view = diagram.localToScene(diagram.getLayoutBounds());
        double sceneArea = stage.getScene().getWidth() * stage.getScene().getHeight();
        if (view.getWidth() * view.getHeight() < 0.4 * sceneArea) {
            wrong.add("the diagram has " + (int) view.getWidth() + "x" + (int) view.getHeight() + " of the window");
        }
        for (String id : List.of("controls", "clientList", "timeline", "eventLog")) {
            Node panel = stage.getScene().lookup("#" + id);
            if (panel != null && shown(panel)) {
                Bounds b = panel.localToScene(panel.getLayoutBounds());
                if (b.getWidth() * b.getHeight() >= view.getWidth() * view.getHeight()) {
                    wrong.add(id + " is larger than the diagram");
                }
            }
        }
        double vvalue = diagram.getVvalue();
        if (vvalue != diagram.getVmin()) {
            wrong.add("the diagram is scrolled");
        }
        for (long pid : pids) {
            Node box = stage.getScene().lookup("#process-" + pid);
            Label title = (Label) box.lookup(".process-title");
            if (!("PID " + pid).equals(title.getText())) {
                wrong.add("box of " + pid + " is titled " + title.getText());
            }
            Bounds b = title.localToScene(title.getLayoutBounds());
            if (b.getMinX() < view.getMinX() || b.getMaxX() > view.getMaxX() + 0.5
                    || b.getMinY() < view.getMinY() || b.getMaxY() > view.getMaxY() + 0.5) {
                wrong.add("PID " + pid + " is outside the diagram's view: " + b + " not in " + view);
            }
            if (cut(title)) {
                wrong.add("PID " + pid + " is cut: " + title.getWidth() + " < " + title.prefWidth(-1));
            }
        }
        for (String id : List.of("modeLabel", "protectionLabel", "listeningLabel", "lessonsToggle", "presenterToggle")) {
            Node n = stage.getScene().lookup("#" + id);
            if (n instanceof javafx.scene.control.Labeled l && cut(l)) {
                wrong.add("#" + id + " is cut: \"" + l.getText() + "\"");
            }
        }
        Label listening = (Label) stage.getScene().lookup("#listeningLabel");
        int port = window.lab().port();
        if (!listening.getText().contains("nc 127.0.0.1 " + port)) {
            wrong.add("the header lost the command a student types: " + listening.getText());
        }
        return wrong;
    }

    /** Whether {@code l} is narrower than the text it shows (measured: a label may ask for more than its text). */
    private static boolean cut(javafx.scene.control.Labeled l) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(l.getText());
        text.setFont(l.getFont());
        double needed = text.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset()
                + (l.getGraphic() != null ? l.getGraphic().prefWidth(-1) + l.getGraphicTextGap() : 0);
        return l.getWidth() + 0.5 < needed;
    }

    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
