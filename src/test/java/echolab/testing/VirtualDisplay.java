package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X server of this test's own ({@code Xvfb}, on a display number it picks itself), for starting
 * the real window of the jar or the packaged app in a process of its own, as a user would. Tests
 * using it skip, with the reason, where there is no {@code Xvfb} ({@code .ci/run} installs it).
 * Closing it ends every window process started on it, then the X server, by their PIDs.
 */
public final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;
    private final List<Process> windows = new ArrayList<>();

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts one of {@code width}×{@code height}; skips the test when this machine has no Xvfb. */
    public static VirtualDisplay start(int width, int height) throws IOException {
        Path xvfbBinary = Path.of("/usr/bin/Xvfb");
        assumeTrue(Files.isExecutable(xvfbBinary), "no Xvfb here to open a window in (Debian: apt install xvfb libgtk-3-0)");
        Process p = new ProcessBuilder(xvfbBinary.toString(), "-displayfd", "1", "-nolisten", "tcp",
                "-screen", "0", width + "x" + height + "x24").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine(); // -displayfd: the display's number once it accepts clients
        if (number == null || !number.trim().matches("\\d+")) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not start (said: " + number + ")");
        }
        return new VirtualDisplay(p, ":" + number.trim());
    }

    /** The display's name, as {@code DISPLAY} says it ({@code :42}). */
    public String name() {
        return display;
    }

    /** Starts {@code command} on this display; its output goes to {@code output}. */
    public Process launch(List<String> command, Map<String, String> env, Path output) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        b.environment().put("DISPLAY", display);
        b.environment().putAll(env);
        Process p = b.start();
        windows.add(p);
        return p;
    }

    /**
     * Waits until {@code file} has a line containing {@code text}, or {@code process} ends, or the
     * time is up; returns that line.
     */
    public static String awaitLine(Path file, String text, Process process, Duration within)
            throws IOException, InterruptedException, TimeoutException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the process ended (exit " + process.exitValue() + ") before \"" + text + "\"");
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("no \"" + text + "\" in " + file + " within " + within.toSeconds() + " s");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : windows) {
            List<ProcessHandle> family = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            family.forEach(ProcessHandle::destroyForcibly);
        }
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly().waitFor();
        }
    }
}
