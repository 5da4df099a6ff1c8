package echolab.ui.help;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import echolab.ui.help.GuideDocument.Block;
import echolab.ui.help.GuideDocument.Cell;
import echolab.ui.help.GuideDocument.Heading;
import echolab.ui.help.GuideDocument.ItemList;
import echolab.ui.help.GuideDocument.Kind;
import echolab.ui.help.GuideDocument.Paragraph;
import echolab.ui.help.GuideDocument.Preformatted;
import echolab.ui.help.GuideDocument.Run;
import echolab.ui.help.GuideDocument.Table;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A {@link GuideDocument} on screen, without a browser engine: the page is a scrolling column of
 * text flows (headings, paragraphs, lists, preformatted blocks, tables), styled by class from
 * {@code css/help.css} in the scene's looked-up colours, so a theme or the presenter view restyles it.
 * On the left, a search field and the contents (the h2 headings): a click scrolls to the section.
 * Links to {@code #id} scroll too; other links go to the {@code openLink} the caller gives (the app's
 * browser). Search finds every occurrence, case-insensitively, marks them, and steps through them
 * with Enter (Shift+Enter back), saying "3 of 7" or "no match"; Ctrl+F (⌘F) goes to the field.
 *
 * <p>Node ids: {@code guideSearch}, {@code guideSearchCount}, {@code guideContents},
 * {@code guideScroll}, {@code guidePage}, and {@code guideHeading-ID} for each heading.
 *
 * <p>Threading: construct and use on the FX thread only.
 */
public final class GuideView extends BorderPane {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** How far below the top of the page a section or a match is put, in pixels. */
    private static final double TOP_MARGIN = 8;
    /** Wider lines are hard to read: the page stops growing here and stands centred. */
    private static final double PAGE_WIDTH = 860;

    private final Consumer<String> openLink;
    private final VBox page = new VBox();
    private final ScrollPane scroll = new ScrollPane();
    private final TextField search = new TextField();
    private final Label count = new Label();
    private final ListView<Heading> contents = new ListView<>();
    private final Map<String, Node> anchors = new HashMap<>();
    /** Every searchable flow, in reading order. */
    private final List<Flow> flows = new ArrayList<>();
    private final List<Match> matches = new ArrayList<>();
    private int current = -1;

    /** One occurrence of the search: its flow and its range in the flow's text. */
    private record Match(Flow flow, int start, int end) {
    }

    /** Shows {@code document}; external links go to {@code openLink} (e.g. {@code HostServices::showDocument}). */
    public GuideView(GuideDocument document, Consumer<String> openLink) {
        this.openLink = Objects.requireNonNull(openLink);
        getStyleClass().add("guide");

        page.setId("guidePage");
        page.getStyleClass().add("guide-page");
        page.setMaxWidth(PAGE_WIDTH);
        for (Block block : document.blocks()) {
            page.getChildren().add(block(block));
        }
        StackPane centred = new StackPane(page);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("guide-sheet");
        scroll.setId("guideScroll");
        scroll.getStyleClass().add("guide-scroll");
        scroll.setContent(centred);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setLeft(sidebar(document));

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                focusSearch();
                e.consume();
            }
        });
    }

    // The sidebar: search and contents

    private VBox sidebar(GuideDocument document) {
        search.setId("guideSearch");
        search.getStyleClass().add("guide-search");
        search.setPromptText("Search the guide");
        search.setTooltip(new Tooltip("Ctrl+F (⌘F on macOS); Enter: next match, Shift+Enter: the one before"));
        search.textProperty().addListener((obs, was, is) -> find(is));
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        count.setId("guideSearchCount");
        count.getStyleClass().add("guide-search-count");

        Label title = new Label("CONTENTS");
        title.getStyleClass().add("guide-contents-title");
        contents.setId("guideContents");
        contents.getStyleClass().add("guide-contents");
        contents.getItems().setAll(document.contents());
        contents.setCellFactory(list -> new ContentsCell());
        contents.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                showAnchor(is.id());
            }
        });
        VBox.setVgrow(contents, Priority.ALWAYS);

        VBox sidebar = new VBox(search, count, title, contents);
        sidebar.getStyleClass().add("guide-sidebar");
        return sidebar;
    }

    /** An entry of the contents; clicking the selected one again scrolls to it again. */
    private final class ContentsCell extends ListCell<Heading> {
        ContentsCell() {
            setWrapText(true);
            setPrefWidth(0); // as wide as the list, no wider: a long title wraps instead of scrolling sideways
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    showAnchor(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(Heading item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.text());
        }
    }

    /** Puts the cursor in the search field, its text selected. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Gives the keyboard to the page, so the arrows and Page Up/Down scroll it. */
    public void focusPage() {
        scroll.requestFocus();
    }

    /** Scrolls to the heading with {@code id}; false if there is none. */
    public boolean showAnchor(String id) {
        Node target = anchors.get(id);
        if (target == null) {
            return false;
        }
        scrollTo(top(target) - TOP_MARGIN);
        return true;
    }

    // Search

    private void find(String query) {
        matches.clear();
        flows.forEach(Flow::clearHits);
        current = -1;
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            count.setText("");
            return;
        }
        for (Flow flow : flows) {
            String text = flow.searchable();
            for (int i = 0; i + q.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, q, 0, q.length())) {
                    matches.add(new Match(flow, i, i + q.length()));
                    flow.addHit(i, i + q.length());
                    i += q.length() - 1;
                }
            }
        }
        flows.forEach(Flow::redraw);
        if (matches.isEmpty()) {
            count.setText("no match");
            return;
        }
        go(0);
    }

    /** To the next match ({@code by} 1) or the one before (-1), round the end. */
    private void step(int by) {
        if (matches.isEmpty()) {
            return;
        }
        go(Math.floorMod(current + by, matches.size()));
    }

    private void go(int index) {
        if (current >= 0) {
            matches.get(current).flow().current(-1, -1);
        }
        current = index;
        Match m = matches.get(index);
        m.flow().current(m.start(), m.end());
        count.setText((index + 1) + " of " + matches.size());
        layoutPage();
        Bounds mark = m.flow().currentBounds();
        double y = top(m.flow()) + (mark == null ? 0 : mark.getMinY());
        double viewport = scroll.getViewportBounds().getHeight();
        double shownTop = scrolledTop();
        if (y < shownTop || y + (mark == null ? 0 : mark.getHeight()) > shownTop + viewport) {
            scrollTo(y - viewport / 3); // a third of the way down: what leads to it stays in sight
        }
    }

    // Scrolling

    private void layoutPage() {
        applyCss();
        layout();
    }

    /** Where {@code node} starts, down the scrolled content. */
    private double top(Node node) {
        layoutPage();
        Node content = scroll.getContent();
        return content.sceneToLocal(node.localToScene(0, 0)).getY();
    }

    private double scrollable() {
        return scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
    }

    private double scrolledTop() {
        double range = scrollable();
        return range <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin()) * range;
    }

    private void scrollTo(double y) {
        double range = scrollable();
        double share = range <= 0 ? 0 : Math.max(0, Math.min(1, y / range));
        scroll.setVvalue(scroll.getVmin() + share * (scroll.getVmax() - scroll.getVmin()));
    }

    private void follow(String link) {
        if (link.startsWith("#")) {
            showAnchor(link.substring(1));
        } else {
            openLink.accept(link);
        }
    }

    // The page's blocks

    private Node block(Block block) {
        if (block instanceof Heading h) {
            Flow flow = flow("guide-h" + h.level());
            flow.add(text(h.text(), "heading"));
            if (!h.id().isEmpty()) {
                flow.setId("guideHeading-" + h.id());
                anchors.put(h.id(), flow);
            }
            return flow;
        }
        if (block instanceof Paragraph p) {
            return runs(flow("guide-p"), p.runs(), false);
        }
        if (block instanceof ItemList l) {
            VBox list = new VBox();
            list.getStyleClass().addAll("guide-list", l.ordered() ? "ordered" : "bulleted");
            int n = 1;
            for (List<Run> item : l.items()) {
                Label marker = new Label(l.ordered() ? n++ + "." : "•");
                marker.getStyleClass().add("guide-list-marker");
                marker.setMinWidth(Label.USE_PREF_SIZE);
                Flow flow = runs(flow("guide-list-item"), item, false);
                HBox.setHgrow(flow, Priority.ALWAYS);
                HBox row = new HBox(marker, flow);
                row.getStyleClass().add("guide-list-row");
                list.getChildren().add(row);
            }
            return list;
        }
        if (block instanceof Preformatted p) {
            Flow flow = flow("guide-pre-text");
            flow.add(text(p.text(), "pre"));
            StackPane box = new StackPane(flow);
            box.setAlignment(Pos.TOP_LEFT);
            box.getStyleClass().add("guide-pre");
            return box;
        }
        return table((Table) block);
    }

    private Node table(Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        int columns = table.rows().stream().mapToInt(List::size).max().orElse(1);
        double[] weight = new double[columns];
        for (List<Cell> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                // a column's share follows its longest text, within bounds, so short columns stay readable
                weight[c] = Math.max(weight[c], Math.max(12, Math.min(60, width(row.get(c).runs()))));
            }
        }
        double total = java.util.Arrays.stream(weight).sum();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100 * weight[c] / total);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        int r = 0;
        for (List<Cell> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                Flow flow = runs(flow("guide-cell"), cell.runs(), cell.header());
                if (cell.header()) {
                    flow.getStyleClass().add("header");
                }
                flow.setMinWidth(0);
                flow.setMaxWidth(Double.MAX_VALUE);
                grid.add(flow, c, r);
            }
            r++;
        }
        return grid;
    }

    /** About how wide {@code runs} are, in characters: a key's box takes room of its own. */
    private static double width(List<Run> runs) {
        double chars = 0;
        for (Run run : runs) {
            chars += run.text().length() + (run.kind() == Kind.KBD ? 2.5 : 0);
        }
        return chars;
    }

    private Flow flow(String styleClass) {
        Flow flow = new Flow();
        flow.getStyleClass().add(styleClass);
        flows.add(flow);
        return flow;
    }

    private Flow runs(Flow flow, List<Run> runs, boolean header) {
        for (Run run : runs) {
            if (run.kind() == Kind.KBD) {
                Label key = new Label(run.text());
                key.getStyleClass().add("kbd");
                key.setMinWidth(Label.USE_PREF_SIZE);
                flow.add(key);
                continue;
            }
            Text text = text(run.text(), run.kind() == Kind.CODE ? "code" : "plain");
            if (run.strong() || header) {
                text.getStyleClass().add("strong");
            }
            if (run.emphasis()) {
                text.getStyleClass().add("em");
            }
            if (run.isLink()) {
                String link = run.link();
                text.getStyleClass().add("link");
                text.setCursor(Cursor.HAND);
                text.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        follow(link);
                    }
                });
                if (!link.startsWith("#")) {
                    Tooltip.install(text, new Tooltip(link));
                }
            }
            flow.add(text);
        }
        return flow;
    }

    private static Text text(String s, String styleClass) {
        Text text = new Text(s);
        text.getStyleClass().addAll("guide-text", styleClass);
        return text;
    }

    /**
     * A text flow that knows its own text, to be searched, and marks the matches in it: every match
     * lightly, the current one strongly, as shapes behind the text (children it does not lay out).
     * A key (a label) is one character to the flow's layout but its whole text to the search.
     */
    private static final class Flow extends TextFlow {
        private final StringBuilder searchable = new StringBuilder();
        /** Per laid-out child: where its text starts in {@link #searchable}, and in the layout. */
        private final List<int[]> spans = new ArrayList<>();
        private int layoutLength;
        private final List<int[]> hits = new ArrayList<>();
        private int currentStart = -1;
        private int currentEnd = -1;
        private final Path hitMarks = new Path();
        private final Path currentMark = new Path();

        Flow() {
            for (Path mark : new Path[] {hitMarks, currentMark}) {
                mark.setManaged(false);
                mark.setMouseTransparent(true);
                mark.setVisible(false);
            }
            hitMarks.getStyleClass().add("search-hit");
            currentMark.getStyleClass().add("search-current");
            getChildren().addAll(hitMarks, currentMark);
        }

        void add(Node node) {
            String s = node instanceof Text t ? t.getText() : ((Label) node).getText();
            spans.add(new int[] {searchable.length(), s.length(), layoutLength, node instanceof Text ? 1 : 0});
            searchable.append(s);
            layoutLength += node instanceof Text ? s.length() : 1;
            getChildren().add(node);
        }

        String searchable() {
            return searchable.toString();
        }

        void clearHits() {
            hits.clear();
            currentStart = -1;
            currentEnd = -1;
            redraw();
        }

        void addHit(int start, int end) {
            hits.add(new int[] {start, end});
        }

        void current(int start, int end) {
            currentStart = start;
            currentEnd = end;
            redraw();
        }

        /** The current match's bounds in this flow, or null. */
        Bounds currentBounds() {
            return currentStart < 0 ? null : currentMark.getBoundsInParent();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            redraw(); // the lines may have wrapped differently
        }

        void redraw() {
            hitMarks.getElements().clear();
            for (int[] hit : hits) {
                hitMarks.getElements().addAll(shape(hit[0], hit[1]));
            }
            hitMarks.setVisible(!hits.isEmpty());
            currentMark.getElements().clear();
            if (currentStart >= 0) {
                currentMark.getElements().addAll(shape(currentStart, currentEnd));
            }
            currentMark.setVisible(currentStart >= 0);
            for (Path mark : new Path[] {hitMarks, currentMark}) {
                mark.setLayoutX(snappedLeftInset());
                mark.setLayoutY(snappedTopInset());
            }
        }

        private javafx.scene.shape.PathElement[] shape(int start, int end) {
            return rangeShape(layoutIndex(start, false), layoutIndex(end - 1, true));
        }

        /** The layout's index for the search text's {@code index}: where it starts, or just after it ({@code after}). */
        private int layoutIndex(int index, boolean after) {
            for (int[] span : spans) {
                int from = span[0];
                int length = span[1];
                if (index >= from && index < from + length) {
                    boolean text = span[3] == 1;
                    int offset = text ? index - from : 0;
                    return span[2] + offset + (after ? 1 : 0);
                }
            }
            return after ? layoutLength : 0;
        }
    }
}
