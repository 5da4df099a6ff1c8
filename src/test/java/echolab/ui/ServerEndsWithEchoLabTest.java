package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import echolab.testing.EchoLabJvm;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;
import echolab.testing.ProcessTrees;
import echolab.testing.VirtualDisplay;
import echolab.testing.WindowCloser;

/**
 * {@code open --observe -- ./fork_reap}, the real window in a JVM of its own on a virtual display,
 * with a client connected so that the student's server has forked a child; then EchoLab is ended one
 * way or another, and every process of the student's (the server, its child, EchoLab's watchdog) must
 * be gone within a few seconds. The PIDs come from {@code /proc}, not from EchoLab.
 *
 * <p>"The window closed" is the {@code WM_DELETE_WINDOW} message a window manager sends when the
 * close button is clicked (the virtual display has no window manager to click). "Ctrl-C" is SIGINT
 * to EchoLab's whole process group, as a terminal sends it: the student's server and the watchdog are
 * in sessions of their own and must not be what it reaches.
 */
@Tag("ui")
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(150)
class ServerEndsWithEchoLabTest {

    private static final String PREFS = "echolab-test/server-ends-" + ProcessHandle.current().pid();
    /** Within this, after EchoLab is gone, every process of the student's must be: the watchdog's 2 s grace and some. */
    private static final long GONE_WITHIN_MILLIS = 6_000;

    /** A way EchoLab ends. */
    enum WayOut { WINDOW_CLOSED, SIGTERM, CTRL_C, SIGKILL }

    @AfterAll
    static void forgetPrefs() throws Exception {
        Preferences node = Preferences.userRoot().node(PREFS);
        node.removeNode();
    }

    @ParameterizedTest
    @EnumSource(WayOut.class)
    @Execution(ExecutionMode.CONCURRENT) // side by side: each mostly waits on an EchoLab of its own
    void theStudentsServerAndItsChildrenEndWithEchoLab(WayOut way, @TempDir Path dir) throws Exception {
        if (way == WayOut.CTRL_C) {
            assumeTrue(!sigintIgnoredHere(), "SIGINT is ignored in this test's JVM (started in the background), "
                    + "so EchoLab's JVM would inherit that and never see a Ctrl-C");
        }
        Path server = ExampleServers.program("fork_reap");
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of("setsid")); // a process group of its own, as a terminal's job has
        String prefs = PREFS + "/" + way.name().toLowerCase(java.util.Locale.ROOT); // each EchoLab its own
        command.addAll(EchoLabJvm.command(List.of("-Decholab.window.prefs=" + prefs + "/window",
                "-Decholab.yourServer.prefs=" + prefs + "/history", "-Decholab.logDir=" + dir.resolve("logs")),
                "open", "--port", "0", "--observe", "--", server.toString()));
        try (VirtualDisplay display = VirtualDisplay.start(1280, 800)) {
            Process echolab = display.launch(command, Map.of(), output);
            long jvm = echolab.pid();
            // the whole app up, its window shown (the server may listen before the window's first frame)
            VirtualDisplay.awaitLine(dir.resolve("logs").resolve("echolab0.log"), "window shown", echolab, Duration.ofSeconds(60));
            long student = awaitServer(jvm, server, echolab, output);
            int port = Integer.parseInt(last(ProcessTrees.arguments(student)));
            try (Socket client = connect(port)) {
                assertTrue(ProcessTrees.await(10_000, () -> !ProcessTrees.descendants(student).isEmpty()),
                        "fork_reap forks a child for its client");
                Set<Long> watchdogs = ProcessTrees.descendants(jvm, a -> a.contains("echolab-watchdog"));
                assertEquals(1, watchdogs.size(), "one watchdog per started server: " + ProcessTrees.descendants(jvm));
                Set<Long> theirs = new TreeSet<>(ProcessTrees.descendants(student));
                theirs.add(student);
                theirs.addAll(watchdogs);

                end(way, echolab, display);

                assertTrue(echolab.waitFor(30, TimeUnit.SECONDS), way + ": EchoLab did not end");
                if (way == WayOut.WINDOW_CLOSED) {
                    assertEquals(0, echolab.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
                }
                Set<Long> left = ProcessTrees.awaitGone(theirs, GONE_WITHIN_MILLIS);
                assertEquals(Set.of(), left, way + ": still running after EchoLab ended, of " + theirs + ": "
                        + left.stream().map(p -> p + " " + ProcessTrees.arguments(p)).toList());
            }
        }
    }

    private static void end(WayOut way, Process echolab, VirtualDisplay display) throws Exception {
        switch (way) {
            case WINDOW_CLOSED -> assertEquals(1, WindowCloser.requestClose(display.name(), "EchoLab"),
                    "one window titled EchoLab, among " + WindowCloser.titles(display.name()));
            case SIGTERM -> echolab.toHandle().destroy();
            // sh's own kill: procps's /usr/bin/kill takes "-PGID" for an option
            case CTRL_C -> assertEquals(0, new ProcessBuilder("sh", "-c", "kill -INT -\"$1\"", "sh",
                    Long.toString(echolab.pid())).start().waitFor());
            case SIGKILL -> echolab.toHandle().destroyForcibly();
        }
    }

    /** The student's server, once it is a descendant of EchoLab's JVM running {@code program} with its port. */
    private static long awaitServer(long jvm, Path program, Process echolab, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Set<Long> found = ProcessTrees.descendants(jvm, a -> !a.isEmpty() && a.get(0).equals(program.toString()));
            for (long pid : found) {
                if (listens(pid)) {
                    return pid;
                }
            }
            assertTrue(echolab.isAlive(), "EchoLab ended before the server started: "
                    + Files.readString(output, StandardCharsets.UTF_8));
            Thread.sleep(100);
        }
        throw new AssertionError("no " + program + " under EchoLab's JVM within 60 s: " + Files.readString(output));
    }

    /** Whether the program's port (its last argument) accepts connections. */
    private static boolean listens(long pid) {
        List<String> args = ProcessTrees.arguments(pid);
        if (args.size() < 2) {
            return false;
        }
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(last(args)))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Socket connect(int port) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write("held\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static String last(List<String> args) {
        return args.get(args.size() - 1);
    }

    /** Whether this JVM ignores SIGINT, which the JVMs it starts then inherit. */
    static boolean sigintIgnoredHere() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (mask & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }
}
