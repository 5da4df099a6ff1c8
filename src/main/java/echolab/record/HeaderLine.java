package echolab.record;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The header as the first line of a file, {@code {"type":"recording","format":1,...}}, and back. Threading: any. */
final class HeaderLine {

    /** Reads headers of the same format with fields it does not know, written by a later EchoLab of format 1. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HeaderLine() {
    }

    static byte[] encode(RecordingHeader header) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", RecordingHeader.TYPE);
        ObjectNode fields = MAPPER.valueToTree(header);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            node.set(e.getKey(), e.getValue());
        }
        return (node + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The header a first line holds.
     *
     * @throws RecordingException (one line) when it is no recording header, or one of a newer format
     */
    static RecordingHeader decode(String line) throws RecordingException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !RecordingHeader.TYPE.equals(node.path("type").asText())) {
            throw new RecordingException("not an EchoLab recording: its first line is not a recording header");
        }
        int format = node.path("format").asInt(-1);
        if (format > RecordingHeader.FORMAT) {
            throw new RecordingException("recording format " + format + " is newer than this EchoLab reads ("
                    + RecordingHeader.FORMAT + ")");
        }
        if (format < 1) {
            throw new RecordingException("not an EchoLab recording: its header has no format version");
        }
        try {
            return MAPPER.treeToValue(node, RecordingHeader.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecordingException("not an EchoLab recording: its header cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
