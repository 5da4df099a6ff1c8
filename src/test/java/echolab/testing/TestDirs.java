package echolab.testing;

import java.nio.file.Path;

/**
 * Folders under {@code target/} that tests build into. The build runs test classes in several JVMs
 * side by side (surefire's forks, each named in {@code echolab.test.fork} as {@code fork-N}): each
 * JVM builds into a folder of its own, so that no JVM rewrites a program another is running.
 */
public final class TestDirs {

    private TestDirs() {
    }

    /** {@code target/name}, or {@code target/name-fork-N} in surefire's fork N. */
    public static Path build(String name) {
        String fork = System.getProperty("echolab.test.fork", "");
        return Path.of("target", fork.isBlank() ? name : name + "-" + fork).toAbsolutePath();
    }
}
