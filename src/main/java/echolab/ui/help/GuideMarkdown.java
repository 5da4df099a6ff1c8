package echolab.ui.help;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import echolab.ui.help.GuideDocument.Block;
import echolab.ui.help.GuideDocument.BrokenGuide;
import echolab.ui.help.GuideDocument.Cell;
import echolab.ui.help.GuideDocument.Heading;
import echolab.ui.help.GuideDocument.ItemList;
import echolab.ui.help.GuideDocument.Kind;
import echolab.ui.help.GuideDocument.Paragraph;
import echolab.ui.help.GuideDocument.Preformatted;
import echolab.ui.help.GuideDocument.Run;
import echolab.ui.help.GuideDocument.Table;

/**
 * Reads the guide's Markdown, the subset that GitHub renders the same way as the Help window does, so
 * that {@code docs/guide.md} is written once and read in both places:
 * <ul>
 * <li>headings {@code #}, {@code ##}, {@code ###}; every h2 and h3 has {@code <a id="ID"></a>} on the
 * line above it (GitHub makes that an anchor too), so links and the contents find it by a stable id;
 * <li>paragraphs, lists ({@code - } or {@code 1. }, an item continued on lines indented by spaces),
 * fenced code blocks, tables (a header row, a {@code |---|} row, {@code \|} for a bar in a cell);
 * <li>in text: {@code **strong**}, {@code *emphasis*}, {@code `code`}, {@code <kbd>key</kbd>},
 * {@code [text](target)} and backslash escapes; spaces collapse as in a browser;
 * <li>{@code <!-- comments -->}; a picture alone in its paragraph, {@code ![what](file.png)}, which
 * only the web shows (the jar carries the guide's text, not the screenshots).
 * </ul>
 * A link's target is {@code #id}, a web address (http, https, mailto), or another page of
 * {@code docs/} ({@code commands.md#check}); the Help window has no such page, so it shows that one
 * as text. Anything else (other HTML, entities such as {@code &nbsp;}, h4, a mark left open) is
 * refused in one line naming the line, so a mistake is found by the guide's test, not by a student.
 *
 * <p>Threading: one reader per thread; it is used once.
 */
final class GuideMarkdown {

    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([A-Za-z][\\w-]*)\"></a>");
    private static final Pattern HEADING = Pattern.compile("(#+)\\s+(.*?)\\s*");
    private static final Pattern ITEM = Pattern.compile("(?:([-*])|(\\d+)[.)])\\s+(.*)");
    private static final Pattern PICTURE = Pattern.compile("!\\[[^\\]]*\\]\\([^)\\s]+\\)");
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern DOC_PAGE = Pattern.compile("(\\.\\./)*[\\w./-]*[\\w-]+\\.(md|png|svg)(#[\\w-]+)?");
    private static final Pattern SPACES = Pattern.compile("[ \t]+");

    private final String source;
    private final String[] lines;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private int at;
    /** The id of {@code <a id>} waiting for its heading, and the line it stood on. */
    private String pendingId;
    private int pendingLine;

    GuideMarkdown(String markdown, String source) {
        this.source = source;
        this.lines = markdown.replace("\r\n", "\n").split("\n", -1);
    }

    List<Block> read() {
        while (at < lines.length) {
            String line = lines[at];
            if (line.isBlank()) {
                at++;
            } else if (pendingId != null && !HEADING.matcher(line).matches()) {
                throw broken(pendingLine, "<a id=\"" + pendingId + "\"></a> stands above a heading, and none follows it");
            } else if (line.startsWith("<!--")) {
                comment();
            } else if (line.startsWith("```")) {
                fence();
            } else if (line.startsWith("#")) {
                heading(line);
            } else if (line.startsWith("|")) {
                table();
            } else if (ITEM.matcher(line).matches()) {
                list();
            } else if (ANCHOR.matcher(line.strip()).matches()) {
                Matcher m = ANCHOR.matcher(line.strip());
                m.matches();
                pendingId = m.group(1);
                pendingLine = at + 1;
                at++;
            } else if (line.startsWith("<") && !line.startsWith("<kbd>")) {
                throw broken(at + 1, tagName(line, 0) + " is not part of the guide's Markdown: it may use"
                        + " <a id> above a heading, <kbd> in text and <!-- comments -->");
            } else {
                paragraph();
            }
        }
        if (pendingId != null) {
            throw broken(pendingLine, "<a id=\"" + pendingId + "\"></a> stands above a heading, and none follows it");
        }
        return blocks;
    }

    private void comment() {
        int start = at;
        while (at < lines.length && !lines[at].contains("-->")) {
            at++;
        }
        if (at == lines.length) {
            throw broken(start + 1, "a comment opened here is never closed with -->");
        }
        at++;
    }

    private void fence() {
        int start = at++;
        List<String> text = new ArrayList<>();
        while (at < lines.length && !lines[at].startsWith("```")) {
            text.add(lines[at++]);
        }
        if (at == lines.length) {
            throw broken(start + 1, "a code block opened here with ``` is never closed");
        }
        at++;
        blocks.add(new Preformatted(String.join("\n", text).stripTrailing()));
    }

    private void heading(String line) {
        int number = at + 1;
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            throw broken(number, "a heading needs a space after its #");
        }
        int level = m.group(1).length();
        if (level > 3) {
            throw broken(number, "a heading of level " + level + ": the guide uses levels 1 to 3");
        }
        String id = pendingId == null ? "" : pendingId;
        pendingId = null;
        if (id.isEmpty() && level > 1) {
            throw broken(number, "a heading of level " + level + " needs an id: put <a id=\"…\"></a> on the line above it");
        }
        if (!id.isEmpty() && !ids.add(id)) {
            throw broken(number, "the id '" + id + "' is given twice");
        }
        String text = GuideDocument.plain(runs(m.group(2), number));
        if (text.isEmpty()) {
            throw broken(number, "the heading is empty");
        }
        blocks.add(new Heading(level, text, id));
        at++;
    }

    private void paragraph() {
        int start = at;
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        while (at < lines.length && !lines[at].isBlank() && (at == start || continues(lines[at]))) {
            text.append(at == start ? "" : " ");
            starts.add(text.length());
            text.append(lines[at].strip());
            at++;
        }
        String all = text.toString();
        if (PICTURE.matcher(all).matches()) {
            return; // only the web shows pictures
        }
        blocks.add(new Paragraph(runs(all, lineAt(start + 1, starts))));
    }

    /** Whether a line goes on with the paragraph or list item above it rather than starting a block. */
    private static boolean continues(String line) {
        String s = line.strip();
        return !line.startsWith("#") && !line.startsWith("|") && !line.startsWith("```")
                && !(s.startsWith("<") && !s.startsWith("<kbd>")) && !ITEM.matcher(line).matches();
    }

    private void list() {
        boolean ordered = ITEM.matcher(lines[at]).matches() && lines[at].matches("\\d.*");
        List<List<Run>> items = new ArrayList<>();
        while (at < lines.length) {
            Matcher m = ITEM.matcher(lines[at]);
            if (!m.matches()) {
                break;
            }
            if ((m.group(2) != null) != ordered) {
                throw broken(at + 1, "a list is either numbered or bulleted: leave a blank line between two lists");
            }
            int start = at++;
            StringBuilder text = new StringBuilder(m.group(3).strip());
            List<Integer> starts = new ArrayList<>(List.of(0));
            while (at < lines.length && lines[at].startsWith(" ") && !lines[at].isBlank() && continues(lines[at].strip())) {
                text.append(' ');
                starts.add(text.length());
                text.append(lines[at].strip());
                at++;
            }
            items.add(runs(text.toString(), lineAt(start + 1, starts)));
        }
        blocks.add(new ItemList(ordered, items));
    }

    private void table() {
        int start = at;
        List<List<Cell>> rows = new ArrayList<>();
        while (at < lines.length && lines[at].startsWith("|")) {
            List<String> cells = cells(lines[at].strip());
            if (at == start + 1) {
                if (!cells.stream().allMatch(c -> c.strip().matches(":?-{3,}:?"))) {
                    throw broken(at + 1, "a table's second line is |---|---|, under its header row");
                }
            } else {
                int number = at + 1;
                boolean header = at == start;
                rows.add(cells.stream().map(c -> new Cell(header, runs(c, number))).toList());
            }
            at++;
        }
        if (rows.size() < 2 && at - start < 2) {
            throw broken(start + 1, "a table has a header row and a |---|---| row under it");
        }
        blocks.add(new Table(rows));
    }

    /** A row's cells: split at every bar that is not escaped, then {@code \|} is a bar, as on GitHub. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && !row.endsWith("\\|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Where in the file an offset into text joined from lines (each starting at {@code starts}) is. */
    private static IntUnaryOperator lineAt(int first, List<Integer> starts) {
        return offset -> {
            int line = first;
            for (int i = 1; i < starts.size() && starts.get(i) <= offset; i++) {
                line = first + i;
            }
            return line;
        };
    }

    // Text: styles are toggled by their marks; a run is added each time the style changes

    private List<Run> runs(String text, int line) {
        return runs(text, offset -> line);
    }

    private List<Run> runs(String text, IntUnaryOperator lineAt) {
        Matcher entity = ENTITY.matcher(text);
        if (entity.find() && !insideCode(text, entity.start())) {
            throw broken(lineAt.applyAsInt(entity.start()), "the entity " + entity.group() + " is not used: write characters as they are");
        }
        List<Run> runs = new ArrayList<>();
        boolean strong = false;
        boolean emphasis = false;
        int openedAt = 0;
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Run style = new Run("", Kind.TEXT, strong, emphasis, null);
            if (c == '\\' && i + 1 < text.length() && isPunctuation(text.charAt(i + 1))) {
                plain.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    throw broken(lineAt.applyAsInt(i), "a ` is never closed");
                }
                flush(runs, style, plain);
                add(runs, new Run("", Kind.CODE, strong, emphasis, null), collapse(text.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '*') {
                int n = 0;
                while (i + n < text.length() && text.charAt(i + n) == '*') {
                    n++;
                }
                flush(runs, style, plain);
                openedAt = strong || emphasis ? openedAt : i;
                strong ^= n >= 2;
                emphasis ^= n != 2;
                i += n;
            } else if (c == '<' && text.startsWith("<kbd>", i)) {
                int end = text.indexOf("</kbd>", i);
                if (end < 0) {
                    throw broken(lineAt.applyAsInt(i), "a <kbd> is never closed with </kbd>");
                }
                flush(runs, style, plain);
                add(runs, new Run("", Kind.KBD, strong, emphasis, null), collapse(text.substring(i + 5, end)));
                i = end + 6;
            } else if (c == '<' && i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
                throw broken(lineAt.applyAsInt(i), tagName(text, i) + " cannot be in text: text may use **, *, `code`, <kbd> and links");
            } else if (c == '!' && text.startsWith("![", i)) {
                throw broken(lineAt.applyAsInt(i), "a picture stands alone in its paragraph");
            } else if (c == '[') {
                i = link(text, i, lineAt, style, plain, runs);
            } else {
                plain.append(c);
                i++;
            }
        }
        if (strong || emphasis) {
            throw broken(lineAt.applyAsInt(openedAt), "a " + (strong ? "**" : "*") + " is never closed (write \\* for a star)");
        }
        flush(runs, new Run("", Kind.TEXT, false, false, null), plain);
        trim(runs);
        return runs;
    }

    /** Reads {@code [text](target)} at {@code i}; returns where the text goes on. */
    private int link(String text, int i, IntUnaryOperator lineAt, Run style, StringBuilder plain, List<Run> runs) {
        int close = text.indexOf("](", i);
        int end = close < 0 ? -1 : text.indexOf(')', close);
        if (close < 0 || end < 0) {
            plain.append('[');
            return i + 1;
        }
        String target = text.substring(close + 2, end).strip();
        boolean web = target.startsWith("https://") || target.startsWith("http://") || target.startsWith("mailto:");
        boolean inGuide = target.startsWith("#") && target.length() > 1;
        if (!web && !inGuide && !DOC_PAGE.matcher(target).matches()) {
            throw broken(lineAt.applyAsInt(i), "a link needs a target of #id, a web address (http, https or mailto) or another page of"
                    + " docs/, not '" + target + "'");
        }
        flush(runs, style, plain);
        List<Run> label = runs(text.substring(i + 1, close), offset -> lineAt.applyAsInt(offset + i + 1));
        String link = web || inGuide ? target : null; // another page of docs/: the Help window shows its text
        for (Run r : label) {
            add(runs, new Run("", r.kind(), r.strong() || style.strong(), r.emphasis() || style.emphasis(), link), r.text());
        }
        return end + 1;
    }

    private static boolean insideCode(String text, int index) {
        return text.substring(0, index).chars().filter(c -> c == '`').count() % 2 == 1;
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }

    private static void flush(List<Run> runs, Run style, StringBuilder plain) {
        add(runs, style, collapse(plain.toString()));
        plain.setLength(0);
    }

    /** Adds {@code text} in {@code style}, joining a run of the same style, one space between words. */
    private static void add(List<Run> runs, Run style, String text) {
        if (text.isEmpty()) {
            return;
        }
        String before = runs.isEmpty() ? "" : runs.get(runs.size() - 1).text();
        if (text.startsWith(" ") && (before.isEmpty() || before.endsWith(" "))) {
            text = text.substring(1);
            if (text.isEmpty()) {
                return;
            }
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.sameStyle(style)) {
            runs.set(runs.size() - 1, new Run(last.text() + text, last.kind(), last.strong(), last.emphasis(), last.link()));
        } else {
            runs.add(new Run(text, style.kind(), style.strong(), style.emphasis(), style.link()));
        }
    }

    /** No space at the end of a line, and no empty runs. */
    private static void trim(List<Run> runs) {
        while (!runs.isEmpty() && runs.get(runs.size() - 1).text().endsWith(" ")) {
            Run last = runs.get(runs.size() - 1);
            String text = last.text().stripTrailing();
            if (text.isEmpty()) {
                runs.remove(runs.size() - 1);
            } else {
                runs.set(runs.size() - 1, new Run(text, last.kind(), last.strong(), last.emphasis(), last.link()));
            }
        }
    }

    private static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ");
    }

    private static String tagName(String text, int at) {
        Matcher m = Pattern.compile("</?!?([A-Za-z]+)").matcher(text);
        return m.find(at) && m.start() == at ? "<" + m.group(1) + ">" : "'<'";
    }

    private BrokenGuide broken(int line, String what) {
        return new BrokenGuide(source, line, what);
    }
}
