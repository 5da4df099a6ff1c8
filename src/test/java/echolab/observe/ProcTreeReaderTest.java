package echolab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link ProcTreeReader} against real Python programs, each blocked in the call under test: what the
 * kernel says about them must come out as the lab's words.
 */
@EnabledOnOs(OS.LINUX)
class ProcTreeReaderTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    /** The real interpreter, not a launcher script (pyenv's shims are bash), so that the root PID is Python's. */
    private static String python;

    private final ProcTreeReader reader = new ProcTreeReader();
    private final List<Process> started = new ArrayList<>();
    private final List<Socket> clients = new ArrayList<>();

    @BeforeAll
    static void findPython() throws Exception {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            python = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && line != null ? line.trim() : null;
        } catch (IOException e) {
            python = null;
        }
    }

    @AfterEach
    void endEverythingStarted() throws Exception {
        for (Socket s : clients) {
            s.close();
        }
        reader.close();
        for (Process p : started) {
            List<ProcessHandle> all = new ArrayList<>(p.descendants().collect(Collectors.toList()));
            all.add(0, p.toHandle());
            all.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (all.stream().anyMatch(ProcTreeReaderTest::running) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            all.stream().filter(ProcTreeReaderTest::running).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Alive and not a zombie: an orphaned zombie is reaped whenever init gets round to it, which can take seconds. */
    private static boolean running(ProcessHandle h) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            return h.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    @Test
    void aThreadBlockedInRecvWaitsInReadOnItsClientsSocket() throws Exception {
        Started server = python("""
                import socket, time
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                s.listen()
                print(s.getsockname()[1], flush=True)
                c, _ = s.accept()
                c.recv(1024)
                time.sleep(60)
                """);
        int port = Integer.parseInt(server.line());
        Socket client = connect(port);
        int clientPort = client.getLocalPort();

        TreeSnapshot tree = awaitTree(server.pid(), t -> t.root()
                .flatMap(p -> connection(p, clientPort))
                .map(s -> waiting(t.root().get(), WaitKind.READ).stream().anyMatch(th -> th.argument() == s.fd()))
                .orElse(false), "a thread in READ on the socket of client port " + clientPort);

        ProcessSnapshot root = tree.root().orElseThrow();
        SocketEnd connection = connection(root, clientPort).orElseThrow();
        assertEquals(port, connection.localPort());
        assertFalse(connection.listening());
        assertTrue(root.sockets().stream().anyMatch(s -> s.listening() && s.localPort() == port && s.remotePort() == 0),
                () -> "a listening socket on " + port + " in " + root.sockets());
    }

    @Test
    void aThreadBlockedInAcceptWaitsInAcceptOnTheListeningSocket() throws Exception {
        Started server = python("""
                import socket
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                s.listen()
                print(s.getsockname()[1], flush=True)
                s.accept()
                """);
        int port = Integer.parseInt(server.line());

        TreeSnapshot tree = awaitTree(server.pid(), t -> t.root()
                .map(p -> !waiting(p, WaitKind.ACCEPT).isEmpty() && p.sockets().stream().anyMatch(SocketEnd::listening))
                .orElse(false), "a thread in ACCEPT and a listening socket");

        ProcessSnapshot root = tree.root().orElseThrow();
        SocketEnd listening = root.sockets().stream().filter(SocketEnd::listening).findFirst().orElseThrow();
        assertEquals(port, listening.localPort());
        assertEquals(listening.fd(), waiting(root, WaitKind.ACCEPT).get(0).argument());
    }

    /** The reader reuses what it read of a process none of whose threads has run since: waking one must end that. */
    @Test
    void aQuietServerIsReadAfreshOnceAClientWakesIt() throws Exception {
        Started server = python("""
                import socket, time
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                s.listen()
                print(s.getsockname()[1], flush=True)
                c, _ = s.accept()
                c.recv(1024)
                time.sleep(60)
                """);
        int port = Integer.parseInt(server.line());
        awaitTree(server.pid(), t -> t.root().map(p -> !waiting(p, WaitKind.ACCEPT).isEmpty()).orElse(false),
                "a thread in ACCEPT");
        for (int i = 0; i < 10; i++) {
            ProcessSnapshot root = reader.read(server.pid()).root().orElseThrow();
            assertEquals(1, waiting(root, WaitKind.ACCEPT).size(), () -> "still in ACCEPT: " + root.threads());
            assertEquals(1, root.sockets().size(), () -> "only the listening socket: " + root.sockets());
        }

        int clientPort = connect(port).getLocalPort();

        TreeSnapshot tree = awaitTree(server.pid(), t -> t.root()
                .flatMap(p -> connection(p, clientPort))
                .map(s -> waiting(t.root().get(), WaitKind.READ).stream().anyMatch(th -> th.argument() == s.fd()))
                .orElse(false), "a thread in READ on the socket of client port " + clientPort);
        assertEquals(2, tree.root().orElseThrow().sockets().size());
    }

    @Test
    void aChildThatExitedUnreapedIsAZombieWithoutThreads() throws Exception {
        Started parent = python("""
                import os, time
                pid = os.fork()
                if pid == 0:
                    os._exit(0)
                print(pid, flush=True)
                time.sleep(60)
                """);
        long child = Long.parseLong(parent.line());

        TreeSnapshot tree = awaitTree(parent.pid(), t -> t.process(child).map(ProcessSnapshot::zombie).orElse(false),
                "child " + child + " a zombie");

        ProcessSnapshot zombie = tree.process(child).orElseThrow();
        assertEquals('Z', zombie.state());
        assertEquals(parent.pid(), zombie.ppid());
        assertTrue(zombie.threads().isEmpty(), () -> "no threads: " + zombie.threads());
        assertFalse(zombie.command().isBlank(), "a zombie's name stands in for its empty command line");
        assertEquals(List.of(parent.pid(), child), pids(tree), "the parent first");
    }

    @Test
    void aParentInTimeSleepWaitsInSleep() throws Exception {
        Started sleeper = python("""
                import time
                print("ready", flush=True)
                time.sleep(60)
                """);
        sleeper.line();

        TreeSnapshot tree = awaitTree(sleeper.pid(), t -> t.root()
                .map(p -> p.threads().size() == 1 && p.threads().get(0).waitsIn() == WaitKind.SLEEP)
                .orElse(false), "the one thread in SLEEP");

        ProcessSnapshot root = tree.root().orElseThrow();
        ThreadSnapshot main = root.threads().get(0);
        assertEquals(sleeper.pid(), main.tid());
        assertEquals(-1, main.argument());
        assertEquals('S', root.state());
        assertTrue(root.command().contains("time.sleep(60)"), root::command);
        assertTrue(root.rssBytes() > 0, () -> "rss " + root.rssBytes());
        assertTrue(root.descriptors() >= 3, () -> "descriptors " + root.descriptors());
    }

    /** A thread's name sits in parentheses in its stat line and may itself hold spaces and parentheses. */
    @Test
    void aThreadNamedWithSpacesAndParenthesesKeepsItsNameStateAndParent() throws Exception {
        Started named = python("""
                import ctypes, time
                ctypes.CDLL(None).prctl(15, b"x) R 1 (y", 0, 0, 0)  # PR_SET_NAME
                print("ready", flush=True)
                time.sleep(60)
                """);
        named.line();

        TreeSnapshot tree = awaitTree(named.pid(), t -> t.root()
                .map(p -> p.threads().size() == 1 && p.threads().get(0).name().equals("x) R 1 (y")
                        && p.threads().get(0).waitsIn() == WaitKind.SLEEP)
                .orElse(false), "the renamed thread in SLEEP");

        ProcessSnapshot root = tree.root().orElseThrow();
        assertEquals(ProcessHandle.current().pid(), root.ppid());
        assertEquals('S', root.state());
        assertTrue(root.cpuNanos() >= 0 && root.rssBytes() > 0, () -> "cpu " + root.cpuNanos() + ", rss " + root.rssBytes());
    }

    /** The reader keeps /proc files open as channels, which an interrupt closes: it must not lose the tree. */
    @Test
    void anInterruptedThreadStillReadsTheWholeTreeAndKeepsItsInterrupt() throws Exception {
        Started sleeper = python("""
                import time
                print("ready", flush=True)
                time.sleep(60)
                """);
        sleeper.line();
        awaitTree(sleeper.pid(), t -> t.root().map(p -> p.threads().size() == 1).orElse(false), "the root's thread");

        Thread.currentThread().interrupt();
        TreeSnapshot tree;
        try {
            tree = reader.read(sleeper.pid());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is still set");
        }

        assertEquals(List.of(sleeper.pid()), pids(tree));
        assertEquals(1, tree.root().orElseThrow().threads().size());
        assertEquals(1, reader.read(sleeper.pid()).processes().size(), "and the next reading is whole too");
    }

    /** Python's {@code Lock} is one futex that all its waiters share. */
    @Test
    void threadsBlockedOnTheSameLockWaitOnTheSameFutexAddress() throws Exception {
        Started program = python("""
                import threading, time
                shared = threading.Lock(); shared.acquire()
                other = threading.Lock(); other.acquire()
                for _ in range(3):
                    threading.Thread(target=shared.acquire, daemon=True).start()
                threading.Thread(target=other.acquire, daemon=True).start()
                print("ready", flush=True)
                time.sleep(60)
                """);
        program.line();

        TreeSnapshot tree = awaitTree(program.pid(), t -> t.root()
                .map(p -> waiting(p, WaitKind.FUTEX).size() == 4).orElse(false), "four threads in FUTEX");

        Map<Long, Long> waitersByAddress = waiting(tree.root().orElseThrow(), WaitKind.FUTEX).stream()
                .collect(Collectors.groupingBy(ThreadSnapshot::argument, Collectors.counting()));
        assertEquals(Set.of(1L, 3L), new HashSet<>(waitersByAddress.values()), () -> "waiters by address " + waitersByAddress);
        assertTrue(waitersByAddress.keySet().stream().allMatch(a -> a > 0), () -> "addresses " + waitersByAddress.keySet());
    }

    /**
     * Python's {@code Semaphore} is a condition variable, and each waiter of a Python condition sleeps on
     * a lock of its own: the kernel sees as many futexes as there are waiters.
     */
    @Test
    void threadsBlockedOnAPythonSemaphoreEachWaitOnAFutexOfTheirOwn() throws Exception {
        Started program = python("""
                import threading, time
                semaphore = threading.Semaphore(0)
                for _ in range(3):
                    threading.Thread(target=semaphore.acquire, daemon=True).start()
                print("ready", flush=True)
                time.sleep(60)
                """);
        program.line();

        TreeSnapshot tree = awaitTree(program.pid(), t -> t.root()
                .map(p -> waiting(p, WaitKind.FUTEX).size() == 3).orElse(false), "three threads in FUTEX");

        List<ThreadSnapshot> waiters = waiting(tree.root().orElseThrow(), WaitKind.FUTEX);
        assertEquals(3, waiters.stream().map(ThreadSnapshot::argument).distinct().count(), () -> "waiters " + waiters);
    }

    @Test
    void childrenComeAfterTheirParentsAndNameThem() throws Exception {
        Started root = python("""
                import os, time
                for _ in range(2):
                    if os.fork() == 0:
                        if os.fork() == 0:
                            time.sleep(60)
                            os._exit(0)
                        time.sleep(60)
                        os._exit(0)
                print("ready", flush=True)
                time.sleep(60)
                """);
        root.line();

        TreeSnapshot tree = awaitTree(root.pid(), t -> t.processes().size() == 5, "five processes");

        assertEquals(root.pid(), tree.processes().get(0).pid());
        Set<Long> before = new HashSet<>();
        for (ProcessSnapshot p : tree.processes()) {
            if (p.pid() != root.pid()) {
                assertTrue(before.contains(p.ppid()), () -> p.pid() + "'s parent " + p.ppid() + " comes before it in " + pids(tree));
            }
            before.add(p.pid());
        }
        assertEquals(2, tree.processes().stream().filter(p -> p.ppid() == root.pid()).count());
    }

    @Test
    void aRootThatHasGoneGivesNoProcesses() throws Exception {
        Started program = python("""
                import time
                print("ready", flush=True)
                time.sleep(60)
                """);
        program.line();
        awaitTree(program.pid(), t -> t.root().isPresent(), "the root");

        program.process().destroy();
        assertTrue(program.process().waitFor(5, TimeUnit.SECONDS));

        TreeSnapshot tree = reader.read(program.pid());
        assertTrue(tree.processes().isEmpty(), () -> "no processes: " + pids(tree));
        assertEquals(program.pid(), tree.rootPid());
    }

    /** Not a check but a measurement, for the README: what one reading costs on a fork server of 32 clients. */
    @Test
    void measuresReadingAForkServerWithThirtyTwoClients() throws Exception {
        Started server = python("""
                import os, socket
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                s.listen(64)
                print(s.getsockname()[1], flush=True)
                while True:
                    c, _ = s.accept()
                    if os.fork() == 0:
                        s.close()
                        while c.recv(1024):
                            pass
                        os._exit(0)
                    c.close()
                """);
        int port = Integer.parseInt(server.line());
        for (int i = 0; i < 32; i++) {
            connect(port);
        }
        awaitTree(server.pid(), t -> t.processes().size() == 33
                && t.processes().stream().skip(1).allMatch(p -> !waiting(p, WaitKind.READ).isEmpty()),
                "33 processes, the children in READ");

        int warmUp = 200;
        int reads = 200;
        for (int i = 0; i < warmUp; i++) {
            reader.read(server.pid());
        }
        Cost idle = timeReads(server.pid(), reads);
        // the same tree, busy: every client sends all the time, so no process is ever quiet
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            byte[] line = "x\n".getBytes(StandardCharsets.US_ASCII);
            try {
                while (!clients.get(0).isClosed()) {
                    for (Socket c : clients) {
                        c.getOutputStream().write(line);
                    }
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException ended) {
                // the test is over
            }
        });
        Cost busy = timeReads(server.pid(), reads);
        for (Socket c : clients) {
            c.close();
        }
        traffic.get(5, TimeUnit.SECONDS);
        System.out.printf("ProcTreeReader.read of a fork server with 32 clients (33 processes), mean of %d reads:"
                + " idle %s; with every client sending %s%n", reads, idle, busy);
    }

    /** Mean wall-clock and CPU time of one reading. */
    private record Cost(long wallNanos, long cpuNanos) {
        @Override
        public String toString() {
            return String.format("%d µs (%d µs CPU)", wallNanos / 1000, cpuNanos / 1000);
        }
    }

    private Cost timeReads(long pid, int reads) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            assertEquals(33, reader.read(pid).processes().size());
        }
        return new Cost((System.nanoTime() - start) / reads, (threads.getCurrentThreadCpuTime() - cpu) / reads);
    }

    private Started python(String program) throws IOException {
        assumeTrue(python != null, "python3 is needed to make real processes block in real calls");
        Process p = new ProcessBuilder(python, "-c", program).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(p);
        return new Started(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        clients.add(s);
        return s;
    }

    /** Reads the tree until it shows what is expected, or fails with the last reading after the deadline. */
    private TreeSnapshot awaitTree(long pid, Predicate<TreeSnapshot> expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        TreeSnapshot last;
        do {
            last = reader.read(pid);
            if (expected.test(last)) {
                return last;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return fail("expected " + what + " within " + DEADLINE + "; last reading: " + last);
    }

    private static Optional<SocketEnd> connection(ProcessSnapshot p, int clientPort) {
        return p.sockets().stream().filter(s -> !s.listening() && s.remotePort() == clientPort).findFirst();
    }

    private static List<ThreadSnapshot> waiting(ProcessSnapshot p, WaitKind kind) {
        return p.threads().stream().filter(t -> t.waitsIn() == kind).collect(Collectors.toList());
    }

    private static List<Long> pids(TreeSnapshot tree) {
        return tree.processes().stream().map(ProcessSnapshot::pid).collect(Collectors.toList());
    }

    /** A started program and its output, read a line at a time with a deadline. */
    private record Started(Process process, BufferedReader out) {

        long pid() {
            return process.pid();
        }

        String line() throws Exception {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertNotEquals(null, line, "the program ended before saying anything");
            return line.trim();
        }
    }
}
