package echolab.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import echolab.events.Event;

/**
 * A run's figures that the server's running totals do not keep: folded from the run's events
 * (each client's connect, write and first echo; the echo latencies; the pool's queue; the
 * contended lock's waits; a student server's children and zombies). Threading: one thread.
 */
final class RunBooks {

    /** One client's moments, by its name. */
    private static final class ClientMoments {
        long connecting = -1;
        long connectNanos = -1;
        long connected = -1;
        long firstWrite = -1;
        long firstEcho = -1;
        long finished = -1;
        int echoes;
    }

    private final Map<String, ClientMoments> clients = new HashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private long roundTripMax;
    private int maxQueue;
    private long spawnMicros;
    private int spawns;
    private final Map<String, Long> lockLongest = new HashMap<>();
    private final Map<String, Long> lockTakes = new HashMap<>();
    private long firstConnect = Long.MAX_VALUE;
    private long lastFinish = Long.MIN_VALUE;
    // a student server's tree
    private long root = -1;
    private final Set<Long> children = new HashSet<>();
    private final Set<Long> zombies = new HashSet<>();
    private int peakZombies;
    private int childrenReaped;

    void rootPid(long pid) {
        root = pid;
    }

    void accept(Event e) {
        if (e instanceof Event.ClientConnecting c) {
            ClientMoments m = moments(c.client());
            if (m.connecting < 0) {
                m.connecting = c.nanos();
                firstConnect = Math.min(firstConnect, c.nanos());
            }
        } else if (e instanceof Event.ClientConnectReturned c) {
            ClientMoments m = moments(c.client());
            m.connectNanos = c.connectNanos();
            m.connected = c.nanos();
        } else if (e instanceof Event.ClientWriteReturned w) {
            ClientMoments m = moments(w.client());
            if (m.firstWrite < 0) {
                m.firstWrite = w.nanos();
            }
        } else if (e instanceof Event.ClientEchoReceived r) {
            ClientMoments m = moments(r.client());
            if (m.firstEcho < 0) {
                m.firstEcho = r.nanos();
            }
            if (r.matched()) {
                m.echoes++;
            }
            roundTripMax = Math.max(roundTripMax, r.roundTripNanos());
        } else if (e instanceof Event.ClientFinished f) {
            moments(f.client()).finished = f.nanos();
            lastFinish = Math.max(lastFinish, f.nanos());
        } else if (e instanceof Event.LineEchoed l) {
            if (latencies.size() < 1_000_000) {
                latencies.add(l.latencyNanos());
            }
        } else if (e instanceof Event.Queued q) {
            maxQueue = Math.max(maxQueue, q.queueLength());
        } else if (e instanceof Event.ProcessReady p) {
            spawnMicros += p.spawnMicros();
            spawns++;
        } else if (e instanceof Event.ResourceWaiting w && "lock".equals(w.resource())) {
            lockTakes.putIfAbsent(w.workerId(), 0L);
        } else if (e instanceof Event.ResourceHeld h && "lock".equals(h.resource())) {
            lockTakes.merge(h.workerId(), 1L, Long::sum);
            lockLongest.merge(h.workerId(), h.waitedNanos(), Math::max);
        } else if (e instanceof Event.ObservedProcessAppeared a && root >= 0 && a.pid() != root) {
            children.add(a.pid());
        } else if (e instanceof Event.ObservedProcessZombie z && (children.contains(z.pid()) || z.ppid() == root)) {
            zombies.add(z.pid());
            peakZombies = Math.max(peakZombies, zombies.size());
        } else if (e instanceof Event.ObservedProcessReaped r && children.contains(r.pid())) {
            zombies.remove(r.pid());
            childrenReaped++;
        }
    }

    private ClientMoments moments(String client) {
        return clients.computeIfAbsent(client, k -> new ClientMoments());
    }

    /**
     * The figures of the embedded server's run that come from events, {@code order} naming its
     * clients in start order; the contended lock's longest wait is that of the workers other than
     * {@code greedy}, the one that takes the lock again and again.
     */
    Map<String, Double> runFigures(List<String> order, String greedy) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("elapsedMillis", firstConnect == Long.MAX_VALUE || lastFinish == Long.MIN_VALUE ? Double.NaN
                : Math.max(0, lastFinish - firstConnect) / 1e6);
        f.put("latencyP50Micros", percentile(0.5) / 1e3);
        f.put("latencyMaxMicros", percentile(1.0) / 1e3);
        f.put("roundTripMaxMillis", roundTripMax / 1e6);
        f.put("maxQueue", (double) maxQueue);
        f.put("averageSpawnMillis", spawns == 0 ? Double.NaN : spawnMicros / 1e3 / spawns);
        if (!lockTakes.isEmpty()) {
            long longest = lockLongest.entrySet().stream().filter(e -> !e.getKey().equals(greedy))
                    .mapToLong(Map.Entry::getValue).max().orElse(0);
            f.put("longestWaitMs", longest / 1e6);
            f.put("fewestAcquisitions", (double) Collections.min(lockTakes.values()));
            f.put("mostAcquisitions", (double) Collections.max(lockTakes.values()));
        }
        for (int i = 0; i < order.size(); i++) {
            ClientMoments m = clients.get(order.get(i));
            String p = "client" + (i + 1) + ".";
            if (m == null) {
                continue;
            }
            f.put(p + "connectMillis", m.connectNanos < 0 ? Double.NaN : m.connectNanos / 1e6);
            f.put(p + "writeMillis", m.firstWrite < 0 || m.connected < 0 ? Double.NaN : (m.firstWrite - m.connected) / 1e6);
            f.put(p + "firstEchoMillis", m.firstEcho < 0 || m.connecting < 0 ? Double.NaN : (m.firstEcho - m.connecting) / 1e6);
            f.put(p + "echoes", (double) m.echoes);
        }
        return f;
    }

    /** The student server's children that are zombies now: ended, and not yet reaped. */
    int zombiesNow() {
        return zombies.size();
    }

    /** A student run's figures: its children, reaped or not, and the zombies at their most. */
    Map<String, Double> studentFigures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("childrenForked", (double) children.size());
        f.put("childrenReaped", (double) childrenReaped);
        f.put("peakZombies", (double) peakZombies);
        return f;
    }

    private double percentile(double q) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i));
    }
}
