package echolab.observe.check.report;

import java.io.StringWriter;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import echolab.observe.check.CheckReport;
import echolab.observe.check.Status;
import echolab.observe.check.Verdict;

/**
 * A check as JUnit XML, the report GitLab, Jenkins and GitHub's test reporters read: one {@code
 * <testsuite>}, one {@code <testcase classname="echolab.check" name="echo">} per check, a failed
 * check with {@code <failure message="its sentence">its evidence</failure>}, a skipped one with
 * {@code <skipped message="why"/>}. A server that could not be checked gives one failed test case,
 * named by its stage ({@code start}).
 *
 * <p>Built as a DOM and written by a {@link Transformer}, so that the student's output, a command
 * line with {@code <} or {@code &}, and any language's letters come out as well-formed XML.
 */
public final class JUnitReport {

    static final String CLASSNAME = "echolab.check";

    private JUnitReport() {
    }

    /** The report of a server that was checked; {@code seconds} is how long it took, start to stop. */
    public static String of(CheckReport report, double seconds) {
        Document doc = newDocument();
        long failures = report.verdicts().stream().filter(v -> v.status() == Status.FAIL).count();
        long skipped = report.verdicts().stream().filter(v -> v.status() == Status.SKIP).count();
        Element suite = suite(doc, report.command(), report.verdicts().size(), failures, skipped, seconds);
        Element properties = doc.createElement("properties");
        suite.appendChild(properties);
        property(doc, properties, "command", report.command());
        property(doc, properties, "framing", report.framing());
        property(doc, properties, "model", report.model().isEmpty() ? "not recognised" : report.model());
        report.observed().forEach((k, v) -> property(doc, properties, k, String.valueOf(v)));
        for (Verdict v : report.verdicts()) {
            Element testcase = testcase(doc, suite, v.id());
            String evidence = String.join("\n", v.evidence());
            switch (v.status()) {
                case FAIL -> {
                    Element failure = doc.createElement("failure");
                    failure.setAttribute("message", clean(v.summary()));
                    failure.setAttribute("type", "fail");
                    failure.setTextContent(clean(evidence));
                    testcase.appendChild(failure);
                }
                case SKIP -> {
                    Element skip = doc.createElement("skipped");
                    skip.setAttribute("message", clean(v.summary()));
                    testcase.appendChild(skip);
                }
                case PASS -> {
                    Element out = doc.createElement("system-out");
                    out.setTextContent(clean(evidence.isEmpty() ? v.summary() : v.summary() + "\n" + evidence));
                    testcase.appendChild(out);
                }
            }
        }
        Element out = doc.createElement("system-out");
        out.setTextContent(clean("model: " + (report.model().isEmpty() ? "not recognised" : report.model())));
        suite.appendChild(out);
        return write(doc);
    }

    /** The report of a server that could not be checked: one failed test case named by its stage. */
    public static String of(CouldNotCheck notChecked, double seconds) {
        Document doc = newDocument();
        Element suite = suite(doc, notChecked.command(), 1, 1, 0, seconds);
        Element testcase = testcase(doc, suite, notChecked.stage());
        Element failure = doc.createElement("failure");
        failure.setAttribute("message", clean(notChecked.reason()));
        failure.setAttribute("type", "could not check");
        failure.setTextContent(clean(notChecked.details()));
        testcase.appendChild(failure);
        return write(doc);
    }

    private static Element suite(Document doc, String command, int tests, long failures, long skipped,
                                 double seconds) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", clean("echolab check " + command));
        suite.setAttribute("tests", Integer.toString(tests));
        suite.setAttribute("failures", Long.toString(failures));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", Long.toString(skipped));
        suite.setAttribute("time", seconds(seconds));
        doc.appendChild(suite);
        return suite;
    }

    /**
     * The checks are judged together from one run of the clients, so no check has a time of its
     * own: each test case says 0 and the suite carries the whole run's time.
     */
    private static Element testcase(Document doc, Element suite, String name) {
        Element testcase = doc.createElement("testcase");
        testcase.setAttribute("classname", CLASSNAME);
        testcase.setAttribute("name", clean(name));
        testcase.setAttribute("time", "0");
        suite.appendChild(testcase);
        return testcase;
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", clean(name));
        p.setAttribute("value", clean(value));
        properties.appendChild(p);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /**
     * XML 1.0 cannot hold most control characters, even escaped, and a student's program prints
     * them (a terminal colour, a stray NUL): each becomes U+FFFD, the rest is kept as it is.
     */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            sb.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return sb.toString();
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w + (w.toString().endsWith("\n") ? "" : "\n");
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
