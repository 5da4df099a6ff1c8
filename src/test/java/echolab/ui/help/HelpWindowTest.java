package echolab.ui.help;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echolab.testing.FxWindow;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The guide's window, opened, read, searched and closed as a reader does it, from the mouse and the keys. */
@Tag("ui")
@Timeout(60)
class HelpWindowTest {

    private Stage lab;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<Stage> owners = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(this::start);

    private void start(Stage stage) {
        lab = stage;
        Scene scene = new Scene(new StackPane(new Label("the lab")));
        scene.getStylesheets().add(HelpWindowTest.class.getResource("/css/echolab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeEverythingOpened() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && (HelpWindow.TITLE.equals(s.getTitle()) || owners.contains(s))) {
                    s.close();
                }
            }
        }).get(5, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("on the FX thread", e);
        }
    }

    private Stage show() {
        return show(lab);
    }

    private Stage show(Window owner) {
        Stage guide = onFx(() -> {
            HelpWindow.show(owner, opened::add);
            return HelpWindow.current().orElseThrow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return guide;
    }

    private static List<Stage> guideWindows() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && HelpWindow.TITLE.equals(s.getTitle()))
                .map(Stage.class::cast).toList());
    }

    private static <T extends Node> T in(FxRobot robot, Stage guide, String query, Class<T> type) {
        return robot.from(guide.getScene().getRoot()).lookup(query).queryAs(type);
    }

    /** Where {@code node}'s top is in the page's viewport: 0 at its top edge. */
    private static double shownAt(Node node, ScrollPane scroll) {
        return onFx(() -> {
            Node viewport = scroll.lookup(".viewport");
            return node.localToScene(node.getLayoutBounds()).getMinY() - viewport.localToScene(viewport.getLayoutBounds()).getMinY();
        });
    }

    @Test
    void theWindowOpensOnTheGuideWithItsContentsAndTheLabsLook(FxRobot robot) throws Exception {
        Stage guide = show();
        assertTrue(onFx(guide::isShowing));
        assertEquals("EchoLab — User guide", onFx(guide::getTitle));
        assertTrue(onFx(guide::getWidth) <= 900 && onFx(guide::getHeight) <= 700, "sized sensibly");

        ListView<?> contents = in(robot, guide, "#guideContents", ListView.class);
        List<String> expected = GuideDocument.bundled().contents().stream().map(GuideDocument.Heading::text).toList();
        assertEquals(expected, onFx(() -> contents.getItems().stream().map(h -> ((GuideDocument.Heading) h).text()).toList()));
        Node title = in(robot, guide, "#guideHeading-top", Node.class);
        assertTrue(onFx(title::isVisible));

        List<String> sheets = onFx(() -> List.copyOf(guide.getScene().getStylesheets()));
        assertTrue(sheets.get(0).endsWith("/css/echolab.css") && sheets.get(sheets.size() - 1).endsWith("/css/help.css"),
                "the lab's colours, then the guide's own sheet: " + sheets);
    }

    @Test
    void clickingAnEntryOfTheContentsScrollsToItsSection(FxRobot robot) throws Exception {
        Stage guide = show();
        ScrollPane scroll = in(robot, guide, "#guideScroll", ScrollPane.class);
        Node section = in(robot, guide, "#guideHeading-classroom", Node.class);
        assertEquals(0.0, onFx(scroll::getVvalue), 1e-9);
        double before = shownAt(section, scroll);
        assertTrue(before > onFx(() -> scroll.getViewportBounds().getHeight()), "the section starts out of sight");

        ListCell<?> entry = robot.from(guide.getScene().getRoot()).lookup(".guide-contents .list-cell")
                .match((ListCell<?> c) -> "The classroom network".equals(c.getText())).query();
        robot.clickOn(entry);
        waitFor(5, () -> scroll.getVvalue() > 0);
        double after = shownAt(section, scroll);
        assertTrue(after >= 0 && after < 40, "the section's heading is at the top of the page, at " + after);
    }

    @Test
    void searchMarksAWordSaysWhichOfHowManyAndStepsWithEnter(FxRobot robot) throws Exception {
        Stage guide = show();
        TextField search = in(robot, guide, "#guideSearch", TextField.class);
        Label count = in(robot, guide, "#guideSearchCount", Label.class);
        ScrollPane scroll = in(robot, guide, "#guideScroll", ScrollPane.class);

        robot.clickOn(in(robot, guide, "#guidePage", Node.class));
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        waitFor(5, search::isFocused);

        robot.write("zombie");
        long inGuide = occurrences(GuideDocument.bundled().plainText(), "zombie");
        assertTrue(inGuide >= 2, "the guide speaks of zombies more than once");
        waitFor(5, () -> ("1 of " + inGuide).equals(count.getText()));
        waitFor(5, () -> scroll.getVvalue() > 0); // the first one is far down: the page went to it
        double first = onFx(scroll::getVvalue);

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitFor(5, () -> ("2 of " + inGuide).equals(count.getText()));
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitFor(5, () -> ("1 of " + inGuide).equals(count.getText()));
        assertEquals(first, onFx(scroll::getVvalue), 1e-9);

        robot.eraseText(6).write("qwxz");
        waitFor(5, () -> "no match".equals(count.getText()));
        robot.eraseText(4);
        waitFor(5, () -> count.getText().isEmpty());
    }

    @Test
    void anExternalLinkGoesToTheCallersBrowserAndAnInternalOneScrolls(FxRobot robot) throws Exception {
        Stage guide = show();
        robot.clickOn(in(robot, guide, "#guideSearch", TextField.class)).write("JEP 444");
        Label count = in(robot, guide, "#guideSearchCount", Label.class);
        waitFor(5, () -> count.getText().startsWith("1 of"));
        Text link = robot.from(guide.getScene().getRoot()).lookup(".link")
                .match((Text t) -> "JEP 444".equals(t.getText())).query();
        robot.clickOn(link);
        waitFor(5, () -> opened.equals(List.of("https://openjdk.org/jeps/444")));

        ScrollPane scroll = in(robot, guide, "#guideScroll", ScrollPane.class);
        Text internal = robot.from(guide.getScene().getRoot()).lookup(".link")
                .match((Text t) -> "Your own server".equals(t.getText())).query();
        onFx(() -> {
            scroll.setVvalue(0); // the first link to it is near the top
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // a link may wrap: its last line starts at the bounds' left, so click there, not at the centre
        robot.clickOn(robot.point(internal).atPosition(Pos.BOTTOM_LEFT).atOffset(new Point2D(3, -4)));
        Node section = in(robot, guide, "#guideHeading-your-server", Node.class);
        waitFor(5, () -> scroll.getVvalue() > 0);
        double at = shownAt(section, scroll);
        assertTrue(at >= 0 && at < 40, "the linked section is at the top, at " + at);
        assertEquals(List.of("https://openjdk.org/jeps/444"), opened, "an internal link opens no browser");
    }

    @Test
    void aSecondShowBringsTheSameWindowBack(FxRobot robot) throws Exception {
        Stage first = show();
        Stage second = show();
        assertSame(first, second);
        assertEquals(1, guideWindows().size());
    }

    @Test
    void escapeClosesTheWindowAndTheNextShowOpensAFreshOne(FxRobot robot) throws Exception {
        Stage guide = show();
        robot.clickOn(in(robot, guide, "#guidePage", Node.class));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(5, () -> !guide.isShowing());
        assertTrue(onFx(() -> HelpWindow.current().isEmpty()));
        assertEquals(0, guideWindows().size());

        Stage again = show();
        assertFalse(again == guide, "a fresh window");
        robot.clickOn(in(robot, again, "#guideSearch", TextField.class)); // Ctrl+W from the field too
        robot.press(KeyCode.SHORTCUT, KeyCode.W).release(KeyCode.W, KeyCode.SHORTCUT);
        waitFor(5, () -> !again.isShowing());
    }

    @Test
    void theGuideClosesWithItsOwnerAndFollowsItsStyleSheets(FxRobot robot) throws Exception {
        Stage owner = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(new Label("another lab")), 300, 200));
            s.getScene().getStylesheets().add(HelpWindowTest.class.getResource("/css/echolab.css").toExternalForm());
            s.show();
            return s;
        });
        owners.add(owner);
        Stage guide = show(owner);
        String presenter = HelpWindowTest.class.getResource("/css/presenter.css").toExternalForm();
        onFx(() -> owner.getScene().getStylesheets().add(presenter));
        waitFor(5, () -> guide.getScene().getStylesheets().contains(presenter)
                && guide.getScene().getStylesheets().get(guide.getScene().getStylesheets().size() - 1).endsWith("/css/help.css"));

        onFx(() -> {
            owner.close();
            return null;
        });
        waitFor(5, () -> !guide.isShowing());
        assertTrue(onFx(() -> HelpWindow.current().isEmpty()));
    }

    private static long occurrences(String text, String word) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        long n = 0;
        for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
