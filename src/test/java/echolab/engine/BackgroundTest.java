package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.base.Background;
import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.events.EventBus;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.Servers;

/**
 * While a window is open the lab's threads put themselves behind it (nice {@value Background#NICE}
 * on Linux, read back from {@code /proc}); without a window, or once it has closed, they keep the
 * priority they were started with.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class BackgroundTest {

    @Test
    void withAWindowOpenThePoolsWorkersTheAcceptorAndTheClientsAreLowered() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        Background.windowOpened();
        try {
            Map<String, Integer> nice = niceOfLabThreadsWhileServing(Mode.POOL, "echolab-pool-wo", "echolab-main", "echolab-bg-1");
            assertEquals(Background.NICE, nice.get("echolab-pool-wo"), () -> "pool worker: " + nice);
            assertEquals(Background.NICE, nice.get("echolab-main"), () -> "acceptor: " + nice);
            assertEquals(Background.NICE, nice.get("echolab-bg-1"), () -> "simulated client: " + nice);
        } finally {
            Background.windowClosed();
        }
        assertFalse(Background.behindWindow());
    }

    @Test
    void aThreadPerClientInheritsTheAcceptorsPriority() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        Background.windowOpened();
        try {
            Map<String, Integer> nice = niceOfLabThreadsWhileServing(Mode.THREADS, "echolab-thread-", "echolab-bg-1");
            assertEquals(Background.NICE, nice.get("echolab-thread-"), () -> "thread per client: " + nice);
        } finally {
            Background.windowClosed();
        }
    }

    @Test
    void withoutAWindowNothingIsLowered() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        assertFalse(Background.behindWindow());
        int ours = niceOf(Path.of("/proc/thread-self"));
        Map<String, Integer> nice = niceOfLabThreadsWhileServing(Mode.POOL, "echolab-pool-wo", "echolab-main", "echolab-bg-1");
        assertEquals(ours, nice.get("echolab-pool-wo"), () -> "pool worker: " + nice);
        assertEquals(ours, nice.get("echolab-main"), () -> "acceptor: " + nice);
        assertEquals(ours, nice.get("echolab-bg-1"), () -> "simulated client: " + nice);
    }

    /**
     * The nice value of each thread of this JVM whose name starts "echolab-", by its (15-character)
     * name, among the threads started for this server. A thread of an earlier test that Java already
     * counts as ended may still be in {@code /proc} a moment longer, under the same name and with the
     * priority it had: the threads that were there before are left out.
     */
    private static Map<String, Integer> niceOfLabThreadsWhileServing(Mode mode, String... expected) throws Exception {
        Set<Path> before = tasks();
        EchoServer server = Servers.start(Servers.options(mode).poolSize(2).build(), new EventBus(false));
        try (ClientFleet fleet = new ClientFleet(server.address(), new EventBus(false), "bg-",
                echolab.clients.Wire.text(echolab.clients.Framing.LINE));
             LineClient probe = new LineClient(server.address())) {
            fleet.start(new Behaviour.Steady(Integer.MAX_VALUE, 5, 16));
            assertEquals("probe\n", probe.send("probe\n").readLineText()); // served: the lab's threads run
            // the probe's echo says the server's threads run; the simulated client's thread may not
            // have been scheduled yet (its name is set as it starts): wait until every one is there
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Map<String, Integer> nice = niceByName(before);
            while (!nice.keySet().containsAll(List.of(expected)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
                nice = niceByName(before);
            }
            return nice;
        } finally {
            server.close();
        }
    }

    private static Set<Path> tasks() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.collect(Collectors.toSet());
        }
    }

    private static Map<String, Integer> niceByName(Set<Path> leftOut) throws IOException {
        Map<String, Integer> nice = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (leftOut.contains(task)) {
                    continue;
                }
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("echolab-")) {
                        nice.merge(name, niceOf(task), Math::max);
                    }
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        assertTrue(!nice.isEmpty(), "no echolab- threads found");
        return nice;
    }

    /** Field 19 of {@code stat}: the nice value (after the command name, which may hold spaces). */
    private static int niceOf(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]);
    }
}
