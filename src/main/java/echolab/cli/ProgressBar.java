package echolab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code check --each}'s progress on stderr: on a terminal one line redrawn in place, {@code [12/60]
 * ███████░░░░ 20% alice · burst: 32 clients at once}, with each finished submission's line printed
 * above it; otherwise (a log, a CI job) only the finished submissions' lines.
 *
 * <p>Threading: any thread, one at a time (every method is synchronized).
 */
final class ProgressBar {

    private static final int CELLS = 20;

    private final PrintWriter err;
    private final int total;
    private final boolean inPlace;
    private final int width;
    private int index;
    private String name = "";
    private boolean drawn;

    ProgressBar(PrintWriter err, int total, boolean inPlace) {
        this.err = err;
        this.total = total;
        this.inPlace = inPlace;
        this.width = columns();
    }

    /** Submission {@code index} (from 1) starts. */
    synchronized void start(int index, String name) {
        this.index = index;
        this.name = name;
        draw("starting");
    }

    /** What the current submission's check is doing now. */
    synchronized void phase(String text) {
        draw(text.strip());
    }

    /** The current submission ended: a line that stays. */
    synchronized void finished(String line) {
        clear();
        err.println("[" + index + "/" + total + "] " + name + ": " + line);
        err.flush();
    }

    /** Every submission ended: the bar goes. */
    synchronized void close() {
        clear();
        err.flush();
    }

    private void draw(String what) {
        if (!inPlace) {
            return;
        }
        int done = index - 1;
        int full = total == 0 ? CELLS : done * CELLS / total;
        String line = String.format(Locale.ROOT, "[%d/%d] %s%s %3d%% %s · %s", index, total, "█".repeat(full),
                "░".repeat(CELLS - full), total == 0 ? 100 : done * 100 / total, name, what);
        if (line.length() >= width) {
            line = line.substring(0, Math.max(0, width - 2)) + "…"; // a wrapped line cannot be redrawn in place
        }
        err.print("\r\u001b[K" + line);
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (inPlace && drawn) {
            err.print("\r\u001b[K");
            drawn = false;
        }
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
            return c >= 20 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * Whether this process's stderr is a terminal. Java says so only of stdin and stdout together
     * ({@link System#console}); on Linux descriptor 2 itself is asked.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
