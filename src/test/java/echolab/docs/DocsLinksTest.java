package echolab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The front door stays short and every page it leads to is there: each relative link of README.md
 * and docs/*.md (pictures included) names a file that exists, and each {@code #anchor} a heading or
 * an {@code <a id>} of that page, as GitHub makes them. Links in code and comments are not links.
 */
@Timeout(10)
class DocsLinksTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");

    @Test
    void theReadmeIsAFrontDoorOfAtMostTwoHundredLines() throws IOException {
        List<String> lines = Files.readAllLines(README);
        assertTrue(lines.size() <= 200, "README.md has " + lines.size() + " lines; the manual belongs in docs/");
        String text = String.join("\n", lines);
        assertTrue(text.contains("./mvnw javafx:run") && text.contains("./mvnw verify"), "the README gives the two commands");
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAFileAndItsAnchor() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 8, "the docs: " + pages);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(prose(Files.readString(page)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path to = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(to)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && to.toString().endsWith(".md") && !anchors(to).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no such anchor in " + to.getFileName() + ")");
                }
            }
        }
        assertTrue(checked > 50, "the pages link to each other: " + checked + " links");
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertEquals("check-your-own-server-checked-against-the-lab", slug("`check`: your own server, checked against the lab"));
        assertEquals("against-c-and-netty-benchanchorssh", slug("Against C and Netty: `bench/anchors.sh`"));
        assertEquals("lessons-the-built-in-ones-and-the-lesson-file-format", slug("Lessons: the built-in ones, and the lesson-file format"));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page without its code blocks, code spans and comments, where brackets are not links. */
    private static String prose(String markdown) {
        String s = markdown.replaceAll("(?s)<!--.*?-->", "");
        s = s.replaceAll("(?ms)^```.*?^```", "");
        return s.replaceAll("`[^`\n]*`", "");
    }

    private static Set<String> anchors(Path page) throws IOException {
        String text = Files.readString(page).replaceAll("(?ms)^```.*?^```", "");
        Set<String> anchors = new LinkedHashSet<>();
        Matcher a = ANCHOR.matcher(text);
        while (a.find()) {
            anchors.add(a.group(1));
        }
        Map<String, Integer> seen = new HashMap<>();
        Matcher h = HEADING.matcher(text);
        while (h.find()) {
            String slug = slug(h.group(1));
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped but - and _, spaces to dashes. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
