package echolab.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * Turns successive readings of an observed tree into events: a process appeared, became a zombie,
 * was reaped; a thread appeared, waits in something else now, ended; a process's descriptors
 * changed; a client's connection is held by another process or thread. Only changes are
 * published, so an idle server costs the bus nothing.
 *
 * <p>Threading: one thread (the sampler's).
 */
final class TreeChanges {

    private record ThreadKey(long pid, long tid) {}

    private record Wait(WaitKind kind, long argument, String workerId) {}

    /** Who holds a client's connection: a process, and the thread in a call on it there, or empty. */
    record Holder(long pid, String workerId) {}

    private final int serverPort;
    private final Map<Long, Character> states = new HashMap<>();
    private final Map<Long, Integer> descriptors = new HashMap<>();
    private final Map<ThreadKey, Wait> waits = new HashMap<>();
    private final Map<Integer, Holder> holders = new HashMap<>();

    TreeChanges(int serverPort) {
        this.serverPort = serverPort;
    }

    /** How lanes name an observed thread: its name and TID, e.g. {@code pool (4711)}. */
    static String workerId(ThreadSnapshot t) {
        return t.name() + " (" + t.tid() + ")";
    }

    /** The events that lead from the last reading to {@code now}, in a sensible order: births, changes, deaths. */
    List<EventBus.Stamped> next(TreeSnapshot now) {
        List<EventBus.Stamped> out = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        Set<ThreadKey> threadsPresent = new HashSet<>();
        for (ProcessSnapshot p : now.processes()) {
            present.add(p.pid());
            Character before = states.put(p.pid(), p.state());
            if (before == null) {
                out.add((s, t) -> new Event.ObservedProcessAppeared(s, t, p.pid(), p.ppid(), p.command()));
            }
            if (p.zombie() && (before == null || before != 'Z')) {
                out.add((s, t) -> new Event.ObservedProcessZombie(s, t, p.pid(), p.ppid()));
            }
            if (p.descriptors() >= 0) {
                Integer was = descriptors.put(p.pid(), p.descriptors());
                if (was == null || was != p.descriptors()) {
                    out.add((s, t) -> new Event.ObservedDescriptors(s, t, p.pid(), p.descriptors()));
                }
            }
            for (ThreadSnapshot th : p.threads()) {
                ThreadKey key = new ThreadKey(p.pid(), th.tid());
                threadsPresent.add(key);
                String id = workerId(th);
                Wait wait = new Wait(th.waitsIn(), th.argument(), id);
                Wait was = waits.put(key, wait);
                if (was == null) {
                    out.add((s, t) -> new Event.ObservedThreadAppeared(s, t, p.pid(), th.tid(), id, th.name()));
                }
                if (!wait.equals(was)) {
                    out.add((s, t) -> new Event.ObservedThreadWaits(s, t, p.pid(), th.tid(), id, wait.kind().name(),
                            wait.argument()));
                }
            }
        }
        Map<Integer, Holder> held = holdersIn(now);
        for (Map.Entry<Integer, Holder> e : held.entrySet()) {
            if (!e.getValue().equals(holders.get(e.getKey()))) {
                int port = e.getKey();
                Holder h = e.getValue();
                out.add((s, t) -> new Event.ObservedConnectionHeld(s, t, port, h.pid(), h.workerId()));
            }
        }
        for (Integer port : holders.keySet()) {
            if (!held.containsKey(port)) {
                out.add((s, t) -> new Event.ObservedConnectionReleased(s, t, port));
            }
        }
        holders.clear();
        holders.putAll(held);
        for (ThreadKey key : List.copyOf(waits.keySet())) {
            if (!threadsPresent.contains(key)) {
                Wait gone = waits.remove(key);
                if (gone != null) {
                    out.add((s, t) -> new Event.ObservedThreadEnded(s, t, key.pid(), key.tid(), gone.workerId()));
                }
            }
        }
        for (Long pid : List.copyOf(states.keySet())) {
            if (!present.contains(pid)) {
                boolean wasZombie = states.remove(pid) == 'Z';
                descriptors.remove(pid);
                out.add((s, t) -> new Event.ObservedProcessReaped(s, t, pid, wasZombie));
            }
        }
        return out;
    }

    /**
     * For each client (by its local port), who holds its connection now. Where several processes
     * hold it (a parent that kept its copy, say), the one with a thread in a call on it wins, then
     * a child over the root, since that is who serves the client.
     */
    Map<Integer, Holder> holdersIn(TreeSnapshot tree) {
        Map<Integer, Holder> held = new HashMap<>();
        Map<Integer, Integer> rank = new HashMap<>();
        for (ProcessSnapshot p : tree.processes()) {
            for (SocketEnd s : p.sockets()) {
                if (s.listening() || s.localPort() != serverPort) {
                    continue;
                }
                String worker = "";
                for (ThreadSnapshot th : p.threads()) {
                    if (th.argument() == s.fd() && (th.waitsIn() == WaitKind.READ || th.waitsIn() == WaitKind.WRITE)) {
                        worker = workerId(th);
                        break;
                    }
                }
                if (worker.isEmpty() && p.threads().size() == 1) {
                    worker = workerId(p.threads().get(0)); // a process of one thread serves with it
                }
                int score = (worker.isEmpty() ? 0 : 2) + (p.pid() == tree.rootPid() ? 0 : 1);
                Integer best = rank.get(s.remotePort());
                if (best == null || score > best) {
                    rank.put(s.remotePort(), score);
                    held.put(s.remotePort(), new Holder(p.pid(), worker));
                }
            }
        }
        return held;
    }
}
