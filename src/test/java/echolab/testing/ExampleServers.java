package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The example servers of {@code examples/servers}, built once per test JVM with the system's C
 * compiler into {@code target/example-servers} (never into the source tree). Tests that need them
 * are skipped, with the reason, on a machine without {@code make} or {@code cc}.
 */
public final class ExampleServers {

    private static final Path SOURCES = Path.of("examples", "servers").toAbsolutePath();
    private static final Path BUILD = Path.of("target", "example-servers").toAbsolutePath();
    private static String failure;
    private static boolean built;

    private ExampleServers() {
    }

    /** The folder of the examples' sources (for the Python one). */
    public static Path sources() {
        return SOURCES;
    }

    /** The built program {@code name} (e.g. {@code fork_reap}, {@code pool-line}); skips the test when it cannot be built. */
    public static Path program(String name) {
        build();
        Path p = BUILD.resolve(name);
        assumeTrue(Files.isExecutable(p), () -> "example server " + name + " was not built");
        return p;
    }

    private static synchronized void build() {
        if (!built) {
            built = true;
            failure = make();
        }
        assumeTrue(failure == null, () -> failure);
    }

    private static String make() {
        if (!onPath("make") || !(onPath("cc") || onPath("gcc"))) {
            return "no C compiler (cc) or make on this machine: the example servers cannot be built";
        }
        try {
            Files.createDirectories(BUILD);
            Process p = new ProcessBuilder("make", "-s", "-C", SOURCES.toString(), "BUILD=" + BUILD)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "building the example servers took over two minutes";
            }
            return p.exitValue() == 0 ? null : "building the example servers failed: " + out;
        } catch (IOException e) {
            return "cannot run make: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building the example servers";
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
