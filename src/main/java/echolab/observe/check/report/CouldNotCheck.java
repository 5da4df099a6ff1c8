package echolab.observe.check.report;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A server that could not be checked at all, in the words a grader's report needs: which command,
 * which stage stopped it ({@code start} when it was not found, never listened or died; {@code time
 * limit} when it ran out of time), the one-line reason, and the program's last output.
 *
 * @param command the command line as a person would type it
 * @param stage   the name of the one failed test a grader's report shows
 * @param reason  one line, e.g. "no such program: ./server (looked in /home/alice)"
 * @param output  the program's last lines of output, each ending in a new line, or empty
 */
public record CouldNotCheck(String command, String stage, String reason, String output) {

    public static final String START = "start";
    public static final String TIME_LIMIT = "time limit";

    public CouldNotCheck {
        output = output == null ? "" : output;
    }

    /** The reason, then the program's last output if it printed any. */
    public String details() {
        return output.isBlank() ? reason : reason + "\n" + output.stripTrailing();
    }

    /** For {@code --format json}: {@code {"command", "checked": false, "stage", "reason", "output"}}. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("checked", false);
        json.put("stage", stage);
        json.put("reason", reason);
        json.put("output", output);
        try {
            return new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For {@code --format text}. */
    public String toText() {
        return "could not check " + command + ": " + details() + "\n";
    }
}
