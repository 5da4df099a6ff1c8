package echolab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import echolab.engine.ServerOptions;
import echolab.lab.Lab;
import echolab.lessons.ExampleServers;
import echolab.lessons.Expectation;
import echolab.lessons.FigureNames;
import echolab.lessons.Lesson;
import echolab.lessons.LessonCheck;
import echolab.lessons.LessonFileException;
import echolab.lessons.LessonReader;
import echolab.lessons.Lessons;
import echolab.lessons.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lessons}: lists the lessons, or checks them on this machine before class. Exit 0 when
 * every expectation holds, 1 when one does not (or a run cannot be made here), 2 for a bad
 * lesson file or an unknown lesson.
 */
@Command(name = "lessons", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the lessons (predict, run, reveal), or checks them on this machine: runs each lesson's "
                + "set-up and run steps on the real server and checks what each expects of the measurement.%n"
                + "Examples: lessons --list    lessons --check    lessons --check --file my-lesson.yaml    lessons --figures")
public final class LessonsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--list", description = "list the lessons: id, title, lab point, minutes")
    private boolean list;

    @Option(names = "--check", description = "run the lessons here and check their expectations")
    private boolean check;

    @Option(names = "--figures", description = "list the figures an expectation, a question or a reveal may name")
    private boolean figures;

    @Option(names = "--file", paramLabel = "FILE", description = "a lesson file (YAML or JSON) besides or instead of the built-in ones; may be repeated")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--record", paramLabel = "DIR", description = "with --check: record each run of an example "
            + "server into DIR/EXAMPLE.jsonl.gz, for a lesson to ship to machines that cannot make the run "
            + "(student: {recording: ...})")
    private Path recordTo;

    @Option(names = "--json", description = "print JSON instead of text")
    private boolean json;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "the lessons to check (default: all built-in ones, or only the --file ones)")
    private List<String> ids = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (figures && !list && !check) {
            return figures(out);
        }
        if (list == check) {
            throw new ParameterException(spec.commandLine(), "give --list, --check or --figures");
        }
        if (recordTo != null && !check) {
            throw new ParameterException(spec.commandLine(), "--record goes with --check: it records the runs a check makes");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Lesson> lessons = new ArrayList<>();
        for (Path f : files) {
            try {
                lessons.add(LessonReader.read(f));
            } catch (LessonFileException e) {
                err.println("lessons: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        if (!ids.isEmpty()) {
            for (String id : ids) {
                var lesson = Lessons.find(id);
                if (lesson.isEmpty()) {
                    err.println("lessons: no lesson '" + id + "'; the built-in ones are " + Lessons.ids());
                    err.flush();
                    return 2;
                }
                lessons.add(lesson.get());
            }
        } else if (files.isEmpty() || list) {
            lessons.addAll(Lessons.builtIn());
        }
        return list ? list(lessons, out) : check(lessons, out);
    }

    private int figures(PrintWriter out) throws Exception {
        Map<String, String> all = FigureNames.all();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(all));
        } else {
            int width = all.keySet().stream().mapToInt(String::length).max().orElse(10);
            all.forEach((name, meaning) -> out.printf(Locale.ROOT, "%-" + width + "s  %s%n", name, meaning));
        }
        out.flush();
        return 0;
    }

    private int list(List<Lesson> lessons, PrintWriter out) throws Exception {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Lesson l : lessons) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", l.id());
                row.put("title", l.title());
                row.put("labPoint", l.labPoint());
                row.put("minutes", l.minutes());
                row.put("steps", l.steps().stream().map(Step::kind).toList());
                rows.add(row);
            }
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else {
            int width = lessons.stream().mapToInt(l -> l.id().length()).max().orElse(2);
            for (Lesson l : lessons) {
                out.printf(Locale.ROOT, "%-" + width + "s  %2d min  %s — %s%n", l.id(), l.minutes(), l.title(), l.labPoint());
            }
        }
        out.flush();
        return 0;
    }

    private int check(List<Lesson> lessons, PrintWriter out) throws Exception {
        List<LessonCheck.Outcome> outcomes = new ArrayList<>();
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).build();
        ExampleServers examples = ExampleServers.standard();
        try (Lab lab = Lab.start(options)) {
            for (Lesson lesson : lessons) {
                LessonCheck.Outcome o = LessonCheck.run(lesson, lab, examples, recordTo);
                outcomes.add(o);
                if (!json) {
                    print(o, out);
                }
            }
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LessonCheck.Outcome o : outcomes) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", o.lesson().id());
                row.put("status", o.status());
                row.put("expectations", o.expectations().stream().map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("figure", e.figure());
                    m.put("expected", e.expected());
                    m.put("measured", e.measured());
                    m.put("holds", e.holds());
                    return m;
                }).toList());
                if (!o.widened().isEmpty()) {
                    row.put("widened", o.widened());
                }
                if (!o.notes().isEmpty()) {
                    row.put("notes", o.notes());
                }
                row.put("seconds", Math.round(o.seconds() * 10) / 10.0);
                rows.add(row);
            }
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            long held = outcomes.stream().filter(LessonCheck.Outcome::holds).count();
            out.printf(Locale.ROOT, "%d of %d lessons hold on this machine (%.1f s)%n", held, outcomes.size(),
                    outcomes.stream().mapToDouble(LessonCheck.Outcome::seconds).sum());
        }
        out.flush();
        return outcomes.stream().allMatch(LessonCheck.Outcome::holds) ? 0 : 1;
    }

    private static void print(LessonCheck.Outcome o, PrintWriter out) {
        out.printf(Locale.ROOT, "%s  %s  (%.1f s)%n", o.lesson().id(), o.status(), o.seconds());
        for (Expectation.Result e : o.expectations()) {
            out.printf(Locale.ROOT, "  %s %s %s   measured %s%n", e.holds() ? "✓" : "✗", e.figure(), e.expected(), e.measured());
        }
        for (String w : o.widened()) {
            out.println("  widened: " + w);
        }
        for (String n : o.notes()) {
            out.println("  " + n);
        }
        out.flush();
    }
}
