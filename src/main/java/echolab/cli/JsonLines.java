package echolab.cli;

import java.io.PrintStream;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import echolab.events.Event;

/**
 * Writes events and figures as JSON, one object per line, each with a {@code type} field.
 *
 * <p>Threading: {@link #print} may be called from several threads; each line is written whole.
 */
public final class JsonLines {

    /** Puts the type name into every event, without annotating the events themselves. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedEvent {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter eventWriter;
    private final PrintStream out;

    public JsonLines(PrintStream out) {
        this.out = out;
        mapper.addMixIn(Event.class, TypedEvent.class);
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(type, Event.typeName(type.asSubclass(Event.class))));
        }
        eventWriter = mapper.writerFor(Event.class);
    }

    /** One event as a JSON object. */
    public String event(Event e) {
        try {
            return eventWriter.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("an event that cannot be written as JSON: " + e, ex);
        }
    }

    /** Records or maps as one JSON object whose first field is {@code "type": type}; later parts add fields. */
    public String object(String type, Object... parts) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type);
        for (Object part : parts) {
            node.setAll((ObjectNode) mapper.valueToTree(part));
        }
        return node.toString();
    }

    public synchronized void print(String line) {
        out.println(line);
    }

    public synchronized void flush() {
        out.flush();
    }

    /** Parses a line this class wrote (for tests and tools that read the stream back). */
    public Map<String, Object> parse(String line) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = mapper.readValue(line, Map.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON line: " + line, e);
        }
    }
}
