package echolab.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user guide ({@value #RESOURCE}) as a small immutable model: headings (level, text, id),
 * paragraphs of styled runs, lists, preformatted text and tables, in the order they come. The guide
 * is written once, as {@code docs/guide.md} in the repository, where GitHub shows it; the build copies
 * that file into the jar, and {@link GuideMarkdown} reads it in a small subset of Markdown that
 * both show alike. {@link GuideView} draws this model with plain JavaFX nodes, without a browser engine.
 *
 * <p>Reading is strict, so that a mistake in the guide is found by its test, not by a student: a
 * file outside the subset is refused with one line naming the file and the line ({@link BrokenGuide}).
 * Every h2 and h3 needs an id: the h2s are the contents, and links name ids.
 *
 * <p>No JavaFX, so it is tested without the toolkit. Threading: reading is confined to the calling
 * thread; a document is immutable and may be shared.
 */
public final class GuideDocument {

    /** Where the bundled guide is on the class path. */
    public static final String RESOURCE = "/help/guide.md";

    private static final Pattern SPACES = Pattern.compile("[ \t\r\n]+");

    /** How a run of text is set: plain, as code, or as a key to press. */
    public enum Kind { TEXT, CODE, KBD }

    /** A stretch of text in one style; {@code link} is where it leads ({@code #id} or a web address), or null. */
    public record Run(String text, Kind kind, boolean strong, boolean emphasis, String link) {
        public boolean isLink() {
            return link != null;
        }

        boolean sameStyle(Run other) {
            return kind == other.kind && strong == other.strong && emphasis == other.emphasis
                    && java.util.Objects.equals(link, other.link);
        }
    }

    /** One block of the guide, in the order they are shown. */
    public sealed interface Block permits Heading, Paragraph, ItemList, Preformatted, Table {
    }

    /** A heading of {@code level} 1 to 3; {@code id} is what links name (empty only for an h1 without one). */
    public record Heading(int level, String text, String id) implements Block {
    }

    public record Paragraph(List<Run> runs) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }
    }

    /** A bulleted ({@code ordered} false) or numbered list, each item a line of runs. */
    public record ItemList(boolean ordered, List<List<Run>> items) implements Block {
        public ItemList {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** Text shown as it is written, line breaks and spaces kept. */
    public record Preformatted(String text) implements Block {
    }

    /** A table cell; {@code header} for a th. */
    public record Cell(boolean header, List<Run> runs) {
        public Cell {
            runs = List.copyOf(runs);
        }

        /** The cell's text, without its styles. */
        public String text() {
            return plain(runs);
        }
    }

    public record Table(List<List<Cell>> rows) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A guide that cannot be shown: the message is one line, {@code FILE:LINE: what is wrong}. */
    public static final class BrokenGuide extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        BrokenGuide(String source, int line, String what) {
            super(source + (line > 0 ? ":" + line : "") + ": " + SPACES.matcher(what).replaceAll(" ").trim());
            this.line = line;
        }

        /** The line the trouble is on, from 1; 0 when the parser could not say. */
        public int line() {
            return line;
        }
    }

    private final String title;
    private final List<Block> blocks;

    private GuideDocument(String title, List<Block> blocks) {
        this.title = title;
        this.blocks = List.copyOf(blocks);
    }

    /** The guide that comes with the app. */
    public static GuideDocument bundled() {
        try (InputStream in = GuideDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the user guide " + RESOURCE + " is not on the class path");
            }
            return read(in, RESOURCE.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("the user guide " + RESOURCE + " could not be read", e);
        }
    }

    /** Reads a guide from {@code markdown}; {@code source} names it in messages. */
    public static GuideDocument read(String markdown, String source) {
        List<Block> blocks = new GuideMarkdown(markdown, source).read();
        String title = blocks.stream().filter(b -> b instanceof Heading h && h.level() == 1)
                .map(b -> ((Heading) b).text()).findFirst().orElse("");
        return new GuideDocument(title, blocks);
    }

    /**
     * Reads a guide from {@code in} (Markdown, UTF-8); {@code source} names it in messages.
     *
     * @throws BrokenGuide when it leaves the guide's subset of Markdown, naming the line
     */
    public static GuideDocument read(InputStream in, String source) {
        try {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " could not be read", e);
        }
    }

    /** The guide's title: its first h1. */
    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The h2 headings, in order: the guide's contents. */
    public List<Heading> contents() {
        return headings().stream().filter(h -> h.level() == 2).toList();
    }

    public List<Heading> headings() {
        return blocks.stream().filter(Heading.class::isInstance).map(Heading.class::cast).toList();
    }

    /** Every id a link may name ({@code #id}). */
    public Set<String> anchors() {
        Set<String> ids = new LinkedHashSet<>();
        for (Heading h : headings()) {
            if (!h.id().isEmpty()) {
                ids.add(h.id());
            }
        }
        return ids;
    }

    /** Every link's target, in the order they come ({@code #id} or a web address). */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        for (Block block : blocks) {
            for (List<Run> line : lines(block)) {
                line.stream().filter(Run::isLink).map(Run::link).forEach(links::add);
            }
        }
        return links;
    }

    /** The text of the whole guide, one line per heading, paragraph, item, cell or preformatted block. */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                text.append(h.text()).append('\n');
            } else if (block instanceof Preformatted p) {
                text.append(p.text()).append('\n');
            } else {
                lines(block).forEach(line -> text.append(plain(line)).append('\n'));
            }
        }
        return text.toString();
    }

    /** The lines of runs of a paragraph, list or table (a table's cells in reading order); none for the others. */
    static List<List<Run>> lines(Block block) {
        if (block instanceof Paragraph p) {
            return List.of(p.runs());
        }
        if (block instanceof ItemList l) {
            return l.items();
        }
        if (block instanceof Table t) {
            return t.rows().stream().flatMap(List::stream).map(Cell::runs).toList();
        }
        return List.of();
    }

    /** The runs' text without their styles. */
    public static String plain(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        runs.forEach(r -> s.append(r.text()));
        return s.toString();
    }

}
