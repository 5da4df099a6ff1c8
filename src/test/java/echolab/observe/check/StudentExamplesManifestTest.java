package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import echolab.clients.Framing;
import echolab.testing.StudentExamples;
import echolab.testing.StudentExamples.Row;

/**
 * The manifest of {@code examples/students} says what the tests and the benchmark rely on: a folder
 * per row and a row per folder, a runnable command with {@code {port}}, a known framing, a counter
 * pattern with one group, only real check ids in {@code fails}, and a README row for each server.
 * Needs no toolchain: it runs in every build, while the checks themselves are tagged.
 */
@Timeout(30)
class StudentExamplesManifestTest {

    private static final Set<String> CHECK_IDS = Set.of("echo", "burst", "concurrency", "processes", "reaping",
            "descriptors", "threads", "busy-wait", "counter");

    @Test
    void everyFolderHasARowAndEveryRowAFolderWithItsSources() throws Exception {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> list = Files.list(StudentExamples.sources())) {
            list.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
        }
        Set<String> names = new TreeSet<>();
        for (Row row : StudentExamples.rows()) {
            names.add(row.name());
            try (Stream<Path> files = Files.list(row.folder())) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("(?i)server\\.(c|py|java|js|go|rs)")),
                        row.name() + " has no server source");
            }
        }
        assertEquals(folders, names);
    }

    @Test
    void everyRowCanBeRunAndJudged() {
        List<Row> rows = StudentExamples.rows();
        assertTrue(rows.size() >= 20, "rows: " + rows.size());
        for (Row row : rows) {
            String where = row.name() + ": ";
            assertTrue(row.run().contains("{port}"), where + "the run command must say where the port goes");
            assertTrue(!row.needs().isEmpty(), where + "says what it needs");
            Framing.parse(row.framing());
            if (!row.counter().isEmpty()) {
                assertEquals(1, Pattern.compile(row.counter()).matcher("").groupCount(), where + row.counter());
                assertTrue(Pattern.compile(row.counter()).matcher("echoed 42 bytes").find(), where + row.counter());
            }
            assertTrue(CHECK_IDS.containsAll(row.fails()), where + "unknown check in " + row.fails());
            assertTrue(!row.model().isBlank(), where + "names no model");
        }
    }

    @Test
    void correctAndFaultyServersAreInEveryLanguageTheIssueNames() {
        Set<String> correct = new TreeSet<>();
        Set<String> faulty = new TreeSet<>();
        for (Row row : StudentExamples.rows()) {
            (row.correct() ? correct : faulty).add(row.language());
        }
        assertTrue(correct.containsAll(Set.of("C", "Python", "Java", "JavaScript", "Go", "Rust")), correct.toString());
        assertTrue(faulty.size() >= 3, faulty.toString());
    }

    @Test
    void theReadmeHasARowForEveryServer() throws Exception {
        String readme = Files.readString(StudentExamples.sources().resolve("README.md"));
        for (Row row : StudentExamples.rows()) {
            assertTrue(readme.contains("| `" + row.name() + "` |"), row.name() + " is missing from the README's table");
        }
    }
}
