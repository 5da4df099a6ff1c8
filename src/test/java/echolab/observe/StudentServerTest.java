package echolab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.base.Background;
import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.SimulatedClient;
import echolab.clients.Wire;
import echolab.events.EventBus;
import echolab.observe.check.FramingProbe;
import echolab.testing.ExampleServers;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.TinyCServers;

/**
 * A student's program that is not there, exits at once, never listens, listens elsewhere, floods
 * its output, forks without end or ignores the polite signal: each gets a clear one-line message,
 * and nothing of it is left running. Real programs (Python), real signals.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class StudentServerTest {

    /** A Python echo server of a few lines: listens on the port it is given, echoes lines, in threads. */
    private static final String ECHO = """
            import os, socket, sys, threading
            def serve(c):
                while True:
                    data = c.recv(65536)
                    if not data: break
                    c.sendall(data)
                c.close()
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[-1]))); s.listen(64)
            """;
    private static final String ACCEPT_LOOP = """
            while True:
                c, _ = s.accept()
                threading.Thread(target=serve, args=(c,), daemon=True).start()
            """;

    private final EventBus events = new EventBus();

    private static Launch python(String script, int listenSeconds) {
        return new Launch(List.of("python3", "-c", script), null, Duration.ofSeconds(listenSeconds));
    }

    private static String message(Launch launch) {
        LaunchException e = assertThrows(LaunchException.class, () -> StudentServer.start(launch, new EventBus()).close());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aProgramThatDoesNotExistIsNamed() {
        String m = message(new Launch(List.of("./no-such-server"), Path.of("."), Duration.ofSeconds(2)));
        assertTrue(m.startsWith("no such program: ./no-such-server"), m);
        m = message(new Launch(List.of("no-such-server-on-path")));
        assertTrue(m.contains("not found on the PATH"), m);
    }

    @Test
    void aProgramThatExitsAtOnceIsReportedWithItsCodeAndLastOutput() {
        LaunchException e = assertThrows(LaunchException.class, () -> StudentServer.start(
                python("import sys; print('usage: server PORT', file=sys.stderr); sys.exit(3)", 5), events));
        assertTrue(e.getMessage().contains("exited with code 3 before it listened"), e.getMessage());
        assertTrue(e.output().contains("usage: server PORT"), e.output());
    }

    @Test
    void aProgramThatNeverListensIsStoppedAfterTheTimeout() {
        String m = message(python("import time\nprint('thinking', flush=True)\ntime.sleep(60)", 1));
        assertTrue(m.contains("does not listen on port") && m.contains("after 1 s"), m);
    }

    @Test
    void aProgramThatListensOnAnotherPortIsToldSo() {
        String m = message(python("import socket, time\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
                + "time.sleep(60)", 5));
        assertTrue(m.contains("not on port") && m.contains("does it read its port from its arguments?"), m);
    }

    @Test
    void theStartedProgramIsTheProcessEchoLabWatchesAndEndsOnSigterm() throws Exception {
        try (StudentServer server = StudentServer.start(python(ECHO + "print('pid', os.getpid(), flush=True)\n"
                + ACCEPT_LOOP, 5), events)) {
            awaitOutput(server, "pid " + server.pid());
            assertEquals(Framing.LINE, FramingProbe.detect(server.address(), 1_000));
            assertEquals("ended on SIGTERM", server.stop());
            assertFalse(server.alive());
        }
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAndTheReportSaysSo() throws Exception {
        StudentServer server = StudentServer.start(python("import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                + ECHO + ACCEPT_LOOP, 5), events);
        String how = server.stop();
        assertTrue(how.startsWith("ignored SIGTERM for 2 s, so it was killed (SIGKILL)"), how);
        assertFalse(server.alive());
    }

    @Test
    void aFloodOfOutputIsReadToTheEndButOnlyItsTailIsKept() throws Exception {
        String flood = ECHO + """
                def talk():
                    n = 0
                    while True:
                        n += 1
                        print('line', n, 'x' * 2000, flush=True)
                threading.Thread(target=talk, daemon=True).start()
                """ + ACCEPT_LOOP;
        try (StudentServer server = StudentServer.start(python(flood, 5), events)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.output().lines() < 5_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(server.output().lines() >= 5_000, "read " + server.output().lines() + " lines");
            assertTrue(server.output().tail().size() <= ProgramOutput.KEPT_LINES);
            assertTrue(server.output().tail().stream().allMatch(l -> l.text().length() <= ProgramOutput.MAX_LINE + 2));
            // the program never blocked on a full pipe: it still echoes
            assertEquals(Framing.LINE, FramingProbe.detect(server.address(), 2_000));
        }
    }

    @Test
    void aProgramThatForksWithoutEndIsStoppedAtTheCapWithEveryChild() throws Exception {
        // bounded at 400 children of a second each, so that even a failed test cannot take the machine
        String forks = ECHO + """
                import time
                for i in range(400):
                    if os.fork() == 0:
                        time.sleep(60); os._exit(0)
                    time.sleep(0.002)
                """ + ACCEPT_LOOP;
        StudentServer server = StudentServer.start(python(forks.replace("s.listen(64)", "s.listen(64)\nprint('up', flush=True)"), 5), events);
        Set<Long> seen = new HashSet<>();
        try (TreeSampler sampler = TreeSampler.start(server, events)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sampler.running() && System.nanoTime() < deadline) {
                TreeSnapshot t = sampler.latest();
                if (t != null) {
                    t.processes().forEach(p -> seen.add(p.pid()));
                }
                Thread.sleep(20);
            }
            assertFalse(sampler.running());
            assertTrue(sampler.ended().contains("forks without end: more than 256 processes; EchoLab stopped them all"),
                    sampler.ended());
        } finally {
            server.stop();
        }
        assertTrue(seen.size() > 200, "saw " + seen.size());
        for (long pid : seen) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive() || zombie(pid)).orElse(true), "PID " + pid + " lives");
        }
    }

    @Test
    void stoppingAForkServerEndsTheChildrenThatServeClients() throws Exception {
        try (StudentServer server = StudentServer.start(new Launch(List.of(ExampleServers.program("fork_reap").toString())),
                events); TreeSampler sampler = TreeSampler.start(server, events);
             ClientFleet fleet = new ClientFleet(server.address(), events, "client-", Wire.text(Framing.BLANK_LINE))) {
            SimulatedClient silent = fleet.start(new Behaviour.Silent(30_000));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<ProcessHandle> children = List.of();
            while (children.isEmpty() && System.nanoTime() < deadline) {
                children = ProcessHandle.of(server.pid()).orElseThrow().children().toList();
                Thread.sleep(20);
            }
            assertEquals(1, children.size(), "one child for the silent client");
            server.stop();
            for (ProcessHandle child : children) {
                assertTrue(child.onExit().get(5, TimeUnit.SECONDS) != null);
            }
            silent.disconnect();
        }
    }

    @Test
    void aCProgramsPrintfLinesArriveAsItPrintsThemWithoutFflush(@TempDir Path dir) throws Exception {
        Path program = TinyCServers.compile(dir, "counting", TinyCServers.COUNTING_NO_FLUSH);
        try (StudentServer server = StudentServer.start(new Launch(List.of(program.toString())), events)) {
            assumeTrue(server.lineBuffered(), server.bufferingReason());
            assertEquals("", server.bufferingReason());
            // stdbuf execs the program: the PID EchoLab watches is the one the program has
            awaitOutput(server, "pid " + server.pid() + " listening on port " + server.port());
            try (LineClient client = new LineClient(server.address())) {
                for (int i = 1; i <= 3; i++) {
                    long sent = System.nanoTime();
                    assertEquals("hello\n", client.send("hello\n").readLineText());
                    awaitOutput(server, "echoed " + 6 * i + " bytes");
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                    assertTrue(millis < 1_000, "line " + i + " took " + millis + " ms");
                }
            }
        }
    }

    @Test
    void aProgramWhosePortWasTakenBeforeItCouldBindItIsGivenAnotherPort(@TempDir Path dir) throws Exception {
        // the first run finds its port taken, as when another program's socket takes it between
        // EchoLab's choice and the program's bind; the second run listens
        Path script = dir.resolve("server.sh");
        java.nio.file.Files.writeString(script, "#!/bin/sh\n"
                + "if [ ! -e tried ]; then touch tried; echo \"bind: Address already in use\" >&2; exit 1; fi\n"
                + "exec python3 " + ExampleServers.sources().resolve("echo_server.py") + " \"$1\" --framing line\n");
        assertTrue(script.toFile().setExecutable(true));
        try (StudentServer server = StudentServer.start(new Launch(List.of("./server.sh"), dir,
                java.time.Duration.ofSeconds(10)), events)) {
            assertTrue(server.alive());
            try (LineClient client = new LineClient(server.address())) {
                assertEquals("again\n", client.send("again\n").readLineText());
            }
        }
        assertTrue(java.nio.file.Files.exists(dir.resolve("tried")), "the first run found its port taken");
    }

    @Test
    void aServerThatDiesOfASignalSaysWhichWithItsLastWordsOnStderr(@TempDir Path dir) throws Exception {
        Path program = TinyCServers.compile(dir, "crash", TinyCServers.CRASH_ON_FIRST_CLIENT);
        StudentServer server = StudentServer.start(new Launch(List.of(program.toString())), events);
        try {
            assertEquals(0, server.exitSignal(), "running: no signal yet");
            assertEquals("", server.exitDescription());
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write("hello\n".getBytes());
                assertEquals(-1, s.getInputStream().read(), "the connection closes when the server dies");
            }
            awaitOutput(server, "read 6 bytes into a 16-byte buffer, then wrote through a null pointer");
            // its last words arrive a moment before it dies of them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.alive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(11, server.exitSignal());
            assertEquals("crashed: SIGSEGV (signal 11)", server.exitDescription());
            assertTrue(server.output().tail().stream().anyMatch(l -> l.stream().equals("stderr")), "stderr is kept");
        } finally {
            assertEquals("had already crashed: SIGSEGV (signal 11)", server.stop());
        }
    }

    @Test
    void anExitCodeIsNotMistakenForASignal() throws Exception {
        StudentServer server = StudentServer.start(python(ECHO + "import threading, time\n"
                + "threading.Timer(1.5, lambda: os._exit(3)).start()\n" + ACCEPT_LOOP, 5), events);
        ProcessHandle.of(server.pid()).ifPresent(p -> p.onExit().join());
        assertEquals("exited with code 3", server.exitDescription());
        assertEquals(0, server.exitSignal());
        assertEquals("had already exited with code 3", server.stop());
    }

    /**
     * With the window open, the server and every thread it starts run at nice 19; without a window
     * the server runs as it was started.
     */
    @Test
    void behindAWindowTheServerAndItsThreadsAreLowered() throws Exception {
        Background.windowOpened();
        try (StudentServer server = StudentServer.start(python(THREADED, 5), events)) {
            assertEquals(Set.of(Background.NICE), niceOfEachThread(server.pid()));
        } finally {
            Background.windowClosed();
        }
        try (StudentServer server = StudentServer.start(python(THREADED, 5), events)) {
            assertEquals(Set.of(0), niceOfEachThread(server.pid()));
        }
    }

    /**
     * Where the kernel gives each session a scheduling group (autogroups), the server's session's
     * group is lowered too with the window open, while EchoLab's own group keeps its priority.
     * Inside a container's cgroup the autogroup file is empty and there is nothing to lower.
     */
    @Test
    void behindAWindowTheServersSessionGroupIsLoweredAndEchoLabsIsNot() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/autogroup")), "this kernel has no autogroups");
        assumeTrue(!autogroup(0).isEmpty(), "autogroups do not apply inside this cgroup");
        String ours = autogroup(0);
        Background.windowOpened();
        try (StudentServer server = StudentServer.start(python(THREADED, 5), events)) {
            assertTrue(autogroup(server.pid()).endsWith("nice " + Background.NICE), "its session's group is lowered");
            assertEquals(ours, autogroup(0), "EchoLab's group is not");
        } finally {
            Background.windowClosed();
        }
        try (StudentServer server = StudentServer.start(python(THREADED, 5), events)) {
            assertTrue(autogroup(server.pid()).endsWith("nice 0"));
        }
    }

    private static final String THREADED = ECHO
            + "threading.Thread(target=lambda: __import__('time').sleep(60), daemon=True).start()\n" + ACCEPT_LOOP;

    /** "/autogroup-42 nice 0" for a process, or for this JVM when pid is 0. */
    private static String autogroup(long pid) throws java.io.IOException {
        return Files.readString(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "autogroup")).strip();
    }

    private static Set<Integer> niceOfEachThread(long pid) throws java.io.IOException {
        Set<Integer> nice = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Path> tasks;
        do { // its second thread may start a moment after it listens
            try (var list = Files.list(Path.of("/proc/" + pid + "/task"))) {
                tasks = list.toList();
            }
        } while (tasks.size() < 2 && System.nanoTime() < deadline);
        assertTrue(tasks.size() >= 2, "two threads: " + tasks);
        for (Path task : tasks) {
            String stat = Files.readString(task.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            nice.add(Integer.parseInt(after[16])); // field 19 of stat: nice
        }
        return nice;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitOutput(StudentServer server, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.output().tail().stream().noneMatch(l -> l.text().equals(text))) {
            assertTrue(System.nanoTime() < deadline, "no line '" + text + "' in " + server.output().tail());
            Thread.sleep(10);
        }
    }
}
