package echolab.record;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Writes the values events hold as JSON text: numbers, booleans, strings, lists, maps and nested records
 * (the deadlock's {@code WaitFor}). Non-finite doubles are written as Jackson writes them by default, as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, which Jackson reads back as doubles.
 * Threading: stateless.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.append(d);
            } else {
                string(Double.toString(d), out);
            }
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                value(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Record r) {
            record(r, out);
        } else {
            string(value.toString(), out);
        }
    }

    private static void record(Record r, StringBuilder out) {
        out.append('{');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(components[i].getName(), out);
            out.append(':');
            try {
                value(components[i].getAccessor().invoke(r), out);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + components[i], e);
            }
        }
        out.append('}');
    }

    private static boolean plain(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        if (plain(s, n)) { // most names and ids: copied whole, not a character at a time
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters must be escaped; U+2028/2029 too, for tools that read JSON as JavaScript
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
