package echolab.observe.check.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Gradescope's {@code results.json}, read back as Gradescope would: its fields, points and words. */
@Timeout(10)
class GradescopeReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachCheckIsATestWorthAPointAndASkippedOneIsWorthNoneAndSaysWhy() throws Exception {
        JsonNode json = JSON.readTree(GradescopeReport.of(Reports.mixed(), 4.6));
        assertEquals(2, json.get("score").asInt(), "two checks passed");
        assertEquals(5, json.get("execution_time").asInt());
        assertTrue(json.get("output").asText().contains("model: process per client"), json.get("output").asText());
        assertTrue(json.get("output").asText().contains("1 check failed"), json.get("output").asText());
        JsonNode tests = json.get("tests");
        assertEquals(List.of("echo", "reaping", "threads", "model"), names(tests));
        for (JsonNode t : tests) {
            assertEquals("visible", t.get("visibility").asText());
            assertTrue(t.has("score") && t.has("max_score") && t.has("status") && t.has("output"), t.toString());
        }
        JsonNode echo = tests.get(0);
        assertEquals(1, echo.get("score").asInt());
        assertEquals(1, echo.get("max_score").asInt());
        assertEquals("passed", echo.get("status").asText());
        assertEquals("Every message came back byte for byte.\n  · ASCII: ok\n  · UTF-8: ok", echo.get("output").asText());

        JsonNode reaping = tests.get(1);
        assertEquals(0, reaping.get("score").asInt());
        assertEquals(1, reaping.get("max_score").asInt());
        assertEquals("failed", reaping.get("status").asText());
        assertTrue(reaping.get("output").asText().startsWith("8 zombies: reap your children (SIGCHLD & waitpid)."));

        JsonNode threads = tests.get(2);
        assertEquals(0, threads.get("max_score").asInt());
        assertEquals(0, threads.get("score").asInt());
        assertEquals("passed", threads.get("status").asText(), "a skipped check does not fail the student");
        assertTrue(threads.get("output").asText().startsWith("Skipped, worth no points here: Each client has a process"),
                threads.get("output").asText());
    }

    @Test
    void markupQuotesOtherScriptsAndControlCharactersComeBackExactly() throws Exception {
        JsonNode json = JSON.readTree(GradescopeReport.of(Reports.mixed(), 1));
        assertTrue(json.get("tests").get(1).get("output").asText().endsWith("  · " + Reports.TRICKY));
        assertTrue(json.get("output").asText().startsWith("checked ./server <&> 4242 (framing blank-line)"));
    }

    @Test
    void aServerThatCouldNotBeCheckedStillGivesOneFailedTestNamedStartWithItsReasonAndOutput() throws Exception {
        CouldNotCheck c = new CouldNotCheck("./server", CouldNotCheck.START,
                "./server exited with code 1 before it listened; its last output:", "  ! bind: " + Reports.TRICKY + "\n");
        JsonNode json = JSON.readTree(GradescopeReport.of(c, 0.4));
        assertEquals(0, json.get("score").asInt());
        assertEquals(0, json.get("execution_time").asInt());
        assertEquals(1, json.get("tests").size());
        JsonNode start = json.get("tests").get(0);
        assertEquals("start", start.get("name").asText());
        assertEquals("failed", start.get("status").asText());
        assertEquals(0, start.get("score").asInt());
        assertEquals(1, start.get("max_score").asInt());
        assertEquals("./server exited with code 1 before it listened; its last output:\n  ! bind: " + Reports.TRICKY,
                start.get("output").asText());
        assertTrue(json.get("output").asText().startsWith("could not check ./server: ./server exited with code 1"));
    }

    private static List<String> names(JsonNode tests) {
        List<String> names = new java.util.ArrayList<>();
        tests.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }
}
