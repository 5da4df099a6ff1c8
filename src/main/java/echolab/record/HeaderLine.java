package echolab.record;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The header as the first line of a file, {@code {"type":"recording","format":1,...}}, and back. Threading: any. */
final class HeaderLine {

    /** Reads headers of the same format with fields it does not know, written by a later EchoLab of format 1. */
    private static final class Reader { // a class of its own: writing a header loads no Jackson
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private HeaderLine() {
    }

    /**
     * The header as one line, newline included, its fields in the record's order. Written by hand, as
     * {@link EventJson} writes events: the window's ring writes a header as the window opens, and
     * Jackson's first {@code valueToTree} cost start-up a fifth of a second of class loading.
     */
    static byte[] encode(RecordingHeader header) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"type\":");
        JsonText.string(RecordingHeader.TYPE, out);
        out.append(",\"format\":").append(header.format());
        field("echolabVersion", header.echolabVersion(), out);
        field("os", header.os(), out);
        field("java", header.java(), out);
        field("host", header.host(), out);
        field("subject", header.subject(), out);
        field("mode", header.mode(), out);
        field("settings", header.settings(), out);
        out.append(",\"startNanos\":").append(header.startNanos());
        out.append(",\"startEpochMillis\":").append(header.startEpochMillis());
        out.append("}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(String name, Object value, StringBuilder out) {
        out.append(",\"").append(name).append("\":");
        JsonText.value(value, out);
    }

    /**
     * The header a first line holds.
     *
     * @throws RecordingException (one line) when it is no recording header, or one of a newer format
     */
    static RecordingHeader decode(String line) throws RecordingException {
        JsonNode node;
        try {
            node = Reader.MAPPER.readTree(line);
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
            return Reader.MAPPER.treeToValue(node, RecordingHeader.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecordingException("not an EchoLab recording: its header cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
