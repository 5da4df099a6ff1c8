package echolab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.cli.JsonLines;
import echolab.events.Event;

/** Every event type goes to one JSON line and comes back equal, in the same shape {@code serve --events} prints. */
@Timeout(30)
class EventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What {@code serve --events} prints with. */
    private static final JsonLines SERVE = new JsonLines(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void everyEventTypeComesBackEqualFromItsLine() {
        List<Class<?>> types = List.of(Event.class.getPermittedSubclasses());
        assertTrue(types.size() > 50, "every permitted subclass: " + types.size());
        for (Class<?> type : types) {
            for (int variant = 0; variant < 2; variant++) {
                Event event = instance(type, variant);
                String line = EventJson.encode(event);
                assertTrue(line.startsWith("{\"type\":\"" + Event.typeName(event.getClass()) + "\""), line);
                assertTrue(!line.contains("\n"), "one line: " + line);
                assertEquals(event, EventJson.decode(line), type.getSimpleName() + " from " + line);
                assertEquals(event, EventJson.decodeFast(line), type.getSimpleName() + " streamed from " + line);
            }
        }
    }

    @Test
    void aLineIsTheJsonThatServeEventsPrints() throws Exception {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            Event event = instance(type, 1);
            JsonNode ours = MAPPER.readTree(EventJson.encode(event));
            JsonNode served = MAPPER.readTree(SERVE.event(event));
            assertEquals(served, ours, type.getSimpleName());
        }
    }

    @Test
    void awkwardTextAndNumbersSurvive() {
        Event e = new Event.ObservedOutput(1, -5, Long.MAX_VALUE, "std\"out\\", "tab\there\nnew\u0001line é 漢 \u2028 😀");
        assertEquals(e, EventJson.decode(EventJson.encode(e)));
        Event f = new Event.ServerFigures(2, 3, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, Map.of(), -1, -1,
                Double.POSITIVE_INFINITY);
        assertEquals(f, EventJson.decode(EventJson.encode(f)));
        Event n = new Event.ErrorEvent(3, 4, 0, null, "no worker");
        assertEquals(n, EventJson.decode(EventJson.encode(n)));
        for (Event each : java.util.List.of(e, f, n)) {
            assertEquals(each, EventJson.decodeLine(EventJson.encode(each)), "streamed");
        }
        // fields in another order, as a tool may write them: read the slow way, the same event
        Event reordered = EventJson.decodeLine("{\"nanos\":2,\"type\":\"serverStopped\",\"reason\":\"r\",\"seq\":1}");
        assertEquals(new Event.ServerStopped(1, 2, "r"), reordered);
    }

    /**
     * A line exactly as written is read by hand (a recording of a million events is opened that way);
     * anything else, by Jackson: both must read the same line the same way, and reject the same lines.
     */
    @Test
    void aLineAsWrittenAndTheSameLineWrittenOtherwiseAreTheSameEvent() {
        Event stopped = new Event.ServerStopped(1, -2, "r");
        for (String line : List.of("{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":-2,\"reason\":\"r\"}",
                "{\"type\":\"serverStopped\", \"seq\":1, \"nanos\":-2, \"reason\":\"r\"}",
                "{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":-2,\"reason\":\"\\u0072\"}",
                "{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":-2,\"reason\":\"r\"} ")) {
            assertEquals(stopped, EventJson.decodeLine(line), line);
        }
        assertEquals(new Event.ServerStopped(123_456_789_012_345_678L, 0, null),
                EventJson.decodeLine("{\"type\":\"serverStopped\",\"seq\":123456789012345678,\"nanos\":0,\"reason\":null}"));
        assertEquals(new Event.ServerStopped(Long.MAX_VALUE, Long.MIN_VALUE, "r\"x"), EventJson.decodeLine(
                "{\"type\":\"serverStopped\",\"seq\":9223372036854775807,\"nanos\":-9223372036854775808,\"reason\":\"r\\\"x\"}"));
        for (String bad : List.of("{\"type\":\"serverStopped\",\"seq\":01,\"nanos\":2,\"reason\":\"r\"}",
                "{\"type\":\"serverStopped\",\"seq\":1.5,\"nanos\":2,\"reason\":\"r\"}",
                "{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":2,\"reason\":\"r\"",
                "{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":2}")) {
            assertThrows(IllegalArgumentException.class, () -> EventJson.decodeLine(bad), bad);
        }
    }

    @Test
    void aLineThatIsNoEventSaysWhyInOneLine() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> EventJson.decode("{\"type\":\"teleported\"}"))
                .getMessage();
        assertEquals("no event type named 'teleported'", unknown);
        String missing = assertThrows(IllegalArgumentException.class,
                () -> EventJson.decode("{\"type\":\"serverStopped\",\"seq\":1,\"nanos\":2}")).getMessage();
        assertEquals("serverStopped without its field 'reason'", missing);
        String wrong = assertThrows(IllegalArgumentException.class,
                () -> EventJson.decode("{\"type\":\"serverStopped\",\"seq\":\"x\",\"nanos\":2,\"reason\":\"r\"}")).getMessage();
        assertTrue(wrong.startsWith("serverStopped's field 'seq' is not a long"), wrong);
        assertThrows(IllegalArgumentException.class, () -> EventJson.decode("{\"type\":\"serverStopped\""));
    }

    /** One instance of a record type, its values made from its components' types (variant 1 differs from 0). */
    static Event instance(Class<?> type, int variant) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
            args[i] = value(components[i].getGenericType(), i + 7 * variant, components[i].getName());
        }
        try {
            return (Event) type.getDeclaredConstructor(parameters).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type + ": no instance from " + List.of(args), e);
        }
    }

    private static Object value(Type type, int n, String name) {
        if (type == long.class || type == Long.class) {
            return n % 2 == 0 ? 1_000_000_000_123L * (n + 1) : -(long) n;
        } else if (type == int.class) {
            return n * 3 + 1;
        } else if (type == double.class || type == Double.class) {
            return n + 0.25;
        } else if (type == boolean.class) {
            return n % 2 == 1;
        } else if (type == String.class) {
            return name + " \"" + n + "\"\\ é";
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                list.add(value(p.getActualTypeArguments()[0], n + i, name));
            }
            return list;
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                map.put(value(p.getActualTypeArguments()[0], n + i, "key"), value(p.getActualTypeArguments()[1], n + i, name));
            }
            return map;
        } else if (type == Event.WaitFor.class) {
            return new Event.WaitFor("w" + n, "lock-" + n, "lock-" + (n + 1));
        }
        throw new AssertionError("no test value for a component of type " + type
                + ": add one, so that the new event type's codec is tested");
    }
}
