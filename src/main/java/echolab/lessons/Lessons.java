package echolab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in lessons: resources {@code /lessons/ID.yaml} in the order of {@code /lessons/index.txt},
 * in the same format as a teacher's own files.
 */
public final class Lessons {

    /** How a built-in lesson's {@link Lesson#source()} begins: "built-in:ID". */
    static final String BUILT_IN = "built-in:";

    private static List<Lesson> builtIn;

    private Lessons() {
    }

    /** Every built-in lesson, in the order of the lab. */
    public static synchronized List<Lesson> builtIn() {
        if (builtIn == null) {
            List<Lesson> out = new ArrayList<>();
            for (String id : resource("index.txt").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                String name = id + ".yaml";
                try {
                    out.add(LessonReader.read(resource(name), "lessons/" + name, false, BUILT_IN + id));
                } catch (LessonFileException e) {
                    throw new IllegalStateException("a built-in lesson is broken: " + e.getMessage(), e);
                }
            }
            builtIn = List.copyOf(out);
        }
        return builtIn;
    }

    /** The built-in lesson {@code id}. */
    public static Optional<Lesson> find(String id) {
        return builtIn().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The built-in lessons' ids, comma-separated, for messages. */
    public static String ids() {
        return String.join(", ", builtIn().stream().map(Lesson::id).toList());
    }

    private static String resource(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in lesson resource /lessons/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
