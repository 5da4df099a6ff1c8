package echolab.ui.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import echolab.events.Event;
import echolab.observe.StudentServer;
import echolab.observe.WaitKind;

/**
 * The student's server as the "Your server" tab draws it, folded from the bus: its processes (the
 * program and the children it forks, zombies until they are reaped), each process's threads and
 * what each waits in, open descriptors, which process and thread holds each client's connection,
 * and the program's last {@value #OUTPUT_KEPT} lines of output.
 *
 * <p>Plain Java collections and a {@link #revision()} that moves on every change, so the view
 * redraws only when something changed, and tests fold events without a toolkit. The time machine
 * keeps it as a value ({@link #snapshot()}, {@link ObservedTreeState}) and puts it back
 * ({@link #restore}).
 *
 * <p>Threading: one thread (the FX thread in the window).
 */
public final class ObservedTreeModel {

    /** Lines of the program's output kept for the output pane. */
    public static final int OUTPUT_KEPT = 500;
    /** Clients' names remembered by local port; a client that never finished is forgotten past this. */
    static final int NAMES_KEPT = 4096;

    /** A client EchoLab started, as its own events tell. */
    private record Known(String name, HeldClient.Stage stage) {}

    private final Map<Long, ObservedProcess> processes = new LinkedHashMap<>();
    private final Map<Integer, HeldClient> held = new HashMap<>();
    private final Map<Integer, Known> known = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Known> eldest) {
            return size() > NAMES_KEPT;
        }
    };
    private final ArrayDeque<OutputLine> output = new ArrayDeque<>();
    private final ObservedDiagramModel drawn = new ObservedDiagramModel();
    private long outputNumber;
    private long revision;
    private long serverPid = -1;
    private int port;
    private String command = "";
    private boolean running;
    private String stopReason = "";
    private String crash = "";
    private int reaped;
    private int zombiesReaped;

    // Folding

    /** Folds one event; returns whether anything drawn changed. Events of no concern here are ignored. */
    public boolean apply(Event e) {
        boolean changed = fold(e);
        if (changed) {
            revision++;
        }
        return changed;
    }

    private boolean fold(Event e) {
        if (e instanceof Event.ObservedServerStarted s) {
            processes.clear();
            detachAll();
            serverPid = s.pid();
            port = s.port();
            command = s.command();
            running = true;
            stopReason = "";
            crash = "";
            reaped = 0;
            zombiesReaped = 0;
            line(s.pid(), OutputLine.ECHOLAB, "▶ PID " + s.pid() + " listens on 127.0.0.1:" + s.port() + ": " + s.command());
            return true;
        } else if (e instanceof Event.ObservedServerStopped s) {
            if (s.pid() != serverPid || !running) {
                return false; // the second word on the same end (the sampler's, then the stop's)
            }
            running = false;
            stopReason = s.reason();
            ObservedProcess was = processes.get(serverPid);
            processes.clear();
            detachAll();
            crash = crashIn(s.reason());
            if (!crash.isEmpty()) { // the program's box stays, saying how it died, until the next start
                ObservedProcess ghost = new ObservedProcess(s.pid(), was == null ? -1 : was.ppid(),
                        was == null ? command : was.command(), true);
                ghost.crash(crash, crashSignal(crash));
                ghost.endedLanes(was == null ? List.of() : was.ended() ? was.endedLanes() : ObservedProcess.lanes(was));
                processes.put(s.pid(), ghost);
            }
            line(s.pid(), OutputLine.ECHOLAB, "■ PID " + s.pid() + ": " + s.reason());
            return true;
        } else if (e instanceof Event.ObservedOutput s) {
            line(s.pid(), s.stream(), s.line());
            return true;
        } else if (e instanceof Event.ObservedProcessAppeared s) {
            ObservedProcess p = processes.get(s.pid());
            if (p != null && !p.command().isEmpty()) {
                return false;
            }
            ObservedProcess fresh = new ObservedProcess(s.pid(), s.ppid(), s.command(), s.pid() == serverPid);
            if (p != null) { // a placeholder made for a thread that was heard of first
                fresh.threads.putAll(p.threads);
                fresh.clients.addAll(p.clients);
                if (p.descriptors() >= 0) {
                    fresh.descriptors(p.descriptors());
                }
            }
            processes.put(s.pid(), fresh);
            return true;
        } else if (e instanceof Event.ObservedProcessZombie s) {
            ObservedProcess p = processes.get(s.pid());
            if (p == null || p.zombie()) {
                return false;
            }
            p.zombie(true);
            p.endLanes();
            return true;
        } else if (e instanceof Event.ObservedProcessReaped s) {
            ObservedProcess p = processes.remove(s.pid());
            if (p == null) {
                return false;
            }
            reaped++;
            if (s.wasZombie() || p.zombie()) {
                zombiesReaped++;
            }
            held.values().removeIf(c -> c.pid() == s.pid());
            return true;
        } else if (e instanceof Event.ObservedThreadAppeared s) {
            ObservedProcess p = process(s.pid());
            if (p.threads.containsKey(s.tid())) {
                return false;
            }
            p.threads.put(s.tid(), new ObservedThread(s.pid(), s.tid(), s.name(), s.workerId()));
            return true;
        } else if (e instanceof Event.ObservedThreadWaits s) {
            ObservedProcess p = process(s.pid());
            ObservedThread t = p.threads.computeIfAbsent(s.tid(),
                    tid -> new ObservedThread(s.pid(), tid, nameOf(s.workerId()), s.workerId()));
            t.waits(waitKind(s.waitsIn()), s.argument());
            return true;
        } else if (e instanceof Event.ObservedThreadEnded s) {
            ObservedProcess p = processes.get(s.pid());
            ObservedThread t = p == null ? null : p.threads.remove(s.tid());
            if (t == null) {
                return false;
            }
            p.clients.addAll(t.clients); // the process still holds them until the sampler says otherwise
            return true;
        } else if (e instanceof Event.ObservedDescriptors s) {
            ObservedProcess p = processes.get(s.pid());
            if (p == null) {
                return false;
            }
            p.descriptors(s.descriptors());
            return true;
        } else if (e instanceof Event.ObservedConnectionHeld s) {
            HeldClient c = held.get(s.clientPort());
            if (c == null) {
                Known k = known.get(s.clientPort());
                c = new HeldClient(s.clientPort(), k == null ? "port " + s.clientPort() : k.name(), s.pid(), s.workerId(),
                        k == null ? HeldClient.Stage.TALKING : k.stage());
                held.put(s.clientPort(), c);
            } else {
                detach(c);
            }
            c.holder(s.pid(), s.workerId());
            attach(c);
            return true;
        } else if (e instanceof Event.ObservedConnectionReleased s) {
            HeldClient c = held.remove(s.clientPort());
            if (c == null) {
                return false;
            }
            detach(c);
            return true;
        } else if (e instanceof Event.ClientConnecting s) {
            known.put(s.localPort(), new Known(s.client(), HeldClient.Stage.CONNECTING));
            HeldClient c = held.get(s.localPort());
            if (c != null) {
                c.name(s.client());
                c.stage(HeldClient.Stage.CONNECTING);
                return true;
            }
            return false;
        } else if (e instanceof Event.ClientConnectReturned s) {
            return stage(s.localPort(), HeldClient.Stage.TALKING);
        } else if (e instanceof Event.ClientFinished s) {
            boolean changed = stage(s.localPort(), HeldClient.Stage.FINISHED);
            known.remove(s.localPort());
            return changed;
        }
        return false;
    }

    private boolean stage(int localPort, HeldClient.Stage stage) {
        Known k = known.get(localPort);
        if (k != null) {
            known.put(localPort, new Known(k.name(), stage));
        }
        HeldClient c = held.get(localPort);
        if (c == null || c.stage() == stage) {
            return false;
        }
        c.stage(stage);
        return true;
    }

    /** The process {@code pid}, made as a placeholder if its own appearance has not been heard of. */
    private ObservedProcess process(long pid) {
        return processes.computeIfAbsent(pid, p -> new ObservedProcess(p, -1, "", p == serverPid));
    }

    private void attach(HeldClient c) {
        ObservedProcess p = processes.get(c.pid());
        if (p == null) {
            return; // held by a process not heard of (yet): kept, not drawn
        }
        if (!c.workerId().isEmpty()) {
            for (ObservedThread t : p.threads.values()) {
                if (t.workerId().equals(c.workerId())) {
                    t.clients.add(c);
                    return;
                }
            }
        }
        p.clients.add(c);
    }

    private void detach(HeldClient c) {
        ObservedProcess p = processes.get(c.pid());
        if (p == null) {
            return;
        }
        if (!p.clients.remove(c)) {
            for (ObservedThread t : p.threads.values()) {
                if (t.clients.remove(c)) {
                    return;
                }
            }
        }
    }

    private void detachAll() {
        held.clear();
    }

    private void line(long pid, String stream, String text) {
        output.addLast(new OutputLine(++outputNumber, pid, stream, text));
        while (output.size() > OUTPUT_KEPT) {
            output.removeFirst();
        }
    }

    private static final java.util.regex.Pattern SIGNAL = java.util.regex.Pattern.compile("\\(signal (\\d+)\\)");

    /** "crashed: SIGSEGV (signal 11)" out of a stop's reason ("the server crashed: ..."), or empty. */
    static String crashIn(String reason) {
        int at = reason.indexOf(StudentServer.CRASHED);
        return at < 0 ? "" : reason.substring(at);
    }

    /** 11 out of "crashed: SIGSEGV (signal 11)"; 0 when it names no number. */
    static int crashSignal(String crash) {
        java.util.regex.Matcher m = SIGNAL.matcher(crash);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String nameOf(String workerId) {
        int paren = workerId.lastIndexOf(" (");
        return paren > 0 ? workerId.substring(0, paren) : workerId;
    }

    private static WaitKind waitKind(String name) {
        try {
            return WaitKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return WaitKind.UNKNOWN;
        }
    }

    // Checkpoints

    /** The tree now, as a value later events do not change: a checkpoint of the time machine. */
    public ObservedTreeState snapshot() {
        List<ObservedTreeState.ProcessValue> ps = new ArrayList<>(processes.size());
        for (ObservedProcess p : processes.values()) {
            List<ObservedTreeState.ThreadValue> ts = new ArrayList<>(p.threads.size());
            for (ObservedThread t : p.threads.values()) {
                ts.add(new ObservedTreeState.ThreadValue(t.pid(), t.tid(), t.name(), t.workerId(), t.waitsIn(),
                        t.argument(), at(t.clients)));
            }
            ps.add(new ObservedTreeState.ProcessValue(p.pid(), p.ppid(), p.command(), p.root(), p.zombie(), p.crash(),
                    p.crashSignal(), p.descriptors(), p.firstDescriptors(), p.peakDescriptors(), ts, at(p.clients),
                    p.endedLanes()));
        }
        List<ObservedTreeState.Client> hs = new ArrayList<>();
        new TreeMap<>(held).values().forEach(c -> hs.add(value(c))); // by port: a HashMap's order is its history's
        List<ObservedTreeState.Known> ks = new ArrayList<>(known.size());
        known.forEach((port, k) -> ks.add(new ObservedTreeState.Known(port, k.name(), k.stage())));
        return new ObservedTreeState(serverPid, port, command, running, stopReason, crash, reaped, zombiesReaped,
                outputNumber, ps, hs, ks, List.copyOf(output));
    }

    /**
     * Puts the tree back into {@code s}; the revision moves, so every view redraws, and the drawn
     * models are brought in step at once, on the models still there for the same PIDs, TIDs and ports.
     */
    public void restore(ObservedTreeState s) {
        serverPid = s.serverPid();
        port = s.port();
        command = s.command();
        running = s.running();
        stopReason = s.stopReason();
        crash = s.crash();
        reaped = s.reaped();
        zombiesReaped = s.zombiesReaped();
        outputNumber = s.outputNumber();
        output.clear();
        output.addAll(s.output());
        known.clear();
        s.known().forEach(k -> known.put(k.port(), new Known(k.name(), k.stage())));
        held.clear();
        s.held().forEach(c -> held.put(c.port(), client(c)));
        processes.clear();
        for (ObservedTreeState.ProcessValue pv : s.processes()) {
            ObservedProcess p = new ObservedProcess(pv.pid(), pv.ppid(), pv.command(), pv.root());
            p.zombie(pv.zombie());
            p.crash(pv.crash(), pv.crashSignal());
            p.descriptors(pv.descriptors(), pv.firstDescriptors(), pv.peakDescriptors());
            p.endedLanes(pv.endedLanes());
            for (ObservedTreeState.ThreadValue tv : pv.threads()) {
                ObservedThread t = new ObservedThread(tv.pid(), tv.tid(), tv.name(), tv.workerId());
                t.waits(tv.waitsIn(), tv.argument());
                tv.clients().forEach(c -> t.clients.add(attached(c)));
                p.threads.put(tv.tid(), t);
            }
            pv.clients().forEach(c -> p.clients.add(attached(c)));
            processes.put(pv.pid(), p);
        }
        revision++;
        drawn.sync(this);
    }

    private List<ObservedTreeState.ClientAt> at(List<HeldClient> clients) {
        List<ObservedTreeState.ClientAt> out = new ArrayList<>(clients.size());
        for (HeldClient c : clients) {
            out.add(new ObservedTreeState.ClientAt(value(c), held.get(c.port()) == c));
        }
        return out;
    }

    private static ObservedTreeState.Client value(HeldClient c) {
        return new ObservedTreeState.Client(c.port(), c.name(), c.pid(), c.workerId(), c.stage());
    }

    private static HeldClient client(ObservedTreeState.Client c) {
        return new HeldClient(c.port(), c.name(), c.pid(), c.workerId(), c.stage());
    }

    /** The held map's own object where the checkpoint says it was that one, else one of its own. */
    private HeldClient attached(ObservedTreeState.ClientAt c) {
        return c.held() ? held.get(c.client().port()) : client(c.client());
    }

    // Queries

    /**
     * The tree as the process diagram's own models (process boxes, thread lanes, client chips),
     * brought in step with it now: what the lab's diagram parts draw.
     */
    public ObservedDiagramModel drawn() {
        drawn.sync(this);
        return drawn;
    }

    /** Moves on every change, and on every {@link #restore}; the view redraws when it has moved. */
    public long revision() {
        return revision;
    }

    /** The PID of the program being watched, or -1 before the first start. */
    public long serverPid() {
        return serverPid;
    }

    public int port() {
        return port;
    }

    public String command() {
        return command;
    }

    /** Whether the program runs, as far as the events tell. */
    public boolean running() {
        return running;
    }

    /** How the last program died when a signal ended it ("crashed: SIGSEGV (signal 11)"), or empty. */
    public String crash() {
        return crash;
    }

    /** Why the last program stopped, or empty. */
    public String stopReason() {
        return stopReason;
    }

    /** The program first, then every other process in the order it appeared. */
    public List<ObservedProcess> processes() {
        List<ObservedProcess> all = new ArrayList<>(processes.size());
        ObservedProcess root = processes.get(serverPid);
        if (root != null) {
            all.add(root);
        }
        for (ObservedProcess p : processes.values()) {
            if (p != root) {
                all.add(p);
            }
        }
        return all;
    }

    public ObservedProcess process(Long pid) {
        return processes.get(pid);
    }

    /** Processes other than the program that have not ended. */
    public int childrenAlive() {
        int n = 0;
        for (ObservedProcess p : processes.values()) {
            if (p.pid() != serverPid && !p.zombie()) {
                n++;
            }
        }
        return n;
    }

    /** Processes that ended and wait to be reaped. */
    public int zombies() {
        int n = 0;
        for (ObservedProcess p : processes.values()) {
            if (p.zombie()) {
                n++;
            }
        }
        return n;
    }

    /** Processes of this run gone from the process table, and how many of them had been zombies first. */
    public int reaped() {
        return reaped;
    }

    public int zombiesReaped() {
        return zombiesReaped;
    }

    /** Threads of every process together. */
    public int threads() {
        int n = 0;
        for (ObservedProcess p : processes.values()) {
            n += p.threads.size();
        }
        return n;
    }

    /**
     * The tree in one line of figures: {@code PID 4711 · 5 children, 2 of them zombies · 7 reaped ·
     * 9 threads · 12 descriptors in the server}; empty before the first start.
     */
    public String summary() {
        if (serverPid < 0) {
            return "";
        }
        if (!running) {
            return "PID " + serverPid + (crash.isEmpty() ? " stopped" : " " + crash);
        }
        int children = processes.size() - (processes.containsKey(serverPid) ? 1 : 0);
        int zombies = zombies();
        StringBuilder sb = new StringBuilder("PID ").append(serverPid);
        sb.append(" · ").append(children).append(children == 1 ? " child" : " children");
        if (zombies > 0) {
            sb.append(", ").append(zombies).append(zombies == 1 ? " of them a zombie" : " of them zombies");
        }
        if (reaped > 0) {
            sb.append(" · ").append(reaped).append(" reaped");
        }
        int threads = threads();
        sb.append(" · ").append(threads).append(threads == 1 ? " thread" : " threads");
        ObservedProcess root = processes.get(serverPid);
        if (root != null && root.descriptors() >= 0) {
            sb.append(" · ").append(root.descriptors()).append(" descriptors open in the server");
        }
        return sb.toString();
    }

    /** Every client connection some process of the tree holds, by the client's local port. */
    public Map<Integer, HeldClient> held() {
        return Map.copyOf(held);
    }

    /** The kept output, oldest first. */
    public List<OutputLine> output() {
        return List.copyOf(output);
    }

    /** The kept lines numbered after {@code number}, oldest first: what a view showing up to it lacks. */
    public List<OutputLine> outputAfter(long number) {
        List<OutputLine> out = new ArrayList<>();
        for (var it = output.descendingIterator(); it.hasNext(); ) {
            OutputLine l = it.next();
            if (l.number() <= number) {
                break;
            }
            out.add(l);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The number of the newest line, 0 before any. */
    public long lastOutputNumber() {
        return outputNumber;
    }
}
