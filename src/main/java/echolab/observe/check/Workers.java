package echolab.observe.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import echolab.observe.Recording;

/**
 * Who served whom, wave after wave: the server's threads that were seen serving a client (blocked
 * in a read or write on its connection) and what became of them. A pool's threads serve one
 * client after another; a thread per client serves one and ends; a leaked thread serves one, then
 * stays while new threads are started for the next clients. Threads that serve no client are the
 * runtime's (a JVM's collector and compilers, libuv's pool, Go's scheduler threads) and count as
 * neither.
 *
 * @param workers     the threads seen serving a client
 * @param reused      workers that served more than one client
 * @param leaked      workers that outlived their clients and never served again, although new
 *                    threads were started for later clients
 * @param alive       workers still alive when the last wave had left
 * @param others      the server's threads that served no client, by name, with how many
 * @param threadsPerWave threads of the server, runtime ones by name left out, before the first wave
 *                    and after each wave left
 */
record Workers(List<Recording.ThreadLife> workers, List<Recording.ThreadLife> reused,
               List<Recording.ThreadLife> leaked, List<Recording.ThreadLife> alive, Map<String, Integer> others,
               List<Integer> threadsPerWave) {

    static Workers of(Evidence.Waves waves) {
        Recording r = waves.recording();
        long end = r.last() == null ? Long.MAX_VALUE : r.last().nanos();
        Map<Integer, Integer> waveOf = new HashMap<>();
        for (int i = 0; i < waves.waves().size(); i++) {
            for (int port : waves.waves().get(i).ports().values()) {
                waveOf.put(port, i);
            }
        }
        List<Recording.ThreadLife> lives = r.threadLives().stream().filter(t -> t.pid() == waves.serverPid()).toList();
        List<Recording.ThreadLife> workers = new ArrayList<>();
        List<Recording.ThreadLife> reused = new ArrayList<>();
        List<Recording.ThreadLife> alive = new ArrayList<>();
        Map<String, Integer> others = new java.util.TreeMap<>();
        Map<Long, String> nameOf = new HashMap<>();
        for (Recording.ThreadLife t : lives) {
            nameOf.put(t.tid(), t.name());
            Set<Integer> served = new TreeSet<>(t.served());
            served.retainAll(waveOf.keySet());
            if (served.isEmpty()) {
                others.merge(t.name(), 1, Integer::sum);
                continue;
            }
            workers.add(t);
            if (served.size() >= 2) {
                reused.add(t);
            }
            if (t.lastNanos() >= end) {
                alive.add(t);
            }
        }
        List<Recording.ThreadLife> leaked = new ArrayList<>();
        for (Recording.ThreadLife t : alive) {
            int lastWave = t.served().stream().filter(waveOf::containsKey).mapToInt(waveOf::get).max().orElse(-1);
            if (lastWave < 0 || lastWave + 1 >= waves.waves().size()) {
                continue;
            }
            long laterStart = waves.waves().get(lastWave + 1).startNanos();
            boolean newThreadsLater = workers.stream().anyMatch(w -> w.firstNanos() >= laterStart);
            if (newThreadsLater) {
                leaked.add(t);
            }
        }
        List<Integer> perWave = new ArrayList<>();
        perWave.add(ownThreads(waves.before(), nameOf));
        waves.waves().forEach(w -> perWave.add(ownThreads(w.after(), nameOf)));
        return new Workers(workers, reused, leaked, alive, others, perWave);
    }

    /** The server's threads in {@code state}, those a runtime names as its own left out. */
    private static int ownThreads(Evidence.State state, Map<Long, String> nameOf) {
        int n = 0;
        for (long tid : state.threads()) {
            if (!RuntimeThreads.isRuntime(nameOf.getOrDefault(tid, ""))) {
                n++;
            }
        }
        return n;
    }

    /** Whether serving threads were seen at all: on systems that say what a thread waits in, for blocking servers. */
    boolean visible() {
        return !workers.isEmpty();
    }

    /**
     * Whether workers were started during a later wave while earlier workers served again, and more of
     * them than the first wave had clients: a pool that grows with its work, without a bound (a cached
     * pool serves the wave of 16 with 16). A pool that starts its threads lazily up to a bound starts
     * its last ones in the second wave whenever the first wave's clients did not all overlap (on a
     * loaded machine a client may arrive after another left), but never more than its bound: 8 for a
     * pool of 8, which the first wave of 8 could already have needed.
     */
    boolean grewForLaterWaves(Evidence.Waves waves) {
        if (waves.waves().size() < 2 || reused.isEmpty() || workers.size() <= waves.waves().get(0).size()) {
            return false;
        }
        long later = waves.waves().get(1).startNanos();
        return workers.stream().anyMatch(t -> t.firstNanos() >= later);
    }

    /** The most workers alive at one moment of the recording, as far as their first and last sightings say. */
    int mostAtOnce() {
        int most = 0;
        for (Recording.ThreadLife t : workers) {
            int n = 0;
            for (Recording.ThreadLife u : workers) {
                if (u.firstNanos() <= t.firstNanos() && u.lastNanos() >= t.firstNanos()) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    /**
     * Without serving threads in sight (an event loop, goroutines, virtual threads), a leak still
     * shows as threads that grow with every wave by about the wave's size and never come back.
     */
    boolean growsWithEveryWave(List<Integer> sizes) {
        if (threadsPerWave.size() < 2) {
            return false;
        }
        for (int i = 1; i < threadsPerWave.size(); i++) {
            int grew = threadsPerWave.get(i) - threadsPerWave.get(i - 1);
            if (grew < sizes.get(i - 1) / 2) {
                return false;
            }
        }
        return true;
    }

    /** The runtime's threads (and any other that served no client), for the evidence: {@code 12 (GC Thread#0, ...)}. */
    String othersInWords() {
        int total = others.values().stream().mapToInt(Integer::intValue).sum();
        List<String> names = new ArrayList<>();
        others.forEach((name, n) -> names.add(n == 1 ? name : name + " ×" + n));
        return total + (names.isEmpty() ? "" : " (" + Figures.names(names) + ")");
    }
}
