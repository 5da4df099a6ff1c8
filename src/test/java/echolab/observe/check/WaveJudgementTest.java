package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import echolab.clients.Framing;
import echolab.observe.ProcessSnapshot;
import echolab.observe.Recording;
import echolab.observe.SocketEnd;
import echolab.observe.ThreadSnapshot;
import echolab.observe.TreeSnapshot;
import echolab.observe.WaitKind;

/**
 * The judgement over waves of clients, on readings written down the way /proc shows them: a pool
 * that grows lazily is a pool, a cached pool that keeps idle threads is no leak, threads that stay
 * after their clients while new ones are started are one, a runtime's threads count for nothing,
 * a launcher is seen through and a preforked server is not a process per client gone wrong.
 */
class WaveJudgementTest {

    private static final int PORT = 7707;
    private static final long SERVER = 100;

    /** Readings taken one after another; each {@code moment} adds one. */
    private final List<TreeSnapshot> readings = new ArrayList<>();
    private long now = 1_000;

    private void moment(ProcessSnapshot... processes) {
        readings.add(new TreeSnapshot(now, processes[0].pid(), List.of(processes)));
        now += 50;
    }

    private static ProcessSnapshot server(long pid, long ppid, List<ThreadSnapshot> threads, List<SocketEnd> sockets) {
        return new ProcessSnapshot(pid, ppid, "./server 7707", 'S', 1 << 20, 0, 3 + sockets.size(), threads, sockets);
    }

    private static ThreadSnapshot reading(long tid, int fd) {
        return new ThreadSnapshot(tid, "server", 'S', WaitKind.READ, fd, 0);
    }

    private static ThreadSnapshot idle(long tid, String name) {
        return new ThreadSnapshot(tid, name, 'S', WaitKind.FUTEX, 0x7f00, 0);
    }

    private static SocketEnd listener() {
        return new SocketEnd(3, PORT, 0, true);
    }

    private static SocketEnd client(int fd, int port) {
        return new SocketEnd(fd, PORT, port, false);
    }

    /** Wave {@code w}'s clients have local ports 40000 + 100 w + i. */
    private static int port(int wave, int i) {
        return 40_000 + 100 * wave + i;
    }

    /**
     * The server serves wave 0 ({@code first} clients) then wave 1 ({@code second}); {@code worker}
     * says which thread serves client i of wave w; {@code alive} which threads are left after each wave.
     */
    private Evidence run(int first, int second, java.util.function.BiFunction<Integer, Integer, Long> worker,
                         java.util.function.Function<Integer, List<Long>> leftAfter, List<ThreadSnapshot> runtime) {
        List<Evidence.Wave> waves = new ArrayList<>();
        Evidence.State before = state(runtime, List.of());
        moment(server(SERVER, 1, with(runtime, List.of(main())), List.of(listener())));
        int[] sizes = {first, second};
        for (int wave = 0; wave < 2; wave++) {
            final int w = wave;
            long start = now;
            Map<String, Integer> ports = new LinkedHashMap<>();
            // the wave's clients are served a few at a time, each seen in a read for one reading
            for (int i = 0; i < sizes[w]; i++) {
                ports.put("client-" + (w * 100 + i), port(w, i));
                List<ThreadSnapshot> threads = new ArrayList<>(with(runtime, List.of(main())));
                for (long tid : leftAfter.apply(w - 1)) {
                    threads.add(idle(tid, "server"));
                }
                threads.removeIf(t -> t.tid() == worker.apply(w, 0));
                threads.add(reading(worker.apply(w, i), 10 + i));
                moment(server(SERVER, 1, dedupe(threads), List.of(listener(), client(10 + i, port(w, i)))));
            }
            List<Long> left = leftAfter.apply(w);
            List<ThreadSnapshot> after = new ArrayList<>(with(runtime, List.of(main())));
            left.forEach(tid -> after.add(idle(tid, "server")));
            moment(server(SERVER, 1, after, List.of(listener())));
            waves.add(new Evidence.Wave(sizes[w], start, ports, sizes[w], state(runtime, left)));
        }
        Recording r = Recording.of(SERVER, PORT, readings);
        return evidence(new Evidence.Waves(SERVER, before, waves, r), List.of());
    }

    private static List<ThreadSnapshot> dedupe(List<ThreadSnapshot> threads) {
        Map<Long, ThreadSnapshot> byTid = new LinkedHashMap<>();
        threads.forEach(t -> byTid.put(t.tid(), t));
        return new ArrayList<>(byTid.values());
    }

    private static ThreadSnapshot main() {
        return new ThreadSnapshot(SERVER, "server", 'S', WaitKind.ACCEPT, 3, 0);
    }

    private static List<ThreadSnapshot> with(List<ThreadSnapshot> a, List<ThreadSnapshot> b) {
        List<ThreadSnapshot> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Evidence.State state(List<ThreadSnapshot> runtime, List<Long> workers) {
        Set<Long> tids = new TreeSet<>();
        tids.add(SERVER);
        runtime.forEach(t -> tids.add(t.tid()));
        tids.addAll(workers);
        return new Evidence.State(4, tids, Set.of(), Set.of());
    }

    private static Evidence evidence(Evidence.Waves waves, List<String> launchers) {
        Recording none = Recording.of(SERVER, PORT, List.of());
        return new Evidence(Framing.LINE, launchers.isEmpty() ? SERVER : 1, waves.serverPid(), launchers, ServerRuntime.NATIVE,
                new Evidence.Echo(List.of()),
                new Evidence.Concurrency("client-1", "client-2", 1, true, 5, 1_000), waves,
                new Evidence.Idle(1, 0, 0, List.of(), List.of()), null, List.of(), none, none, true, true, List.of());
    }

    private static final List<ThreadSnapshot> JVM = List.of(idle(900, "GC Thread#0"), idle(901, "C2 CompilerThre"),
            idle(902, "Reference Handl"), idle(903, "Finalizer"));

    @Test
    void aPoolThatStartsItsThreadsAsWorkArrivesIsAPoolNotALeak() {
        // Executors.newFixedThreadPool(8): a thread per task until 8 exist, then the same 8 serve everybody
        Evidence e = run(8, 16, (w, i) -> 200L + i % 8, w -> w < 0 ? List.of() : List.of(200L, 201L, 202L, 203L,
                204L, 205L, 206L, 207L), JVM);
        Verdict threads = new ThreadsCheck().judge(e);
        assertEquals(Status.PASS, threads.status(), threads.toString());
        assertEquals("thread pool of 8", ModelCheck.infer(e));
    }

    @Test
    void aPoolThatGrowsLazilyUpToItsBoundIsAPoolOfThatSizeEvenWhenItsLastThreadStartsInTheSecondWave() {
        // c_pool_lazy on a loaded machine: one client of the first wave came after another left, so 7
        // threads served it; the eighth started in the second wave, and the 16 were served by the 8
        List<Long> seven = List.of(200L, 201L, 202L, 203L, 204L, 205L, 206L);
        List<Long> eight = List.of(200L, 201L, 202L, 203L, 204L, 205L, 206L, 207L);
        Evidence e = run(8, 16, (w, i) -> 200L + i % (w == 0 ? 7 : 8), w -> w < 0 ? List.of() : w == 0 ? seven : eight,
                List.of());
        Verdict threads = new ThreadsCheck().judge(e);
        assertEquals(Status.PASS, threads.status(), threads.toString());
        assertEquals("thread pool of 8", ModelCheck.infer(e));
    }

    @Test
    void aCachedPoolWhoseIdleThreadsWaitForTheNextClientIsNoLeak() {
        // newCachedThreadPool: the 8 of the first wave serve again in the second, 8 more are started
        List<Long> first = List.of(200L, 201L, 202L, 203L, 204L, 205L, 206L, 207L);
        List<Long> all = new ArrayList<>(first);
        for (long t = 208; t < 216; t++) {
            all.add(t);
        }
        Evidence e = run(8, 16, (w, i) -> 200L + i, w -> w < 0 ? List.of() : w == 0 ? first : all, JVM);
        assertEquals(Status.PASS, new ThreadsCheck().judge(e).status());
        assertEquals("cached thread pool", ModelCheck.infer(e));
    }

    @Test
    void threadsThatStayAfterTheirClientsWhileNewOnesAreStartedAreALeak() {
        List<Long> first = List.of(200L, 201L, 202L, 203L, 204L, 205L, 206L, 207L);
        List<Long> all = new ArrayList<>(first);
        for (long t = 300; t < 316; t++) {
            all.add(t);
        }
        Evidence e = run(8, 16, (w, i) -> w == 0 ? 200L + i : 300L + i, w -> w < 0 ? List.of() : w == 0 ? first : all,
                JVM);
        Verdict threads = new ThreadsCheck().judge(e);
        assertEquals(Status.FAIL, threads.status(), threads.toString());
        assertTrue(threads.summary().startsWith("8 threads outlived their clients"), threads.summary());
        assertEquals("thread per client", ModelCheck.infer(e));
    }

    @Test
    void aThreadPerClientEndsWithItsClientAndTheRuntimesThreadsCountForNothing() {
        Evidence e = run(8, 16, (w, i) -> 200L + 100L * w + i, w -> List.of(), JVM);
        Verdict threads = new ThreadsCheck().judge(e);
        assertEquals(Status.PASS, threads.status(), threads.toString());
        assertTrue(threads.evidence().stream().anyMatch(l -> l.contains("GC Thread#0")), threads.toString());
        assertEquals("thread per client", ModelCheck.infer(e));
    }

    @Test
    void aLauncherIsSeenThroughTheServerIsTheProcessThatListens() {
        ProcessSnapshot sh = new ProcessSnapshot(50, 1, "sh ./run.sh 7707", 'S', 1 << 20, 0, 3, List.of(
                new ThreadSnapshot(50, "sh", 'S', WaitKind.WAIT_CHILD, -1, 0)), List.of());
        ProcessSnapshot server = server(SERVER, 50, List.of(main()), List.of(listener()));
        ServerRoles roles = ServerRoles.of(new TreeSnapshot(0, 50, List.of(sh, server)), PORT);
        assertEquals(SERVER, roles.serverPid());
        assertEquals(List.of("50 sh ./run.sh 7707"), roles.launchers());
    }

    @Test
    void aPreforkedServersParentIsTheServerEvenWhenOnlyItsChildrenHoldTheListeningSocket() {
        List<ProcessSnapshot> tree = new ArrayList<>();
        tree.add(server(SERVER, 1, List.of(new ThreadSnapshot(SERVER, "server", 'S', WaitKind.WAIT_CHILD, -1, 0)),
                List.of()));
        for (long c = 101; c <= 104; c++) {
            tree.add(server(c, SERVER, List.of(new ThreadSnapshot(c, "server", 'S', WaitKind.ACCEPT, 3, 0)),
                    List.of(listener())));
        }
        assertEquals(SERVER, ServerRoles.of(new TreeSnapshot(0, SERVER, tree), PORT).serverPid());
    }

    private static ProcessSnapshot child(long pid, int clientPort) {
        return new ProcessSnapshot(pid, SERVER, "./server 7707", 'S', 1 << 20, 0, 4,
                List.of(new ThreadSnapshot(pid, "server", 'S', WaitKind.READ, 4, 0)), List.of(client(4, clientPort)));
    }

    /** A wave of four clients, of which the readings saw {@code seen}: each is held by a child, or by the server. */
    private Verdict processes(Map<Integer, Long> seen) {
        ProcessSnapshot alone = server(SERVER, 1, List.of(main()), List.of(listener()));
        moment(alone);
        long start = now;
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            ports.put("client-" + i, port(0, i));
        }
        for (Map.Entry<Integer, Long> held : seen.entrySet()) {
            int port = port(0, held.getKey());
            if (held.getValue() == SERVER) {
                moment(server(SERVER, 1, List.of(main(), reading(SERVER + 1, 10)), List.of(listener(), client(10, port))));
            } else {
                moment(alone, child(held.getValue(), port));
            }
        }
        moment(alone);
        Evidence.State state = state(List.of(), List.of());
        Evidence.Wave wave = new Evidence.Wave(4, start, ports, 4, state);
        Evidence e = evidence(new Evidence.Waves(SERVER, state, List.of(wave), Recording.of(SERVER, PORT, readings)),
                List.of());
        return new ProcessesCheck().judge(e);
    }

    /**
     * On a loaded machine a child may serve its client and end between two readings: a connection
     * seen held by nobody is no evidence against the server (CI once failed a correct forking server
     * on four such clients), while one seen held by the server itself, and by no child, is.
     */
    @Test
    void aForkingServerIsJudgedOnTheConnectionsSeenNotOnOnesThatCameAndWentBetweenReadings() {
        Verdict twoUnseen = processes(Map.of(0, 200L, 1, 201L));
        assertEquals(Status.PASS, twoUnseen.status(), twoUnseen.toString());
        assertEquals("Each of the 2 clients seen was served by a child process of its own.", twoUnseen.summary());
        assertTrue(twoUnseen.evidence().contains(
                "not seen held by any process (each came and went between two samples): client-2, client-3"),
                twoUnseen.evidence().toString());

        readings.clear();
        Verdict oneInTheServer = processes(Map.of(0, 200L, 1, 201L, 2, SERVER));
        assertEquals(Status.FAIL, oneInTheServer.status(), oneInTheServer.toString());
        assertTrue(oneInTheServer.summary().startsWith("Not every client was served by a child of its own: client-2."),
                oneInTheServer.summary());

    }
}
