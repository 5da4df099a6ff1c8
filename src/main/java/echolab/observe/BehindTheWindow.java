package echolab.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import echolab.base.Background;

/**
 * Puts a student's server behind the window for the CPU, as {@link Background} does for the lab's
 * own threads: in the window, a hundred clients on a Python thread per client made 100 runnable
 * threads, and the window drew 18 frames a second instead of 60.
 *
 * <p>Two things are needed on Linux. The server's threads start at the lowest priority: the
 * command runs under {@code nice -n 19}, which {@code exec}s it (the PID stays the program's), and
 * every thread and child it starts inherits that. And because EchoLab starts it in a session of its
 * own ({@code setsid}), the kernel's autogroup scheduling (on by default on desktop kernels) gives
 * that session as much CPU as EchoLab's whole session, whatever its threads' nice values: so the
 * session's own nice value, {@code /proc/PID/autogroup}, is lowered too. With both, the server still
 * takes every cycle the window leaves.
 *
 * <p>Only with a window open ({@link Background#behindWindow}): {@code check}, {@code serve} and the
 * tests measure the server at its own priority.
 *
 * <p>Threading: stateless; any thread.
 */
final class BehindTheWindow {

    private static final List<String> NICE = List.of("/usr/bin/nice", "/bin/nice");

    /** How long to retry a write the kernel's rate limit refused: a few of its 100 ms turns. */
    private static final long RATE_LIMIT_WAIT_NANOS = 500_000_000L;

    private BehindTheWindow() {
    }

    /** What to put before the command so that it starts at the lowest priority; empty without a window. */
    static List<String> prefix() {
        if (!Background.behindWindow()) {
            return List.of();
        }
        for (String nice : NICE) {
            if (Files.isExecutable(Path.of(nice))) {
                return List.of(nice, "-n", Integer.toString(Background.NICE));
            }
        }
        return List.of();
    }

    /**
     * Lowers the scheduling group of the session that {@code pid} leads, when the window is open and
     * the process is in a group other than EchoLab's own (once its {@code setsid} has run: lowering
     * EchoLab's group would lower the window with it). True when it was lowered.
     */
    static boolean lowerSession(long pid) {
        if (!Background.behindWindow()) {
            return false;
        }
        Path theirs = Path.of("/proc", Long.toString(pid), "autogroup");
        String group = group(theirs);
        String ours = group(Path.of("/proc/self/autogroup"));
        if (group == null || ours == null || group.equals(ours)) {
            return false; // no autogroups here, or still in ours
        }
        // Without CAP_SYS_ADMIN the kernel takes one such write every 100 ms, machine-wide, and
        // refuses the others with EAGAIN: another server (or another EchoLab) may have just had its turn.
        long deadline = System.nanoTime() + RATE_LIMIT_WAIT_NANOS;
        while (true) {
            try {
                Files.writeString(theirs, Integer.toString(Background.NICE), StandardCharsets.US_ASCII);
                return true;
            } catch (IOException | RuntimeException e) { // EAGAIN reaches Files as "no bytes written"
                if (System.nanoTime() > deadline || group(theirs) == null) {
                    return false; // it has ended, or this system does not allow it: the server keeps its share
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The group's name in "/autogroup-42 nice 0", or null when there is none. */
    private static String group(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            int space = text.indexOf(' ');
            return space > 0 ? text.substring(0, space) : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
