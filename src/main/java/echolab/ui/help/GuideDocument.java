package echolab.ui.help;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The user guide ({@value #RESOURCE}) as a small immutable model: headings (level, text, id),
 * paragraphs of styled runs, lists, preformatted text and tables, in the order they come. The guide
 * is XHTML in a small subset (h1–h3, p, ul, ol, li, pre, table, tr, th, td; inside text b, strong, i,
 * em, code, kbd and a href), so it can be read, edited and diffed as a web page, and shown without a
 * browser engine: {@link GuideView} draws this model with plain JavaFX nodes.
 *
 * <p>Reading is strict, so that a mistake in the guide is found by its test, not by a student: a
 * file that is not well-formed, has a DOCTYPE (refused, as are external entities), or uses an element
 * outside the subset is refused with one line naming the file and the line ({@link BrokenGuide}).
 * Every h2 and h3 needs an id: the h2s are the contents, and links name ids.
 *
 * <p>No JavaFX, so it is tested without the toolkit. Threading: reading is confined to the calling
 * thread; a document is immutable and may be shared.
 */
public final class GuideDocument {

    /** Where the bundled guide is on the class path. */
    public static final String RESOURCE = "/help/guide.html";

    private static final String LINE = "echolab.line";
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

    /** Reads a guide from {@code xhtml}; {@code source} names it in messages. */
    public static GuideDocument read(String xhtml, String source) {
        return read(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)), source);
    }

    /**
     * Reads a guide from {@code in} (XHTML, UTF-8 unless its declaration says otherwise); {@code source}
     * names it in messages.
     *
     * @throws BrokenGuide when it is not well-formed or leaves the subset, naming the line
     */
    public static GuideDocument read(InputStream in, String source) {
        return new Builder(source).build(load(in, source));
    }

    /** The guide's title: its {@code <title>}, else its first h1. */
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

    // Reading: a secure SAX parse into a DOM whose elements know their line

    private static Document load(InputStream in, String source) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
            dom.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = dom.newDocumentBuilder().newDocument();
            parser.parse(in, new TreeHandler(document));
            return document;
        } catch (SAXParseException e) {
            String why = e.getMessage() == null ? "not well-formed" : e.getMessage();
            if (why.contains("disallow-doctype-decl")) {
                why = "a DOCTYPE is not allowed: write characters as they are, not as named entities";
            }
            throw new BrokenGuide(source, e.getLineNumber(), "not well-formed XHTML: " + why);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("this Java cannot read XML securely: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " could not be read", e);
        }
    }

    /** Builds the DOM from the parse, each element with the line it starts on (a DOM parse forgets lines). */
    private static final class TreeHandler extends DefaultHandler {
        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private Locator locator;

        TreeHandler(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element element = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                if (!attributes.getQName(i).startsWith("xmlns")) {
                    element.setAttribute(name, attributes.getValue(i));
                }
            }
            element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Node parent = open.peek();
            if (parent instanceof Element) {
                String text = new String(ch, start, length);
                Node last = parent.getLastChild();
                if (last != null && last.getNodeType() == Node.TEXT_NODE) {
                    last.setNodeValue(last.getNodeValue() + text);
                } else {
                    // the locator stands at the end of this text: its first line is as many lines back as it breaks
                    Node node = document.createTextNode(text);
                    int end = locator == null ? 0 : locator.getLineNumber();
                    node.setUserData(LINE, end <= 0 ? 0 : Math.max(1, end - (int) text.chars().filter(c -> c == '\n').count()), null);
                    parent.appendChild(node);
                }
            }
        }
    }

    /** Turns the DOM into blocks, holding the guide to its subset. */
    private static final class Builder {
        private final String source;
        private final List<Block> blocks = new ArrayList<>();
        private final Set<String> ids = new LinkedHashSet<>();
        private String title = "";

        Builder(String source) {
            this.source = source;
        }

        GuideDocument build(Document document) {
            Element html = document.getDocumentElement();
            if (!"html".equals(name(html))) {
                throw broken(html, "the guide's root must be <html>, not <" + name(html) + ">");
            }
            Element body = null;
            for (Element child : elements(html)) {
                switch (name(child)) {
                    case "head" -> elements(child).stream().filter(e -> "title".equals(name(e))).findFirst()
                            .ifPresent(t -> title = collapse(t.getTextContent()).trim());
                    case "body" -> body = child;
                    default -> throw broken(child, "<html> holds <head> and <body>, not <" + name(child) + ">");
                }
            }
            if (body == null) {
                throw broken(html, "the guide has no <body>");
            }
            for (Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element e) {
                    block(e);
                } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                    throw broken(node, "text outside a paragraph: '" + abbreviate(node.getNodeValue()) + "'");
                }
            }
            if (title.isEmpty()) {
                title = blocks.stream().filter(b -> b instanceof Heading h && h.level() == 1)
                        .map(b -> ((Heading) b).text()).findFirst().orElse("");
            }
            return new GuideDocument(title, blocks);
        }

        private void block(Element e) {
            switch (name(e)) {
                case "h1", "h2", "h3" -> heading(e);
                case "p" -> blocks.add(new Paragraph(runs(e)));
                case "ul", "ol" -> list(e);
                case "pre" -> blocks.add(new Preformatted(pre(e.getTextContent())));
                case "table" -> table(e);
                default -> throw broken(e, "<" + name(e) + "> is not one of the blocks a guide may use:"
                        + " h1, h2, h3, p, ul, ol, pre, table");
            }
        }

        private void heading(Element e) {
            int level = name(e).charAt(1) - '0';
            String id = e.getAttribute("id").trim();
            if (id.isEmpty() && level > 1) {
                throw broken(e, "<" + name(e) + "> needs an id: the contents and the links find it by its id");
            }
            if (!id.isEmpty() && !ids.add(id)) {
                throw broken(e, "the id '" + id + "' is given twice");
            }
            String text = plain(runs(e));
            if (text.isEmpty()) {
                throw broken(e, "<" + name(e) + "> is empty");
            }
            blocks.add(new Heading(level, text, id));
        }

        private void list(Element e) {
            List<List<Run>> items = new ArrayList<>();
            for (Node node = e.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element item && "li".equals(name(item))) {
                    items.add(runs(item));
                } else if (node instanceof Element other) {
                    throw broken(other, "<" + name(e) + "> holds <li> items, not <" + name(other) + ">");
                } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                    throw broken(node, "text in <" + name(e) + "> outside an <li>");
                }
            }
            blocks.add(new ItemList("ol".equals(name(e)), items));
        }

        private void table(Element e) {
            List<List<Cell>> rows = new ArrayList<>();
            rows(e, rows);
            if (rows.isEmpty()) {
                throw broken(e, "the table has no rows");
            }
            blocks.add(new Table(rows));
        }

        private void rows(Element parent, List<List<Cell>> rows) {
            for (Element child : elements(parent)) {
                switch (name(child)) {
                    case "thead", "tbody" -> rows(child, rows);
                    case "tr" -> {
                        List<Cell> cells = new ArrayList<>();
                        for (Element cell : elements(child)) {
                            if (!"th".equals(name(cell)) && !"td".equals(name(cell))) {
                                throw broken(cell, "<tr> holds <th> and <td> cells, not <" + name(cell) + ">");
                            }
                            cells.add(new Cell("th".equals(name(cell)), runs(cell)));
                        }
                        rows.add(cells);
                    }
                    default -> throw broken(child, "<table> holds <tr> rows, not <" + name(child) + ">");
                }
            }
        }

        /** The runs of a line of text: styles nest, spaces collapse as a browser collapses them. */
        private List<Run> runs(Element e) {
            List<Run> runs = new ArrayList<>();
            inline(e, new Run("", Kind.TEXT, false, false, null), runs);
            trim(runs);
            return runs;
        }

        private void inline(Element parent, Run style, List<Run> runs) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                    add(runs, style, collapse(node.getNodeValue()));
                } else if (node instanceof Element e) {
                    inline(e, styled(e, parent, style), runs);
                }
            }
        }

        private Run styled(Element e, Element parent, Run style) {
            return switch (name(e)) {
                case "b", "strong" -> new Run("", style.kind(), true, style.emphasis(), style.link());
                case "i", "em" -> new Run("", style.kind(), style.strong(), true, style.link());
                case "code" -> new Run("", Kind.CODE, style.strong(), style.emphasis(), style.link());
                case "kbd" -> new Run("", Kind.KBD, style.strong(), style.emphasis(), style.link());
                case "a" -> {
                    if (style.isLink()) {
                        throw broken(e, "a link inside a link");
                    }
                    String href = e.getAttribute("href").trim();
                    if (!(href.startsWith("#") && href.length() > 1) && !href.startsWith("https://")
                            && !href.startsWith("http://") && !href.startsWith("mailto:")) {
                        throw broken(e, "<a> needs an href of #id or a web address (http, https or mailto), not '" + href + "'");
                    }
                    yield new Run("", style.kind(), style.strong(), style.emphasis(), href);
                }
                default -> throw broken(e, "<" + name(e) + "> cannot be inside <" + name(parent) + ">: text may use"
                        + " b, strong, i, em, code, kbd and a");
            };
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

        /** No space at the start or the end of a line, and no empty runs. */
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

        /** The trouble at {@code node}: an element's first line, or the line of a text's first word. */
        private BrokenGuide broken(Node node, String what) {
            int line = node.getUserData(LINE) instanceof Integer n ? n : 0;
            if (line > 0 && node.getNodeType() == Node.TEXT_NODE) {
                String text = node.getNodeValue();
                int firstWord = 0;
                while (firstWord < text.length() && Character.isWhitespace(text.charAt(firstWord))) {
                    firstWord++;
                }
                line += (int) text.substring(0, firstWord).chars().filter(c -> c == '\n').count();
            }
            return new BrokenGuide(source, line, what);
        }
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static List<Element> elements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ");
    }

    /** A pre's text: the line break right after {@code <pre>} and the blank end dropped, as a browser does. */
    private static String pre(String text) {
        String s = text.startsWith("\r\n") ? text.substring(2) : text.startsWith("\n") ? text.substring(1) : text;
        return s.stripTrailing();
    }

    private static String abbreviate(String text) {
        String s = collapse(text).trim();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
