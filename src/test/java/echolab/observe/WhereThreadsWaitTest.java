package echolab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.testing.NoLeftovers;

/**
 * A thread-per-client C server, built here with and without {@code -g}: its main thread waits in
 * {@code accept} at the line of the source that calls it, and a client's thread, its client silent,
 * waits in {@code read} at that line; built without {@code -g}, the calls are told and the site says
 * the line is unknown because of it. A real program, a real client on 127.0.0.1. x86-64 only.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class WhereThreadsWaitTest {

    private static final String SERVER = """
            #include <pthread.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <unistd.h>
            #include <arpa/inet.h>
            #include <netinet/in.h>
            #include <sys/socket.h>
            static void *serve(void *arg) {
                int c = (int) (long) arg;
                char buf[256];
                ssize_t n;
                while ((n = read(c, buf, sizeof buf)) > 0) {
                    write(c, buf, n);
                }
                close(c);
                return NULL;
            }
            int main(void) {
                int s = socket(AF_INET, SOCK_STREAM, 0);
                struct sockaddr_in a;
                socklen_t len = sizeof a;
                memset(&a, 0, sizeof a);
                a.sin_family = AF_INET;
                a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                bind(s, (struct sockaddr *) &a, sizeof a);
                listen(s, 16);
                getsockname(s, (struct sockaddr *) &a, &len);
                printf("%d\\n", ntohs(a.sin_port));
                fflush(stdout);
                for (;;) {
                    int c = accept(s, NULL, NULL);
                    pthread_t t;
                    pthread_create(&t, NULL, serve, (void *) (long) c);
                    pthread_detach(t);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void builtWithDebugInformationEachThreadWaitsAtItsOwnLine() throws Exception {
        Path program = build("-g");
        int acceptLine = lineOf("int c = accept(");
        int readLine = lineOf("while ((n = read(");
        withServer(program, (pid, main, worker) -> {
            WaitSite atAccept = WhereThreadsWait.of(pid, main);
            assertEquals("accept", atAccept.call(), atAccept.toString());
            assertEquals(3, atAccept.fd(), atAccept.toString());
            assertEquals("server.c", atAccept.fileName(), atAccept.toString());
            assertEquals(acceptLine, atAccept.line(), atAccept.toString());
            assertEquals("main", atAccept.function(), atAccept.toString());
            assertEquals("accept(3) at server.c:" + acceptLine + " (main)", atAccept.describe());

            WaitSite atRead = WhereThreadsWait.of(pid, worker);
            assertEquals("read", atRead.call(), atRead.toString());
            assertEquals(4, atRead.fd(), atRead.toString());
            assertEquals(readLine, atRead.line(), atRead.toString());
            assertEquals("serve", atRead.function(), atRead.toString());
        });
    }

    @Test
    void builtWithoutDebugInformationTheCallIsToldAndTheLineIsSaidUnknown() throws Exception {
        Path program = build("-O2");
        withServer(program, (pid, main, worker) -> {
            WaitSite atAccept = WhereThreadsWait.of(pid, main);
            assertEquals("accept", atAccept.call(), atAccept.toString());
            assertFalse(atAccept.hasLine(), atAccept.toString());
            assertEquals("built without -g", atAccept.note());
            assertEquals("accept(3); line unknown: built without -g", atAccept.describe());
            assertEquals("read", WhereThreadsWait.of(pid, worker).call());
        });
    }

    @Test
    void theForkingExampleBuiltWithDebugInformationWaitsInAcceptAndItsIdleChildInRead() throws Exception {
        assumeTrue(List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "x86-64 only");
        assumeTrue(onPath("cc") && onPath("make"), "no C compiler (cc) or make");
        assumeTrue(onPath("addr2line"), "no addr2line (binutils)");
        Path examples = echolab.testing.ExampleServers.sources();
        Process make = new ProcessBuilder("make", "-s", "-C", examples.toString(), "BUILD=" + dir, "CFLAGS=-g -O2 -Wall",
                dir.resolve("fork_reap").toString()).redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS) && make.exitValue() == 0, out);
        int acceptLine = lineOf(Files.readAllLines(examples.resolve("fork_reap.c")), "connfd = accept(listenfd");
        int readLine = lineOf(Files.readAllLines(examples.resolve("echo_helpers.c")), "r = read(connfd");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process server = new ProcessBuilder(dir.resolve("fork_reap").toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitThreadIn(server.pid(), 43);
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
                long child = awaitChild(server.pid());
                awaitThreadIn(child, 0);
                WaitSite parent = WhereThreadsWait.of(server.pid(), server.pid());
                assertEquals("accept(3) at fork_reap.c:" + acceptLine + " (main)", parent.describe());
                WaitSite inChild = WhereThreadsWait.of(child, child);
                assertEquals("read", inChild.call(), inChild.toString());
                assertEquals("echo_helpers.c", inChild.fileName(), inChild.toString());
                assertEquals(readLine, inChild.line(), inChild.toString());
            }
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The first child of {@code pid}, once it has one. */
    private static long awaitChild(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            java.util.Optional<ProcessHandle> child = ProcessHandle.of(pid).flatMap(p -> p.children().findFirst());
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no child of " + pid);
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void theBytesBeforeAReturnAddressAreACallInstruction() {
        // e8 rel32: a direct call, as to the C library through its PLT
        assertTrue(WhereThreadsWait.afterCall(new byte[] {0, 0, (byte) 0xe8, 1, 2, 3, 4}));
        // ff 15 disp32: call *foo@GOTPCREL(%rip), as built with -fno-plt
        assertTrue(WhereThreadsWait.afterCall(new byte[] {0, (byte) 0xff, 0x15, 1, 2, 3, 4}));
        // ff d0: call *%rax
        assertTrue(WhereThreadsWait.afterCall(new byte[] {0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xd0}));
        // a jump (e9) or a mov: no call
        assertFalse(WhereThreadsWait.afterCall(new byte[] {0, 0, (byte) 0xe9, 1, 2, 3, 4}));
        assertFalse(WhereThreadsWait.afterCall(new byte[] {0x48, (byte) 0x89, (byte) 0xc7, 0x48, (byte) 0x89, (byte) 0xd6, 0}));
    }

    @Test
    void interpretersAreToldAsSuch() {
        assertEquals("Python", WhereThreadsWait.interpreter("/usr/bin/python3.11"));
        assertEquals("Node.js", WhereThreadsWait.interpreter("/usr/bin/node"));
        assertEquals("Java", WhereThreadsWait.interpreter("/usr/lib/jvm/java-17/bin/java"));
        assertEquals(null, WhereThreadsWait.interpreter("/home/student/server"));
    }

    private interface Check {
        void at(long pid, long main, long worker) throws Exception;
    }

    private Path build(String flag) throws Exception {
        assumeTrue(List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "x86-64 only");
        assumeTrue(onPath("cc"), "no C compiler (cc)");
        assumeTrue(onPath("addr2line"), "no addr2line (binutils)");
        Path source = dir.resolve("server.c");
        Files.writeString(source, SERVER, StandardCharsets.UTF_8);
        Path program = dir.resolve("server" + flag);
        Process cc = new ProcessBuilder("cc", flag, "-pthread", "-o", program.toString(), "server.c")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, out);
        return program;
    }

    private void withServer(Path program, Check check) throws Exception {
        Process server = new ProcessBuilder(program.toString()).directory(dir.toFile()).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            int port = Integer.parseInt(first.trim());
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
                long pid = server.pid();
                long worker = awaitThreadIn(pid, 0); // read
                awaitThreadIn(pid, 43); // accept, the next client's
                check.at(pid, pid, worker);
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A thread of {@code pid} blocked in system call {@code nr}, once there is one. */
    private static long awaitThreadIn(long pid, int nr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path t : tasks.toList()) {
                    String s = Files.readString(t.resolve("syscall")).trim();
                    if (s.startsWith(nr + " ")) {
                        return Long.parseLong(t.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                // a thread came or went while listed: read again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no thread of " + pid + " blocked in system call " + nr);
    }

    private static int lineOf(String text) {
        List<String> lines = SERVER.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
