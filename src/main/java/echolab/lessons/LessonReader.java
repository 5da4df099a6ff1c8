package echolab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;

import echolab.base.Limits;
import echolab.engine.Mode;
import echolab.lessons.SourceTree.Arr;
import echolab.lessons.SourceTree.Node;
import echolab.lessons.SourceTree.Obj;
import echolab.lessons.SourceTree.Scalar;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;

/**
 * Reads a lesson file (YAML or JSON) and checks everything that can be checked before a run:
 * known fields, known modes and scenarios, questions with choices, expectations that parse and
 * name known figures. Every refusal names the file, the line and the field.
 */
public final class LessonReader {

    /** The parts of the window a step may point at. */
    public static final List<String> TARGETS = List.of("diagram", "timeline", "log", "figures", "clients",
            "controls", "sync", "compare", "yourServer");

    /** The controls a try step may name: the settings, and the clients. */
    public static final List<String> CONTROLS;

    static {
        List<String> c = new ArrayList<>(Settings.NAMES);
        c.add("clients");
        CONTROLS = List.copyOf(c);
    }

    static final int MAX_CHOICES = 9;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][\\w.]*)}");
    private static final List<String> STEP_KINDS = List.of("setUp", "predict", "run", "reveal", "try");

    private final String file;
    /** What {@link Lesson#source()} says: where a recording the lesson ships is looked for. */
    private String source = "";

    private LessonReader(String file) {
        this.file = file;
    }

    /** Reads a lesson from a file; YAML unless its name ends in {@code .json}. */
    public static Lesson read(Path path) throws LessonFileException {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LessonFileException(name, 0, null, "no such file");
        } catch (IOException e) {
            throw new LessonFileException(name, 0, null, "could not be read: " + e.getMessage());
        }
        return read(text, name, name.toLowerCase().endsWith(".json"), name);
    }

    /**
     * Reads a lesson from {@code text}.
     *
     * @param file   the name messages give
     * @param source what {@link Lesson#source()} says
     */
    public static Lesson read(String text, String file, boolean json, String source) throws LessonFileException {
        Node root;
        try {
            root = SourceTree.parse(text, json);
        } catch (SourceTree.SyntaxError e) {
            throw new LessonFileException(file, e.line, null, e.getMessage());
        }
        return new LessonReader(file).lesson(root, source);
    }

    private Lesson lesson(Node root, String source) throws LessonFileException {
        this.source = source;
        Fields top = object(root, "");
        top.only("id", "title", "labPoint", "minutes", "steps");
        String id = top.text("id", true);
        if (!ID.matcher(id).matches()) {
            throw top.error("id", "'" + id + "' is not an id: lower-case letters, digits and dashes");
        }
        String title = top.text("title", true);
        String labPoint = top.text("labPoint", true);
        int minutes = (int) top.number("minutes", 1, 60, null);
        Arr stepNodes = top.list("steps");
        if (stepNodes.items().isEmpty()) {
            throw top.error("steps", "a lesson needs steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepNodes.items().size(); i++) {
            steps.add(step(stepNodes.items().get(i), "steps[" + (i + 1) + "]"));
        }
        Lesson lesson = new Lesson(id, title, labPoint, minutes, source, steps);
        crossCheck(lesson, top.obj.nameLines().get("steps"));
        return lesson;
    }

    private Step step(Node node, String path) throws LessonFileException {
        Fields wrapper = object(node, path);
        if (wrapper.obj.fields().size() != 1 || !STEP_KINDS.contains(wrapper.obj.fields().keySet().iterator().next())) {
            throw new LessonFileException(file, node.line(), path,
                    "a step is one of " + String.join(", ", STEP_KINDS) + " (e.g. '- predict: ...'), but has "
                            + (wrapper.obj.fields().isEmpty() ? "nothing" : String.join(", ", wrapper.obj.fields().keySet())));
        }
        String kind = wrapper.obj.fields().keySet().iterator().next();
        Fields f = object(wrapper.obj.fields().get(kind), path + "." + kind, wrapper.obj.nameLines().get(kind));
        return switch (kind) {
            case "setUp" -> setUp(f);
            case "predict" -> predict(f);
            case "run" -> run(f);
            case "reveal" -> reveal(f);
            default -> tryStep(f);
        };
    }

    private Step.SetUp setUp(Fields f) throws LessonFileException {
        List<String> allowed = new ArrayList<>(Settings.NAMES);
        allowed.add("say");
        f.only(allowed.toArray(String[]::new));
        Mode mode = f.has("mode") ? f.parse("mode", Mode::parse) : null; // virtual on Java 17: refused when it runs, with the reason
        Settings s = new Settings(mode,
                f.has("protection") ? f.parse("protection", Protection::parse) : null,
                f.has("delayMillis") ? (long) f.number("delayMillis", Limits.DELAY_MILLIS) : null,
                f.has("raceWindowMicros") ? (long) f.number("raceWindowMicros", Limits.RACE_WINDOW_MICROS) : null,
                f.has("poolSize") ? (int) f.number("poolSize", Limits.POOL_SIZE) : null,
                f.has("blockingLoop") ? f.bool("blockingLoop") : null,
                f.has("scenario") ? f.parse("scenario", Scenario::parse) : null,
                f.has("safe") ? f.bool("safe") : null,
                f.has("fix") ? f.parse("fix", DeadlockFix::parse) : null,
                f.has("fair") ? f.bool("fair") : null,
                f.has("permits") ? (int) f.number("permits", Limits.PERMITS) : null,
                f.has("holdMillis") ? (long) f.number("holdMillis", Limits.HOLD_MILLIS) : null,
                f.has("handoffWindowMicros") ? (long) f.number("handoffWindowMicros", Limits.HANDOFF_WINDOW_MICROS) : null);
        return new Step.SetUp(f.line, f.text("say", false), s);
    }

    private Step.Predict predict(Fields f) throws LessonFileException {
        f.only("question", "choices", "number");
        String question = f.text("question", true);
        if (f.has("choices") == f.has("number")) {
            throw new LessonFileException(file, f.line, f.path,
                    f.has("choices") ? "give choices or a number, not both" : "a question needs choices (or a number to guess)");
        }
        List<Step.Choice> choices = new ArrayList<>();
        Step.NumberGuess number = null;
        if (f.has("choices")) {
            Arr list = f.list("choices");
            if (list.items().size() < 2) {
                throw f.error("choices", "a question needs at least two choices");
            }
            if (list.items().size() > MAX_CHOICES) {
                throw f.error("choices", "at most " + MAX_CHOICES + " choices (keys 1 to 9)");
            }
            for (int i = 0; i < list.items().size(); i++) {
                Node c = list.items().get(i);
                String at = f.path + ".choices[" + (i + 1) + "]";
                if (c instanceof Scalar s && s.token() == JsonToken.VALUE_STRING && !s.text().isBlank()) {
                    choices.add(new Step.Choice(s.text().strip(), null));
                } else {
                    Fields cf = object(c, at);
                    cf.only("text", "when");
                    choices.add(new Step.Choice(cf.text("text", true),
                            cf.has("when") ? cf.condition("when") : null));
                }
            }
        } else {
            Fields nf = object(f.obj.fields().get("number"), f.path + ".number");
            nf.only("figure", "unit");
            number = new Step.NumberGuess(nf.text("figure", true), nf.text("unit", false));
        }
        return new Step.Predict(f.line, question, choices, number);
    }

    private Step.Run run(Fields f) throws LessonFileException {
        f.only("say", "label", "clients", "compare", "student", "seconds", "highlight", "expect", "widen");
        String label = f.text("label", false);
        if (label != null && !label.matches("[a-zA-Z][a-zA-Z0-9_]*")) {
            throw f.error("label", "'" + label + "' is not a label: a letter, then letters, digits or _");
        }
        int kinds = (f.has("clients") ? 1 : 0) + (f.has("compare") ? 1 : 0) + (f.has("student") ? 1 : 0);
        if (kinds != 1) {
            throw new LessonFileException(file, f.line, f.path,
                    kinds == 0 ? "a run needs clients, a compare or a student server" : "a run has one of clients, compare, student");
        }
        List<ClientGroup> clients = new ArrayList<>();
        if (f.has("clients")) {
            Arr list = f.list("clients");
            if (list.items().isEmpty()) {
                throw f.error("clients", "a run needs at least one client");
            }
            for (int i = 0; i < list.items().size(); i++) {
                Fields c = object(list.items().get(i), f.path + ".clients[" + (i + 1) + "]");
                c.only("count", "kind", "lines", "thinkMillis", "bytes", "holdMillis", "afterMillis", "staggerMillis");
                String kind = c.text("kind", true);
                if (!ClientGroup.KINDS.contains(kind)) {
                    throw c.error("kind", "unknown kind of client '" + kind + "': expected one of " + String.join(", ", ClientGroup.KINDS));
                }
                clients.add(new ClientGroup((int) c.number("count", 1, 64, 1L), kind,
                        (int) c.number("lines", 0, 10_000, "silent".equals(kind) ? 0L : 10L),
                        (long) c.number("thinkMillis", 0, 10_000, 0L), (int) c.number("bytes", 2, 4_096, 32L),
                        (long) c.number("holdMillis", 0, 60_000, 2_000L), (long) c.number("afterMillis", 0, 60_000, 0L),
                        (long) c.number("staggerMillis", 0, 10_000, 0L)));
            }
        }
        Step.CompareRun compare = null;
        if (f.has("compare")) {
            Fields c = object(f.obj.fields().get("compare"), f.path + ".compare");
            c.only("modes", "clients", "lines");
            List<String> modes = new ArrayList<>();
            Arr list = c.list("modes");
            for (int i = 0; i < list.items().size(); i++) {
                Node m = list.items().get(i);
                String text = m instanceof Scalar s ? s.text() : null;
                try {
                    modes.add(Mode.parse(text == null ? "" : text).id());
                } catch (IllegalArgumentException e) {
                    throw new LessonFileException(file, m.line(), c.path + ".modes[" + (i + 1) + "]", "unknown mode: " + e.getMessage());
                }
            }
            if (modes.size() < 2) {
                throw c.error("modes", "a comparison needs at least two modes");
            }
            compare = new Step.CompareRun(modes, (int) c.number("clients", 1, 200, 10L), (int) c.number("lines", 1, 10_000, 20L));
        }
        Step.StudentRun student = null;
        if (f.has("student")) {
            Fields s = object(f.obj.fields().get("student"), f.path + ".student");
            s.only("example", "clients", "settleMillis", "recording");
            String example = s.text("example", true);
            if (!example.matches("[a-z_]+")) {
                throw s.error("example", "'" + example + "' is not an example server's name (e.g. fork_noreap)");
            }
            ShippedRecording recording = null;
            if (s.has("recording")) {
                String[] why = new String[1];
                recording = ShippedRecording.find(s.text("recording", true), source, why);
                if (recording == null) {
                    throw s.error("recording", why[0]);
                }
            }
            student = new Step.StudentRun(example, (int) s.number("clients", 1, 32, 4L),
                    (long) s.number("settleMillis", 0, 10_000, 500L), recording);
        }
        double seconds = f.number("seconds", 0.1, 60, 20L);
        String highlight = f.has("highlight") ? f.oneOf("highlight", TARGETS) : null;
        List<Expectation> expect = new ArrayList<>();
        if (f.has("expect")) {
            Node e = f.obj.fields().get("expect");
            List<Node> items = e instanceof Arr a ? a.items() : List.of(e);
            for (int i = 0; i < items.size(); i++) {
                String at = f.path + ".expect" + (e instanceof Arr ? "[" + (i + 1) + "]" : "");
                if (!(items.get(i) instanceof Scalar s) || s.text() == null || s.token() != JsonToken.VALUE_STRING) {
                    throw new LessonFileException(file, items.get(i).line(), at, "an expectation is a condition in quotes, e.g. \"lost > 0\"");
                }
                try {
                    expect.add(Expectation.parse(s.text(), s.line()));
                } catch (IllegalArgumentException ex) {
                    throw new LessonFileException(file, s.line(), at, ex.getMessage());
                }
            }
        }
        Step.Widen widen = null;
        if (f.has("widen")) {
            Fields w = object(f.obj.fields().get("widen"), f.path + ".widen");
            w.only("setting", "factor", "times");
            widen = new Step.Widen(w.oneOf("setting", Settings.WIDENABLE), w.number("factor", 1.1, 100, 4L),
                    (int) w.number("times", 1, 3, 1L));
        }
        return new Step.Run(f.line, f.text("say", false), label, clients, compare, student, seconds, highlight, expect, widen);
    }

    private Step.Reveal reveal(Fields f) throws LessonFileException {
        f.only("figures", "why", "point");
        List<String> figures = new ArrayList<>();
        if (f.has("figures")) {
            Arr list = f.list("figures");
            for (Node n : list.items()) {
                if (!(n instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
                    throw new LessonFileException(file, n.line(), f.path + ".figures", "a figure is a name, e.g. lost");
                }
                figures.add(s.text().strip());
            }
        }
        String why = f.text("why", true);
        String point = f.has("point") ? f.oneOf("point", TARGETS) : null;
        return new Step.Reveal(f.line, figures, why, point);
    }

    private Step.Try tryStep(Fields f) throws LessonFileException {
        f.only("say", "control");
        return new Step.Try(f.line, f.text("say", true), f.has("control") ? f.oneOf("control", CONTROLS) : null);
    }

    /** What only the whole lesson can tell: figures that exist, runs before reveals, labels once. */
    private void crossCheck(Lesson lesson, int stepsLine) throws LessonFileException {
        Set<String> labels = new HashSet<>();
        boolean ran = false;
        boolean predicted = false;
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            String path = "steps[" + (i + 1) + "]." + step.kind();
            if (step instanceof Step.Run r) {
                ran = true;
                if (r.label() != null && !labels.add(r.label())) {
                    throw new LessonFileException(file, r.line(), path + ".label", "the label '" + r.label() + "' is used twice");
                }
            } else if (step instanceof Step.Reveal && !ran) {
                throw new LessonFileException(file, step.line(), path, "a reveal needs a run before it");
            } else if (step instanceof Step.Predict) {
                predicted = true;
            }
        }
        if (!ran) {
            throw new LessonFileException(file, stepsLine, "steps", "a lesson needs a run step");
        }
        if (!predicted) {
            throw new LessonFileException(file, stepsLine, "steps", "a lesson asks first: it needs a predict step");
        }
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            String path = "steps[" + (i + 1) + "]." + step.kind();
            Set<String> names = new LinkedHashSet<>();
            if (step instanceof Step.Run r) {
                for (int k = 0; k < r.expect().size(); k++) {
                    Expectation e = r.expect().get(k);
                    for (String name : e.condition().figures()) {
                        if (!FigureNames.known(name, labels)) {
                            throw new LessonFileException(file, e.line(), path + ".expect[" + (k + 1) + "]", unknownFigure(name));
                        }
                    }
                }
            } else if (step instanceof Step.Predict p) {
                p.choices().stream().filter(c -> c.when() != null).forEach(c -> names.addAll(c.when().figures()));
                if (p.number() != null) {
                    names.add(p.number().figure());
                }
            } else if (step instanceof Step.Reveal r) {
                names.addAll(r.figures());
                Matcher m = PLACEHOLDER.matcher(r.why());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            for (String name : names) {
                if (!FigureNames.known(name, labels)) {
                    throw new LessonFileException(file, step.line(), path, unknownFigure(name));
                }
            }
        }
    }

    private static String unknownFigure(String name) {
        return "unknown figure '" + name + "'" + (name.contains(".") ? " (in front of a figure's name: a run's label, a mode or clientN)" : "")
                + "; docs/lessons.md lists the figures, and so does lessons --figures";
    }

    private Fields object(Node node, String path) throws LessonFileException {
        return object(node, path, node.line());
    }

    /** The object at {@code node}, whose messages about itself name {@code line} (where its name is). */
    private Fields object(Node node, String path, int line) throws LessonFileException {
        if (!(node instanceof Obj o)) {
            throw new LessonFileException(file, node.line(), path.isEmpty() ? null : path,
                    "expected fields (name: value), found " + describe(node));
        }
        return new Fields(o, path, line);
    }

    private static String describe(Node node) {
        if (node instanceof Arr) {
            return "a list";
        }
        Scalar s = (Scalar) node;
        return s.text() == null ? "nothing" : "'" + s.text() + "'";
    }

    /** The fields of one object, read with their line and path in every message. */
    private final class Fields {
        final Obj obj;
        final String path;
        final int line;

        Fields(Obj obj, String path, int line) {
            this.obj = obj;
            this.path = path;
            this.line = line;
        }

        boolean has(String name) {
            Node n = obj.fields().get(name);
            return n != null && !(n instanceof Scalar s && s.token() == JsonToken.VALUE_NULL);
        }

        void only(String... names) throws LessonFileException {
            List<String> allowed = List.of(names);
            for (Map.Entry<String, Node> e : obj.fields().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw new LessonFileException(file, obj.nameLines().get(e.getKey()), at(e.getKey()),
                            "unknown field; expected one of " + String.join(", ", allowed));
                }
            }
        }

        String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        LessonFileException error(String name, String what) {
            return new LessonFileException(file, obj.nameLines().getOrDefault(name, line), at(name), what);
        }

        String text(String name, boolean required) throws LessonFileException {
            if (!has(name)) {
                if (required) {
                    throw new LessonFileException(file, line, at(name), "missing");
                }
                return null;
            }
            if (!(obj.fields().get(name) instanceof Scalar s) || s.text().isBlank()) {
                throw error(name, "expected text");
            }
            return s.text().strip();
        }

        double number(String name, double min, double max, Long otherwise) throws LessonFileException {
            if (!has(name)) {
                if (otherwise == null) {
                    throw new LessonFileException(file, line, at(name), "missing");
                }
                return otherwise;
            }
            Node n = obj.fields().get(name);
            double v;
            try {
                v = Double.parseDouble(((Scalar) n).text());
            } catch (ClassCastException | NumberFormatException e) {
                throw error(name, "expected a number, found " + describe(n));
            }
            if (v < min || v > max || Double.isNaN(v)) {
                throw error(name, Measured.format(v) + " is out of range " + Measured.format(min) + " to " + Measured.format(max));
            }
            return v;
        }

        /** A setting's number, in the range the server takes it in. */
        double number(String name, Limits.Range range) throws LessonFileException {
            return number(name, range.min(), range.max(), null);
        }

        boolean bool(String name) throws LessonFileException {
            Node n = obj.fields().get(name);
            if (n instanceof Scalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
                return s.token() == JsonToken.VALUE_TRUE;
            }
            throw error(name, "expected true or false, found " + describe(n));
        }

        <T> T parse(String name, java.util.function.Function<String, T> parser) throws LessonFileException {
            String text = text(name, true);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw error(name, "unknown " + name + " '" + text + "': " + e.getMessage().replaceFirst(" but was .*", ""));
            }
        }

        String oneOf(String name, List<String> allowed) throws LessonFileException {
            String text = text(name, true);
            if (!allowed.contains(text)) {
                throw error(name, "unknown " + name + " '" + text + "': expected one of " + String.join(", ", allowed));
            }
            return text;
        }

        Arr list(String name) throws LessonFileException {
            if (!has(name)) {
                throw new LessonFileException(file, line, at(name), "missing");
            }
            if (!(obj.fields().get(name) instanceof Arr a)) {
                throw error(name, "expected a list, found " + describe(obj.fields().get(name)));
            }
            return a;
        }

        Expression condition(String name) throws LessonFileException {
            String text = text(name, true);
            try {
                return Expression.parseCondition(text);
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        }
    }
}
