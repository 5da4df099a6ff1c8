package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The servers of {@code examples/students} (C, Python, Java, Node, Go, Rust), as listed in their
 * manifest {@code servers.tsv}. Each row is built at most once per test JVM, into
 * {@code target/student-examples/NAME} (never into the source tree; {@code student-examples-fork-N} in
 * surefire's fork N, see {@link TestDirs}), by its own build command run in its folder with
 * {@code $OUT} set to that build folder. A test that needs a row is skipped, with the reason, when a
 * program the row needs is missing (CI installs every toolchain, and counts a skip it did not expect
 * as a failure); it fails when the build fails.
 *
 * <p>{@code needs} names programs on the PATH, except {@code java21}: a JDK 21 or newer, found as
 * {@code $JAVA_HOME} or under {@code /usr/lib/jvm}, handed to the build as {@code $JAVA21_HOME}.
 */
public final class StudentExamples {

    /** The manifest's columns, in order. */
    public static final List<String> COLUMNS =
            List.of("name", "language", "needs", "build", "run", "framing", "counter", "model", "fails");

    private static final Path SOURCES = Path.of("examples", "students").toAbsolutePath();
    private static final Path BUILD = TestDirs.build("student-examples");
    private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)");
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    /** Outcome of each row's build in this JVM: absent = not tried, null value = built. */
    private static final Map<String, String> BUILT = new HashMap<>();
    private static List<Row> rows;
    private static Optional<Path> java21;

    private StudentExamples() {
    }

    /**
     * One server of the manifest.
     *
     * @param needs   programs it needs on the PATH ({@code java21}: a JDK 21+)
     * @param build   a shell command run in its folder with {@code $OUT} set; empty: nothing to build
     * @param run     its command line, with {@code $OUT} and {@code {port}}
     * @param counter the pattern of its running total, or empty when it prints none
     * @param model   what a correct verdict names it
     * @param fails   the checks a correct verdict fails (empty for a correct server)
     */
    public record Row(String name, String language, List<String> needs, String build, String run, String framing,
                      String counter, String model, Set<String> fails) {

        public Row {
            needs = List.copyOf(needs);
            fails = Set.copyOf(fails);
        }

        /** Whether the server is meant to pass every check. */
        public boolean correct() {
            return fails.isEmpty();
        }

        /** Its source folder, where it is built and run. */
        public Path folder() {
            return SOURCES.resolve(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** How to start a built server: its argv ({@code {port}} still in place) and where to run it. */
    public record Launch(List<String> argv, Path directory) {

        public Launch {
            argv = List.copyOf(argv);
        }
    }

    /** The folder of the servers and their manifest. */
    public static Path sources() {
        return SOURCES;
    }

    /** Every row of the manifest, in its order. */
    public static synchronized List<Row> rows() {
        if (rows == null) {
            rows = parse(SOURCES.resolve("servers.tsv"));
        }
        return rows;
    }

    /** The row named {@code name}. */
    public static Row row(String name) {
        return rows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + name + " in examples/students/servers.tsv"));
    }

    /** The folder {@code name} is built into ({@code $OUT}). */
    public static Path out(String name) {
        return BUILD.resolve(name);
    }

    /**
     * Builds {@code name} if this JVM has not yet, and says how to start it. Skips the calling test
     * when a program it needs is missing here; fails it when the build fails, since a server that
     * does not build is a defect of the examples (CI installs every toolchain, and a skip there fails).
     */
    public static Launch launch(String name) {
        Row row = row(name);
        String missing = missing(row);
        assumeTrue(missing == null, missing);
        String failure = build(row);
        if (failure != null) {
            throw new AssertionError(failure);
        }
        List<String> argv = new ArrayList<>();
        for (String word : row.run().trim().split("\\s+")) {
            argv.add(word.replace("$OUT", out(name).toString()));
        }
        return new Launch(argv, row.folder());
    }

    /** The JDK 21 or newer that rows needing {@code java21} use, if this machine has one. */
    public static synchronized Optional<Path> java21Home() {
        if (java21 == null) {
            java21 = findJava21();
        }
        return java21;
    }

    static List<Row> parse(Path manifest) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest " + manifest, e);
        }
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).split("\t", -1)).equals(COLUMNS)) {
            throw new IllegalStateException(manifest + ": the first line must be the header "
                    + String.join("<TAB>", COLUMNS));
        }
        List<Row> parsed = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS.size()) {
                throw new IllegalStateException(manifest + " line " + (i + 1) + ": " + f.length
                        + " tab-separated fields, expected " + COLUMNS.size());
            }
            if (!names.add(f[0])) {
                throw new IllegalStateException(manifest + " line " + (i + 1) + ": server " + f[0] + " is listed twice");
            }
            parsed.add(new Row(f[0], f[1], list(f[2]), f[3].trim(), f[4].trim(), f[5].trim(), f[6].trim(),
                    f[7].trim(), new LinkedHashSet<>(list(f[8]))));
        }
        return List.copyOf(parsed);
    }

    private static List<String> list(String commaSeparated) {
        return Stream.of(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Null when {@code row} is built (now or before), else why it cannot be. */
    private static synchronized String build(Row row) {
        if (!BUILT.containsKey(row.name())) {
            BUILT.put(row.name(), tryBuild(row));
        }
        return BUILT.get(row.name());
    }

    /** Null when this machine has every program {@code row} needs, else which one it lacks. */
    private static String missing(Row row) {
        for (String need : row.needs()) {
            if (need.equals("java21") ? java21Home().isEmpty() : !onPath(need)) {
                return row.name() + " needs " + (need.equals("java21") ? "a JDK 21 or newer (java21)" : need)
                        + ", which this machine does not have";
            }
        }
        return null;
    }

    private static String tryBuild(Row row) {
        Path out = out(row.name());
        try {
            Files.createDirectories(out);
            if (row.build().isEmpty()) {
                return null;
            }
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", row.build()).directory(row.folder().toFile())
                    .redirectErrorStream(true);
            pb.environment().put("OUT", out.toString());
            java21Home().ifPresent(home -> pb.environment().put("JAVA21_HOME", home.toString()));
            Process p = pb.start();
            // read it all before waiting: a chatty compiler must not block on a full pipe
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "building " + row.name() + " took over five minutes";
            }
            if (p.exitValue() != 0) {
                return "building " + row.name() + " failed (" + row.build() + ", exit " + p.exitValue() + "): "
                        + tail(output);
            }
            return null;
        } catch (IOException e) {
            return "cannot build " + row.name() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building " + row.name();
        }
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        return String.join(" | ", Arrays.asList(lines).subList(Math.max(0, lines.length - 5), lines.length));
    }

    private static Optional<Path> findJava21() {
        List<Path> candidates = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable /usr/lib/jvm: only $JAVA_HOME is tried
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isExecutable(home.resolve("bin/javac")))
                .filter(home -> version(home) >= 21)
                .findFirst();
    }

    /** The feature version of the JDK at {@code home} (its {@code release} file, else {@code java -version}); 0 if unknown. */
    static int version(Path home) {
        try {
            Path release = home.resolve("release");
            if (Files.isReadable(release)) {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Process p = new ProcessBuilder(home.resolve("bin/java").toString(), "-version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = JAVA_VERSION.matcher(text);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
