package echolab.observe.check.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML, parsed back by a DOM parser as a CI's test reporter would: its attributes, cases and text. */
@Timeout(10)
class JUnitReportTest {

    private static Element parse(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    @Test
    void aSuiteWithACasePerCheckAFailureWithItsEvidenceAndASkipWithItsReason() throws Exception {
        Element suite = parse(JUnitReport.of(Reports.mixed(), 4.25));
        assertEquals("testsuite", suite.getTagName());
        assertEquals("echolab check ./server <&> 4242", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals(4.25, Double.parseDouble(suite.getAttribute("time")), 1e-9);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals("echolab.check", c.getAttribute("classname"));
            assertTrue(c.hasAttribute("time"));
        }
        Element echo = (Element) cases.item(0);
        assertEquals("echo", echo.getAttribute("name"));
        assertEquals(null, child(echo, "failure"));
        assertEquals(null, child(echo, "skipped"));

        Element reaping = (Element) cases.item(1);
        assertEquals("reaping", reaping.getAttribute("name"));
        Element failure = child(reaping, "failure");
        assertEquals("8 zombies: reap your children (SIGCHLD & waitpid).", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("zombies at most: 8\n"), failure.getTextContent());

        Element threads = (Element) cases.item(2);
        assertEquals("Each client has a process: threads are not this server's design.",
                child(threads, "skipped").getAttribute("message"));

        boolean model = false;
        NodeList props = suite.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            model |= p.getAttribute("name").equals("model") && p.getAttribute("value").equals("process per client");
        }
        assertTrue(model, "the model is a property of the suite");
    }

    @Test
    void markupQuotesAndOtherScriptsAreEscapedAndControlCharactersReplacedSoTheXmlStaysWellFormed() throws Exception {
        String xml = JUnitReport.of(Reports.mixed(), 1);
        assertTrue(xml.contains("&lt;&amp;&gt;") || xml.contains("&lt;&amp;>"), "escaped, not concatenated: " + xml);
        Element failure = child((Element) parse(xml).getElementsByTagName("testcase").item(1), "failure");
        // what XML cannot hold at all (ESC, NUL) becomes U+FFFD; everything else comes back as it was
        assertTrue(failure.getTextContent().endsWith("a <b> & \"c\" 'd' — naïve 日本 \uFFFD[31mred\uFFFD"),
                failure.getTextContent());
    }

    @Test
    void aServerThatCouldNotBeCheckedIsOneFailedCaseNamedStart() throws Exception {
        CouldNotCheck c = new CouldNotCheck("./server \"x\"", CouldNotCheck.START,
                "no such program: ./server (looked in /home/élève)", "");
        Element suite = parse(JUnitReport.of(c, 0.01));
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element start = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("start", start.getAttribute("name"));
        assertEquals("no such program: ./server (looked in /home/élève)", child(start, "failure").getAttribute("message"));
        assertEquals("echolab check ./server \"x\"", suite.getAttribute("name"));
    }
}
