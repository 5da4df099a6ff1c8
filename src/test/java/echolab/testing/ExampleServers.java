package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The example servers of {@code examples/servers}, built once per test JVM with the system's C
 * compiler into {@code target/example-servers} (never into the source tree). Tests that need them
 * are skipped, with the reason, on a machine without {@code make} or {@code cc}; where both are
 * there and the build fails, they fail: a broken example is a defect, not a missing tool.
 */
public final class ExampleServers {

    private static final Path SOURCES = Path.of("examples", "servers").toAbsolutePath();
    private static final Path BUILD = Path.of("target", "example-servers").toAbsolutePath();
    private static String missing; // why this machine cannot build them: tests skip
    private static String failure; // how building them failed: tests fail
    private static boolean built;

    private ExampleServers() {
    }

    /** The folder of the examples' sources (for the Python one). */
    public static Path sources() {
        return SOURCES;
    }

    /** The built program {@code name} (e.g. {@code fork_reap}, {@code pool-line}); skips the test when this machine lacks the tools, fails it when the build fails. */
    public static Path program(String name) {
        build();
        Path p = BUILD.resolve(name);
        if (!Files.isExecutable(p)) {
            throw new AssertionError("example server " + name + " was not built (is it in examples/servers/Makefile?)");
        }
        return p;
    }

    private static synchronized void build() {
        if (!built) {
            built = true;
            if (!onPath("make") || !(onPath("cc") || onPath("gcc"))) {
                missing = "no C compiler (cc) or make on this machine: the example servers cannot be built";
            } else {
                failure = make();
            }
        }
        assumeTrue(missing == null, () -> missing);
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /**
     * Runs make under a lock on {@code target/example-servers.lock}: the build's test JVMs run side
     * by side and share the programs; the first builds them, and make finds the others' up to date,
     * so a program is never rewritten while another JVM runs it.
     */
    private static String make() {
        try {
            Files.createDirectories(BUILD);
            try (FileChannel lockFile = FileChannel.open(BUILD.resolveSibling("example-servers.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                return makeLocked();
            }
        } catch (IOException e) {
            return "cannot run make: " + e.getMessage();
        }
    }

    private static String makeLocked() {
        try {
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
