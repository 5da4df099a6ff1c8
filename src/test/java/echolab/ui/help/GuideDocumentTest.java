package echolab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import echolab.cli.EchoLabCommand;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.ui.OpenCommand;
import echolab.ui.FrameTimeBenchmark;
import echolab.ui.help.GuideDocument.BrokenGuide;
import echolab.ui.help.GuideDocument.Heading;
import echolab.ui.help.GuideDocument.ItemList;
import echolab.ui.help.GuideDocument.Kind;
import echolab.ui.help.GuideDocument.Paragraph;
import echolab.ui.help.GuideDocument.Preformatted;
import echolab.ui.help.GuideDocument.Run;
import echolab.ui.help.GuideDocument.Table;
import picocli.CommandLine.Command;

/** The bundled guide reads, covers what it must and links only where it can; a broken one is refused in one line. */
class GuideDocumentTest {

    private static final GuideDocument GUIDE = GuideDocument.bundled();

    @Test
    void theBundledGuideReadsWithItsTitleAndASectionPerMainTopic() {
        assertEquals("EchoLab — User guide", GUIDE.title());
        List<String> sections = GUIDE.contents().stream().map(Heading::id).toList();
        for (String topic : List.of("what", "start", "window", "models", "race", "sync", "lessons", "your-server",
                "compare", "classroom", "keys", "presenter", "remembered", "log-file", "command-line")) {
            assertTrue(sections.contains(topic), "a section (h2) on " + topic + "; the guide has " + sections);
        }
        assertTrue(GUIDE.contents().stream().allMatch(h -> !h.text().isBlank()));
        String text = GUIDE.plainText();
        int words = text.split("\\s+").length;
        assertTrue(words > 1500 && words < 4000, "a guide of a readable length, not " + words + " words");
    }

    @Test
    void theHelpWindowShowsDocsGuideMdItselfSoTheGuideIsWrittenOnce() throws Exception {
        String bundled;
        try (java.io.InputStream in = GuideDocument.class.getResourceAsStream(GuideDocument.RESOURCE)) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("docs", "guide.md")), bundled,
                "the jar's guide is docs/guide.md as the build copied it");
        assertEquals(null, GuideDocument.class.getResource("/help/guide.html"), "no second guide beside it");
    }

    @Test
    void everyInternalLinkNamesAnIdOfTheGuideAndEveryOtherIsAWebAddress() {
        Set<String> anchors = GUIDE.anchors();
        List<String> internal = GUIDE.links().stream().filter(l -> l.startsWith("#")).toList();
        assertTrue(internal.size() >= 5, "the guide links its sections to each other: " + internal);
        List<String> broken = new ArrayList<>();
        for (String link : internal) {
            if (!anchors.contains(link.substring(1))) {
                broken.add(link);
            }
        }
        assertEquals(List.of(), broken, "links to ids the guide does not have");
        assertTrue(GUIDE.links().stream().filter(l -> !l.startsWith("#")).allMatch(l -> l.startsWith("https://")),
                "external links are web addresses: " + GUIDE.links());
    }

    @Test
    void theGuideNamesEveryCommandModeAndTheRealPort() {
        List<String> commands = new ArrayList<>();
        for (Class<?> c : EchoLabCommand.class.getAnnotation(Command.class).subcommands()) {
            commands.add(c.getAnnotation(Command.class).name());
        }
        commands.add(OpenCommand.class.getAnnotation(Command.class).name());
        commands.add(FrameTimeBenchmark.class.getAnnotation(Command.class).name());
        for (String command : commands) {
            assertTrue(GUIDE.anchors().contains("cli-" + command), "the command line section covers " + command);
        }
        String text = GUIDE.plainText();
        for (Mode mode : Mode.values()) {
            assertTrue(text.contains(mode.title()), "the models section names " + mode.title());
        }
        assertTrue(text.contains("port " + ServerOptions.DEFAULT_PORT), "the guide gives the real default port");
    }

    @Test
    void aGuideIsReadIntoHeadingsStyledRunsListsPreformattedTextAndTables() {
        GuideDocument doc = GuideDocument.read("""
                <!-- a comment is not shown -->
                # T

                <a id="one"></a>
                ## One   `two`

                Press  <kbd>Ctrl</kbd>+<kbd>F</kbd>,
                   then **type *a*** word; see [one](#one) or [the site](https://example.org/).\s

                ![a picture only the web shows](window-pool.png)

                1. first `a  b`
                2.  second\s

                ```sh
                  two spaces
                line & more
                ```

                | key | does |
                |---|---|
                | <kbd>N</kbd> | adds \\| [the commands](commands.md#serve) |
                """, "t.md");
        assertEquals("T", doc.title());
        assertEquals(new Heading(1, "T", ""), doc.blocks().get(0));
        assertEquals(new Heading(2, "One two", "one"), doc.blocks().get(1));
        assertEquals(List.of(new Heading(2, "One two", "one")), doc.contents());

        List<Run> p = ((Paragraph) doc.blocks().get(2)).runs();
        assertEquals("Press Ctrl+F, then type a word; see one or the site.", GuideDocument.plain(p));
        assertEquals(new Run("Ctrl", Kind.KBD, false, false, null), p.get(1));
        assertEquals(new Run("type ", Kind.TEXT, true, false, null), p.get(5));
        assertEquals(new Run("a", Kind.TEXT, true, true, null), p.get(6));
        assertEquals(new Run("one", Kind.TEXT, false, false, "#one"), p.get(8));
        assertEquals(new Run("the site", Kind.TEXT, false, false, "https://example.org/"), p.get(10));
        assertEquals(List.of("#one", "https://example.org/"), doc.links(), "a link to another page of docs/ is text here");

        ItemList list = (ItemList) doc.blocks().get(3);
        assertTrue(list.ordered());
        assertEquals(List.of("first a b", "second"), list.items().stream().map(GuideDocument::plain).toList());
        assertEquals(Kind.CODE, list.items().get(0).get(1).kind());

        assertEquals("  two spaces\nline & more", ((Preformatted) doc.blocks().get(4)).text());

        Table table = (Table) doc.blocks().get(5);
        assertEquals(2, table.rows().size());
        assertTrue(table.rows().get(0).get(0).header());
        assertFalse(table.rows().get(1).get(0).header());
        assertEquals("N", table.rows().get(1).get(0).text());
        assertEquals(Kind.KBD, table.rows().get(1).get(0).runs().get(0).kind());
        assertEquals("adds | the commands", table.rows().get(1).get(1).text(), "an escaped bar stays in its cell");
        assertEquals(6, doc.blocks().size(), "the comment and the picture are not shown: " + doc.blocks());
    }

    @Test
    void aMalformedGuideIsRefusedInOneLineNamingItsLine() {
        BrokenGuide unclosed = broken("""
                <a id="a"></a>
                ## A

                fine

                ```
                never closed
                """);
        assertEquals("guide.md:6: a code block opened here with ``` is never closed", unclosed.getMessage());
        assertOneLine(unclosed);

        BrokenGuide doctype = broken("<!-- fine -->\n<!DOCTYPE html>\n# Guide");
        assertEquals("guide.md:2: <DOCTYPE> is not part of the guide's Markdown: it may use <a id> above a heading,"
                + " <kbd> in text and <!-- comments -->", doctype.getMessage());

        BrokenGuide entity = broken("# Guide\na&nbsp;b");
        assertTrue(entity.getMessage().startsWith("guide.md:2: ") && entity.getMessage().contains("nbsp"), entity.getMessage());
        BrokenGuide open = broken("# Guide\n\nsome\n**strong\ntext");
        assertEquals("guide.md:4: a ** is never closed (write \\* for a star)", open.getMessage());
        assertOneLine(open);
    }

    @Test
    void aGuideOutsideItsSubsetIsRefusedNamingTheLineAndWhatIsWrong() {
        assertEquals("guide.md:3: <div> is not part of the guide's Markdown: it may use <a id> above a heading,"
                        + " <kbd> in text and <!-- comments -->",
                broken("# Guide\na\n<div>b</div>\n").getMessage());
        assertEquals("guide.md:2: a heading of level 2 needs an id: put <a id=\"…\"></a> on the line above it",
                broken("# Guide\n## No id\n").getMessage());
        assertEquals("guide.md:4: the id 'a' is given twice",
                broken("<a id=\"a\"></a>\n## A\n<a id=\"a\"></a>\n### B\n").getMessage());
        assertEquals("guide.md:2: <span> cannot be in text: text may use **, *, `code`, <kbd> and links",
                broken("# Guide\nsome <span>x</span>\n").getMessage());
        assertEquals("guide.md:4: <span> cannot be in text: text may use **, *, `code`, <kbd> and links",
                broken("# Guide\n\na paragraph of\nthree <span>lines</span>\nnamed by its own line\n").getMessage());
        assertEquals("guide.md:4: <a id=\"loose\"></a> stands above a heading, and none follows it",
                broken("# Guide\na\n\n<a id=\"loose\"></a>\nloose words\n").getMessage());
        assertEquals("guide.md:1: a link needs a target of #id, a web address (http, https or mailto) or another page"
                        + " of docs/, not 'file:/etc/passwd'",
                broken("[x](file:/etc/passwd)").getMessage());
        assertEquals("guide.md:3: a heading of level 4: the guide uses levels 1 to 3",
                broken("# Guide\n\n#### Deep\n").getMessage());
        assertEquals("guide.md:2: a ** is never closed (write \\* for a star)",
                broken("# Guide\nsome **strong\n").getMessage());
    }

    private static BrokenGuide broken(String markdown) {
        return assertThrows(BrokenGuide.class, () -> GuideDocument.read(markdown, "guide.md"));
    }

    private static void assertOneLine(BrokenGuide e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
