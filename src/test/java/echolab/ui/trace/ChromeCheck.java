package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every Chrome JSON trace must be, read back with Jackson: an array of events, each with a
 * phase, a pid and a time that is not negative; B/E balanced per pid and tid; every slice, mark and
 * counter named; every thread a slice is on named by an M event; every flow's s and f present.
 */
final class ChromeCheck {

    final Set<String> sliceNames = new LinkedHashSet<>();
    final Set<String> instants = new LinkedHashSet<>();
    final Set<String> counters = new LinkedHashSet<>();
    final Map<String, String> threadNames = new HashMap<>();
    final Set<Long> processes = new HashSet<>();
    int flows;

    ChromeCheck(byte[] file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file);
        assertTrue(root.isArray(), "a JSON array of events");
        Map<String, Integer> depth = new HashMap<>();
        Map<Long, Integer> starts = new HashMap<>();
        Map<Long, Integer> ends = new HashMap<>();
        for (JsonNode e : root) {
            String ph = e.path("ph").asText();
            assertTrue(e.has("pid") && e.has("ts"), "every event has its pid and time: " + e);
            assertTrue(e.get("ts").asDouble() >= 0, "times are not negative: " + e);
            String thread = e.get("pid").asLong() + "/" + e.path("tid").asLong();
            switch (ph) {
                case "M" -> {
                    if (e.get("name").asText().equals("thread_name")) {
                        threadNames.put(thread, e.path("args").path("name").asText());
                    } else {
                        assertEquals("process_name", e.get("name").asText());
                        processes.add(e.get("pid").asLong());
                    }
                    assertTrue(!e.path("args").path("name").asText().isEmpty(), "a metadata name: " + e);
                }
                case "B" -> {
                    assertTrue(threadNames.containsKey(thread), "a slice's thread is named first: " + e);
                    sliceNames.add(named(e));
                    depth.merge(thread, 1, Integer::sum);
                }
                case "E" -> assertTrue(depth.merge(thread, -1, Integer::sum) >= 0, "an E without a B: " + e);
                case "i" -> instants.add(named(e));
                case "C" -> {
                    counters.add(named(e));
                    assertTrue(e.path("args").path("value").isNumber(), "a counter's value: " + e);
                }
                case "s" -> starts.merge(e.get("id").asLong(), 1, Integer::sum);
                case "f" -> {
                    assertEquals("e", e.path("bp").asText(), "a flow arrives at its enclosing slice");
                    ends.merge(e.get("id").asLong(), 1, Integer::sum);
                }
                default -> throw new AssertionError("unexpected phase " + ph + ": " + e);
            }
        }
        depth.forEach((thread, d) -> assertEquals(0, d, "B and E balance on " + thread));
        assertEquals(starts.keySet(), ends.keySet(), "every flow has both ends");
        starts.forEach((f, n) -> assertEquals(1, n, "flow " + f + " leaves once"));
        ends.forEach((f, n) -> assertEquals(1, n, "flow " + f + " arrives once"));
        flows = starts.size();
    }

    private static String named(JsonNode e) {
        String name = e.path("name").asText();
        assertTrue(!name.isEmpty(), "named: " + e);
        return name;
    }
}
