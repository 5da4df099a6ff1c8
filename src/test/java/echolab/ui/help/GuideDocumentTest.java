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
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body>
                <h1>Guide</h1>
                <h2 id="one">One   <code>two</code></h2>
                <p>Press  <kbd>Ctrl</kbd>+<kbd>F</kbd>,
                   then <b>type <i>a</i></b> word; see <a href="#one">one</a> or <a href="https://example.org/">the site</a>. </p>
                <ol><li>first <code>a  b</code></li><li> second </li></ol>
                <pre>
                  two spaces
                line &amp; more
                </pre>
                <table><tr><th>key</th><th>does</th></tr><tr><td><kbd>N</kbd></td><td>adds</td></tr></table>
                </body></html>
                """, "t.html");
        assertEquals("T", doc.title());
        assertEquals(new Heading(1, "Guide", ""), doc.blocks().get(0));
        assertEquals(new Heading(2, "One two", "one"), doc.blocks().get(1));
        assertEquals(List.of(new Heading(2, "One two", "one")), doc.contents());

        List<Run> p = ((Paragraph) doc.blocks().get(2)).runs();
        assertEquals("Press Ctrl+F, then type a word; see one or the site.", GuideDocument.plain(p));
        assertEquals(new Run("Ctrl", Kind.KBD, false, false, null), p.get(1));
        assertEquals(new Run("type ", Kind.TEXT, true, false, null), p.get(5));
        assertEquals(new Run("a", Kind.TEXT, true, true, null), p.get(6));
        assertEquals(new Run("one", Kind.TEXT, false, false, "#one"), p.get(8));
        assertEquals(new Run("the site", Kind.TEXT, false, false, "https://example.org/"), p.get(10));
        assertEquals(List.of("#one", "https://example.org/"), doc.links());

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
    }

    @Test
    void aMalformedGuideIsRefusedInOneLineNamingItsLine() {
        BrokenGuide unclosed = broken("""
                <html><body>
                <h2 id="a">A</h2>
                <p>fine</p>
                <p>never closed
                </body></html>
                """);
        assertTrue(unclosed.getMessage().startsWith("guide.html:5: not well-formed XHTML: "), unclosed.getMessage());
        assertOneLine(unclosed);

        BrokenGuide doctype = broken("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><body/></html>");
        assertEquals("guide.html:2: not well-formed XHTML: a DOCTYPE is not allowed: write characters as they are,"
                + " not as named entities", doctype.getMessage());

        BrokenGuide entity = broken("<html><body>\n<p>a&nbsp;b</p></body></html>");
        assertTrue(entity.getMessage().startsWith("guide.html:2: ") && entity.getMessage().contains("nbsp"), entity.getMessage());
    }

    @Test
    void aGuideOutsideItsSubsetIsRefusedNamingTheLineAndWhatIsWrong() {
        assertEquals("guide.html:3: <div> is not one of the blocks a guide may use: h1, h2, h3, p, ul, ol, pre, table",
                broken("<html><body>\n<p>a</p>\n<div>b</div>\n</body></html>").getMessage());
        assertEquals("guide.html:2: <h2> needs an id: the contents and the links find it by its id",
                broken("<html><body>\n<h2>No id</h2>\n</body></html>").getMessage());
        assertEquals("guide.html:3: the id 'a' is given twice",
                broken("<html><body>\n<h2 id=\"a\">A</h2>\n<h3 id=\"a\">B</h3>\n</body></html>").getMessage());
        assertEquals("guide.html:2: <span> cannot be inside <p>: text may use b, strong, i, em, code, kbd and a",
                broken("<html><body><p>\nsome <span>x</span></p></body></html>").getMessage());
        assertEquals("guide.html:4: text outside a paragraph: 'loose words'",
                broken("<html><body>\n<p>a</p>\n\n  loose words\n</body></html>").getMessage());
        assertEquals("guide.html:1: <a> needs an href of #id or a web address (http, https or mailto), not 'file:/etc/passwd'",
                broken("<html><body><p><a href=\"file:/etc/passwd\">x</a></p></body></html>").getMessage());
    }

    private static BrokenGuide broken(String xhtml) {
        return assertThrows(BrokenGuide.class, () -> GuideDocument.read(xhtml, "guide.html"));
    }

    private static void assertOneLine(BrokenGuide e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
