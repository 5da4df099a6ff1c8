package echolab.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the sampler saw of the tree between {@link TreeSampler#record()} and {@link #stop()}: peaks,
 * which processes and threads held each client's connection, which children were ever seen, which
 * of them went back to {@code accept}, and the first and last readings (for CPU over the span).
 *
 * <p>Threading: the sampler's thread adds; the reading methods may be called from any thread once
 * {@link #stop()} returned (they are synchronized, so also before).
 */
public final class Recording {

    private final TreeSampler sampler;
    private final long rootPid;
    private final int serverPort;
    private TreeSnapshot first;
    private TreeSnapshot last;
    private int samples;
    private int peakProcesses;
    private int peakZombies;
    private int peakThreads;
    private int peakRootThreads;
    private final Map<Integer, Set<Long>> holders = new TreeMap<>();
    private final Map<Integer, Set<String>> servingThreads = new TreeMap<>();
    private final Set<Long> children = new LinkedHashSet<>();
    private final Set<Long> childrenInAccept = new TreeSet<>();
    private final Map<Long, ThreadLife> threadLives = new LinkedHashMap<>();
    private final Map<Long, ProcessLife> processLives = new LinkedHashMap<>();

    /**
     * One thread as the recording saw it: when it was first and last seen, and the clients (by
     * their local port) it was seen serving, that is blocked in a read or write on their connection.
     */
    public record ThreadLife(long pid, long tid, String name, long firstNanos, long lastNanos, Set<Integer> served) {}

    /** One process as the recording saw it: its parent, when first and last seen, whether it ever waited in accept. */
    public record ProcessLife(long pid, long ppid, String command, long firstNanos, long lastNanos, boolean accepted,
                              boolean heldListener) {}

    Recording(TreeSampler sampler, long rootPid, int serverPort) {
        this.sampler = sampler;
        this.rootPid = rootPid;
        this.serverPort = serverPort;
    }

    synchronized void add(TreeSnapshot tree) {
        if (first == null) {
            first = tree;
        }
        last = tree;
        samples++;
        int processes = 0;
        int zombiesNow = 0;
        int threads = 0;
        for (ProcessSnapshot p : tree.processes()) {
            life(p, tree.nanos());
            if (p.zombie()) {
                zombiesNow++;
            } else {
                processes++;
            }
            threads += p.threads().size();
            if (p.pid() == rootPid) {
                peakRootThreads = Math.max(peakRootThreads, p.threads().size());
            } else {
                children.add(p.pid());
                if (p.threads().stream().anyMatch(t -> t.waitsIn() == WaitKind.ACCEPT)) {
                    childrenInAccept.add(p.pid());
                }
            }
            for (SocketEnd s : p.sockets()) {
                if (s.listening() || s.localPort() != serverPort) {
                    continue;
                }
                holders.computeIfAbsent(s.remotePort(), k -> new TreeSet<>()).add(p.pid());
                for (ThreadSnapshot t : p.threads()) {
                    if (t.argument() == s.fd() && (t.waitsIn() == WaitKind.READ || t.waitsIn() == WaitKind.WRITE)) {
                        servingThreads.computeIfAbsent(s.remotePort(), k -> new TreeSet<>())
                                .add(p.pid() + "/" + t.tid());
                    }
                }
            }
        }
        peakProcesses = Math.max(peakProcesses, processes);
        peakZombies = Math.max(peakZombies, zombiesNow);
        peakThreads = Math.max(peakThreads, threads);
    }

    private void life(ProcessSnapshot p, long nanos) {
        boolean accepting = p.threads().stream().anyMatch(t -> t.waitsIn() == WaitKind.ACCEPT);
        boolean listener = p.sockets().stream().anyMatch(s -> s.listening() && s.localPort() == serverPort);
        ProcessLife was = processLives.get(p.pid());
        if (!p.zombie()) {
            processLives.put(p.pid(), was == null
                    ? new ProcessLife(p.pid(), p.ppid(), p.command(), nanos, nanos, accepting, listener)
                    : new ProcessLife(p.pid(), p.ppid(), was.command(), was.firstNanos(), nanos,
                    was.accepted() || accepting, was.heldListener() || listener));
        }
        Map<Integer, Integer> portOfFd = new java.util.HashMap<>();
        for (SocketEnd s : p.sockets()) {
            if (!s.listening() && s.localPort() == serverPort) {
                portOfFd.put(s.fd(), s.remotePort());
            }
        }
        for (ThreadSnapshot t : p.threads()) {
            ThreadLife old = threadLives.get(t.tid());
            Set<Integer> served = old == null ? new TreeSet<>() : old.served();
            if ((t.waitsIn() == WaitKind.READ || t.waitsIn() == WaitKind.WRITE) && t.argument() >= 0) {
                Integer port = portOfFd.get((int) t.argument());
                if (port != null) {
                    served.add(port);
                }
            }
            threadLives.put(t.tid(), new ThreadLife(p.pid(), t.tid(), t.name(),
                    old == null ? nanos : old.firstNanos(), nanos, served));
        }
    }

    /** Every thread seen, in order of first sight; {@link ThreadLife#served()} is a copy. */
    public synchronized List<ThreadLife> threadLives() {
        List<ThreadLife> all = new ArrayList<>();
        threadLives.values().forEach(t -> all.add(new ThreadLife(t.pid(), t.tid(), t.name(), t.firstNanos(),
                t.lastNanos(), Set.copyOf(t.served()))));
        return all;
    }

    /** Every live process seen, in order of first sight. */
    public synchronized List<ProcessLife> processLives() {
        return new ArrayList<>(processLives.values());
    }

    /**
     * A recording of readings taken before: what a sampler would have recorded had it read them, for
     * a replay and for judging readings written down by hand.
     */
    public static Recording of(long rootPid, int serverPort, List<TreeSnapshot> readings) {
        Recording r = new Recording(null, rootPid, serverPort);
        readings.forEach(r::add);
        return r;
    }

    /** Stops adding readings; returns this. */
    public Recording stop() {
        if (sampler != null) {
            sampler.forget(this);
        }
        return this;
    }

    public synchronized int samples() {
        return samples;
    }

    public synchronized TreeSnapshot first() {
        return first;
    }

    public synchronized TreeSnapshot last() {
        return last;
    }

    /** Most live (not zombie) processes at once, the root included. */
    public synchronized int peakProcesses() {
        return peakProcesses;
    }

    public synchronized int peakZombies() {
        return peakZombies;
    }

    /** Most threads at once, all processes of the tree together. */
    public synchronized int peakThreads() {
        return peakThreads;
    }

    public synchronized int peakRootThreads() {
        return peakRootThreads;
    }

    /** For each client's local port, the PIDs that held its connection at some reading. */
    public synchronized Map<Integer, Set<Long>> holders() {
        Map<Integer, Set<Long>> copy = new TreeMap<>();
        holders.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    /** For each client's local port, the threads ({@code pid/tid}) seen in a read or write on it. */
    public synchronized Map<Integer, Set<String>> servingThreads() {
        Map<Integer, Set<String>> copy = new TreeMap<>();
        servingThreads.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    /** Every child (any descendant but the root) seen, in order of first sight. */
    public synchronized Set<Long> children() {
        return new LinkedHashSet<>(children);
    }

    /** Children seen with a thread blocked in {@code accept}: servers of their own. */
    public synchronized Set<Long> childrenInAccept() {
        return new TreeSet<>(childrenInAccept);
    }

    /** Whether a child process of the tree ever held a client's connection. */
    public synchronized boolean childHeldAConnection() {
        return holders.values().stream().anyMatch(pids -> pids.stream().anyMatch(p -> p != rootPid));
    }
}
