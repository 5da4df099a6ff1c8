package echolab.lessons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A lesson file as a tree that remembers the line of every value, so that a message can say where
 * the file is wrong. Read with Jackson's streaming parser, YAML or JSON (JSON is YAML too, but
 * its own parser gives better messages).
 */
final class SourceTree {

    sealed interface Node {
        int line();
    }

    /** Fields by name, and the line each name is on. */
    record Obj(int line, Map<String, Node> fields, Map<String, Integer> nameLines) implements Node {}

    record Arr(int line, List<Node> items) implements Node {}

    /** A scalar: its text, and whether it was written as a string, a number, a boolean or null. */
    record Scalar(int line, JsonToken token, String text) implements Node {}

    /** Raised with the line where the text stops being YAML or JSON. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SourceTree() {
    }

    static Node parse(String text, boolean json) throws SyntaxError {
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError(1, "the file is empty");
            }
            Node root = read(p);
            if (p.nextToken() != null) {
                throw new SyntaxError(line(p), "more than one document in the file");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SyntaxError(line, "not " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SyntaxError(0, "could not be read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p) throws IOException, SyntaxError {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Integer> nameLines = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    int at = line(p);
                    p.nextToken();
                    if (fields.containsKey(name)) {
                        throw new SyntaxError(at, "'" + name + "' is given twice");
                    }
                    nameLines.put(name, at);
                    fields.put(name, read(p));
                }
                return new Obj(line, fields, nameLines);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Arr(line, items);
            }
            default -> {
                return new Scalar(line, t, t == JsonToken.VALUE_NULL ? null : p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
