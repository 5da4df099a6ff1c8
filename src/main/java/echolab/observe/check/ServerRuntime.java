package echolab.observe.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which language runtime runs the server, from its program file: a JVM, Node, Python, or a Go
 * binary (known by the Go build-ID note near its start). The report names the runtime's own
 * threads with it, and goroutines, which no reading of {@code /proc} can see, are named as such.
 *
 * <p>Threading: stateless.
 */
enum ServerRuntime {
    JVM("the JVM"), NODE("Node"), PYTHON("Python"), GO("the Go runtime"), NATIVE("");

    private final String words;

    ServerRuntime(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }

    /** The runtime of process {@code pid}, read from {@code /proc/PID/exe}; {@link #NATIVE} when it cannot be told. */
    static ServerRuntime of(long pid) {
        Path exe = Path.of("/proc", Long.toString(pid), "exe");
        String name;
        try {
            name = Files.readSymbolicLink(exe).getFileName().toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return NATIVE;
        }
        if (name.equals("java")) {
            return JVM;
        }
        if (name.equals("node") || name.equals("nodejs")) {
            return NODE;
        }
        if (name.startsWith("python")) {
            return PYTHON;
        }
        return goNote(exe) ? GO : NATIVE;
    }

    /** A Go binary carries an ELF note of type 4 owned by "Go" in its first pages. */
    private static boolean goNote(Path exe) {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(exe)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | SecurityException e) {
            return false;
        }
        byte[] note = {4, 0, 0, 0, 'G', 'o', 0, 0};
        outer:
        for (int i = 0; i + note.length <= n; i++) {
            for (int j = 0; j < note.length; j++) {
                if (head[i + j] != note[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
