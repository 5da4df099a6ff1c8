package echolab.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.events.Event;

/**
 * Every {@link Event} as one JSON object on one line, {@code "type"} first, then the record's components
 * in their declared order; and back.
 *
 * <p>Encoding is hand-written over the records' accessors, found once: it runs for every event of a
 * recording, on the writer's thread, and a general-purpose mapper spends most of its time on what a
 * record of numbers and short strings does not need. Decoding goes through Jackson, which parses what
 * people (or {@code jq}) may have edited, too. A new event type needs nothing here: the codec is built
 * from {@link Event#getClass()}'s permitted subclasses.
 *
 * <p>Threading: any thread; the codec is immutable once built.
 */
public final class EventJson {

    /** Stands for a JSON null string while a streamed event's fields are gathered. */
    private static final Object NULL = new Object();
    /** Each event type's codec, built the first time an event of it is written or read. */
    private static final ClassValue<Codec> CODECS = new ClassValue<>() {
        @Override
        protected Codec computeValue(Class<?> type) {
            return new Codec(type.asSubclass(Event.class));
        }
    };
    private static final Map<String, Class<?>> BY_NAME = new HashMap<>();

    static {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            BY_NAME.put(Event.typeName(type.asSubclass(Event.class)), type);
        }
    }

    /**
     * Jackson, for reading only, in a class of its own: a window that only records loads none of it (its
     * first use cost the window's opening a fifth of a second of class loading).
     */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private EventJson() {
    }

    /** One event as one line of JSON, without the newline. */
    public static String encode(Event event) {
        StringBuilder out = new StringBuilder(160);
        encode(event, out);
        return out.toString();
    }

    /** Appends one event as JSON to {@code out} (no newline): the writer reuses one builder. */
    public static void encode(Event event, StringBuilder out) {
        CODECS.get(event.getClass()).encode(event, out);
    }

    /**
     * {@code event} as if it had been stamped {@code seq} at {@code nanos}: a recorded event published
     * again, on this run's clock (a lesson's shipped run, shown in the window as it happened).
     */
    public static Event restamped(Event event, long seq, long nanos) {
        return CODECS.get(event.getClass()).restamped(event, seq, nanos);
    }

    /**
     * The event one line holds.
     *
     * @throws IllegalArgumentException when the line is not JSON, names no event type this EchoLab knows,
     *                                  or lacks a field of it
     */
    public static Event decode(String line) {
        JsonNode node;
        try {
            node = Reading.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        return decode(node);
    }

    /**
     * The event of a line as this class writes it ({@code "type"} first, every field once), read with a
     * streaming parser, without a tree per line: a recording may hold millions. Anything else (a line
     * edited by hand, a bad one) is read by {@link #decode(String)}, which also says what is wrong.
     */
    public static Event decodeLine(String line) {
        Event e = decodeFast(line);
        return e != null ? e : decode(line);
    }

    /**
     * The event of a line as this class writes it: read by hand when it is exactly as written (nearly
     * every line of a recording), else streamed through Jackson; null for anything else (read it the
     * slow way).
     */
    static Event decodeFast(String line) {
        Event written = asWritten(line);
        if (written != null) {
            return written;
        }
        try (JsonParser p = Reading.MAPPER.getFactory().createParser(line)) {
            Event e = fast(p);
            return e != null && p.nextToken() == null ? e : null;
        } catch (java.io.IOException | RuntimeException notAsWritten) {
            return null; // the slow way says what is wrong
        }
    }

    /**
     * A line exactly as {@link #encode} writes it, {@code {"type":"name","seq":1,...}}, every field in
     * the record's order, no spaces, each value a number, a boolean, null or a string without escapes.
     * Read by hand, it takes a fraction of what Jackson's parser does per line: opening a recording of
     * a million events to replay or export it is mostly this. Null for anything else, to be read by
     * Jackson (a double, a map, an escape, another order, a number beyond 18 digits).
     */
    private static Event asWritten(String line) {
        if (!line.startsWith(TYPE_KEY)) {
            return null;
        }
        int end = line.indexOf('"', TYPE_KEY.length());
        Codec codec = end < 0 ? null : byName(line.substring(TYPE_KEY.length(), end));
        return codec == null ? null : codec.readWritten(line, end + 1);
    }

    private static final String TYPE_KEY = "{\"type\":\"";

    private static Event fast(JsonParser p) throws java.io.IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !"type".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        Codec codec = byName(p.getText());
        return codec == null ? null : codec.read(p);
    }

    /** The event a parsed line holds; see {@link #decode(String)}. */
    public static Event decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = node.path("type").asText("");
        Codec codec = byName(type);
        if (codec == null) {
            throw new IllegalArgumentException("no event type named '" + type + "'");
        }
        return codec.decode(node);
    }

    /** Whether {@code type} names an event type (rather than a header, a gap, or nothing known). */
    public static boolean isEventType(String type) {
        return BY_NAME.containsKey(type);
    }

    static ObjectMapper mapper() {
        return Reading.MAPPER;
    }

    private static Codec byName(String type) {
        Class<?> c = BY_NAME.get(type);
        return c == null ? null : CODECS.get(c);
    }

    /** One record type's accessors and canonical constructor. */
    private static final class Codec {
        final String name;
        final String prefix;
        final String[] keys;
        final MethodHandle[] getters;
        /** Per component: 'J' long, 'I' int, 'Z' boolean, 'S' String, 'O' anything else (boxed). */
        final char[] kinds;
        final java.lang.reflect.Type[] generic;
        /** The components' types as Jackson reads them, made the first time this type is read. */
        private volatile JavaType[] types;
        final Constructor<?> constructor;
        final Map<String, Integer> index = new HashMap<>();

        Codec(Class<? extends Event> type) {
            name = Event.typeName(type);
            prefix = "{\"type\":\"" + name + "\"";
            RecordComponent[] components = type.getRecordComponents();
            keys = new String[components.length];
            getters = new MethodHandle[components.length];
            kinds = new char[components.length];
            generic = new java.lang.reflect.Type[components.length];
            Class<?>[] parameters = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    keys[i] = ",\"" + components[i].getName() + "\":";
                    index.put(components[i].getName(), i);
                    // typed handles, called with invokeExact: no boxing of the numbers on the writer's hot path
                    Class<?> c = components[i].getType();
                    kinds[i] = c == long.class ? 'J' : c == int.class ? 'I' : c == boolean.class ? 'Z'
                            : c == String.class ? 'S' : 'O';
                    Class<?> as = switch (kinds[i]) {
                        case 'J' -> long.class;
                        case 'I' -> int.class;
                        case 'Z' -> boolean.class;
                        case 'S' -> String.class;
                        default -> Object.class;
                    };
                    getters[i] = lookup.unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(as, Event.class));
                    generic[i] = components[i].getGenericType();
                    parameters[i] = components[i].getType();
                }
                constructor = type.getDeclaredConstructor(parameters);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("event type " + type.getName() + " cannot be encoded", e);
            }
        }

        JavaType type(int i) {
            JavaType[] t = types;
            if (t == null) {
                t = new JavaType[generic.length];
                for (int k = 0; k < t.length; k++) {
                    t[k] = Reading.MAPPER.getTypeFactory().constructType(generic[k]);
                }
                types = t;
            }
            return t[i];
        }

        Event restamped(Event event, long seq, long nanos) {
            Object[] args = new Object[getters.length];
            try {
                for (int i = 0; i < args.length; i++) {
                    args[i] = getters[i].invoke(event);
                }
                args[index.get("seq")] = seq;
                args[index.get("nanos")] = nanos;
                return (Event) constructor.newInstance(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("restamping " + name, e);
            }
        }

        void encode(Event event, StringBuilder out) {
            out.append(prefix);
            for (int i = 0; i < keys.length; i++) {
                out.append(keys[i]);
                try {
                    switch (kinds[i]) {
                        case 'J' -> out.append((long) getters[i].invokeExact(event));
                        case 'I' -> out.append((int) getters[i].invokeExact(event));
                        case 'Z' -> out.append((boolean) getters[i].invokeExact(event));
                        case 'S' -> {
                            String text = (String) getters[i].invokeExact(event);
                            if (text == null) {
                                out.append("null");
                            } else {
                                JsonText.string(text, out);
                            }
                        }
                        default -> JsonText.value((Object) getters[i].invokeExact(event), out);
                    }
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("reading " + name + keys[i], e);
                }
            }
            out.append('}');
        }

        /** The common fields read directly (a reading of a million events goes faster); the rest through Jackson. */
        private static Object value(JsonNode field, JavaType type) throws JsonProcessingException {
            Class<?> raw = type.getRawClass();
            if (raw == long.class && field.canConvertToExactIntegral() && field.canConvertToLong()) {
                return field.longValue();
            }
            if (raw == int.class && field.canConvertToExactIntegral() && field.canConvertToInt()) {
                return field.intValue();
            }
            if (raw == String.class && (field.isTextual() || field.isNull())) {
                return field.textValue();
            }
            if (raw == boolean.class && field.isBoolean()) {
                return field.booleanValue();
            }
            if (raw == long.class || raw == int.class || raw == String.class || raw == boolean.class) {
                throw new IllegalArgumentException("wrong kind of value");
            }
            return Reading.MAPPER.treeToValue(field, type);
        }

        /** The fields of a line as {@link #encode} writes them, from {@code at}; null for anything else (see {@link #asWritten}). */
        Event readWritten(String line, int at) {
            Object[] args = new Object[keys.length];
            int n = line.length();
            for (int i = 0; i < keys.length; i++) {
                if (!line.startsWith(keys[i], at)) {
                    return null;
                }
                at += keys[i].length();
                switch (kinds[i]) {
                    case 'J', 'I' -> {
                        boolean negative = at < n && line.charAt(at) == '-';
                        int digits = negative ? at + 1 : at;
                        int stop = digits;
                        long value = 0;
                        while (stop < n && line.charAt(stop) >= '0' && line.charAt(stop) <= '9') {
                            value = value * 10 + (line.charAt(stop) - '0');
                            stop++;
                        }
                        if (stop == digits || stop - digits > 18 || (stop - digits > 1 && line.charAt(digits) == '0')) {
                            return null; // no number, one that may not fit, or a leading zero: Jackson's
                        }
                        value = negative ? -value : value;
                        if (kinds[i] == 'I') {
                            if (value != (int) value) {
                                return null;
                            }
                            args[i] = (int) value;
                        } else {
                            args[i] = value;
                        }
                        at = stop;
                    }
                    case 'Z' -> {
                        if (line.startsWith("true", at)) {
                            args[i] = Boolean.TRUE;
                            at += 4;
                        } else if (line.startsWith("false", at)) {
                            args[i] = Boolean.FALSE;
                            at += 5;
                        } else {
                            return null;
                        }
                    }
                    case 'S' -> {
                        if (line.startsWith("null", at)) {
                            at += 4; // args[i] stays null
                        } else if (at < n && line.charAt(at) == '"') {
                            int close = at + 1;
                            char c;
                            while (close < n && (c = line.charAt(close)) != '"') {
                                if (c == '\\' || c < 0x20) {
                                    return null; // an escape: Jackson's
                                }
                                close++;
                            }
                            if (close >= n) {
                                return null;
                            }
                            args[i] = line.substring(at + 1, close);
                            at = close + 1;
                        } else {
                            return null;
                        }
                    }
                    default -> {
                        return null; // a double, a list, a map, a record: Jackson's
                    }
                }
            }
            if (at != n - 1 || line.charAt(at) != '}') {
                return null;
            }
            try {
                return (Event) constructor.newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return null;
            }
        }

        /** The fields after {@code "type"}, streamed; null when they are not exactly this record's, each once. */
        Event read(JsonParser p) throws java.io.IOException {
            Object[] args = new Object[keys.length];
            int seen = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                Integer i = index.get(p.currentName());
                if (i == null || args[i] != null) {
                    return null;
                }
                JsonToken v = p.nextToken();
                Object value;
                switch (kinds[i]) {
                    case 'J' -> value = v == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : null;
                    case 'I' -> value = v == JsonToken.VALUE_NUMBER_INT ? (Object) p.getIntValue() : null;
                    case 'Z' -> value = v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    case 'S' -> value = v == JsonToken.VALUE_STRING ? p.getText() : v == JsonToken.VALUE_NULL ? NULL : null;
                    default -> value = Reading.MAPPER.convertValue(p.readValueAsTree(), type(i));
                }
                if (value == null) {
                    return null;
                }
                args[i] = value;
                seen++;
            }
            if (t != JsonToken.END_OBJECT || seen != keys.length) {
                return null;
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i] == NULL) {
                    args[i] = null;
                }
            }
            try {
                return (Event) constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        Event decode(JsonNode node) {
            Object[] args = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                String key = keys[i].substring(2, keys[i].length() - 2);
                JsonNode field = node.get(key);
                if (field == null || (field.isNull() && type(i).isPrimitive())) {
                    throw new IllegalArgumentException(name + " without its field '" + key + "'");
                }
                try {
                    args[i] = value(field, type(i));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + "'s field '" + key + "' is not a "
                            + type(i).getRawClass().getSimpleName() + ": " + field);
                }
            }
            try {
                return (Event) constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(name + " cannot be built from " + node + ": " + e);
            }
        }
    }
}
