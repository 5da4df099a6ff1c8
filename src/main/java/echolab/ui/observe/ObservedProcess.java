package echolab.ui.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import echolab.observe.WaitKind;

/**
 * One process of the observed tree: the student's program or a child it forked. Its threads, the
 * clients it holds without a thread in a call on them, whether it is a zombie, and its open
 * descriptors: now, when first seen, and the most so far, so a leak shows as a growing figure.
 *
 * <p>Threading: FX thread only (it belongs to {@link ObservedTreeModel}).
 */
public final class ObservedProcess {

    /**
     * A thread's lane as it was when its process ended: a zombie or a crashed program is drawn with
     * the lanes it had then, which the tree keeps so that the drawing is the same however the
     * events were folded (live frame by frame, or again from a checkpoint).
     */
    public record Lane(long tid, String workerId, WaitKind waitsIn, long argument, List<String> clients) {
        public Lane {
            clients = List.copyOf(clients);
        }
    }

    private final long pid;
    private final long ppid;
    private final String command;
    private final boolean root;
    private boolean zombie;
    private String crash = "";
    private int crashSignal;
    private int descriptors = -1;
    private int firstDescriptors = -1;
    private int peakDescriptors = -1;
    final Map<Long, ObservedThread> threads = new LinkedHashMap<>();
    final List<HeldClient> clients = new ArrayList<>();
    private List<Lane> endedLanes = List.of();

    ObservedProcess(long pid, long ppid, String command, boolean root) {
        this.pid = pid;
        this.ppid = ppid;
        this.command = command;
        this.root = root;
    }

    public long pid() {
        return pid;
    }

    public long ppid() {
        return ppid;
    }

    public String command() {
        return command;
    }

    /** Whether this is the program EchoLab started, rather than a process it forked. */
    public boolean root() {
        return root;
    }

    /** Ended, and not reaped by its parent yet: a zombie keeps its entry in the process table. */
    public boolean zombie() {
        return zombie;
    }

    /** Open descriptors now, or -1 where the system does not say. */
    public int descriptors() {
        return descriptors;
    }

    /** Open descriptors when first counted, or -1. */
    public int firstDescriptors() {
        return firstDescriptors;
    }

    /** The most open descriptors counted at once, or -1. */
    public int peakDescriptors() {
        return peakDescriptors;
    }

    /** Its threads, in the order they appeared (the main thread first). */
    public List<ObservedThread> threads() {
        return List.copyOf(threads.values());
    }

    public ObservedThread thread(long tid) {
        return threads.get(tid);
    }

    /** Clients whose connection this process holds with no thread in a call on it right now. */
    public List<HeldClient> clients() {
        return List.copyOf(clients);
    }

    /** Every client held here, in a thread's call or not. */
    public int clientCount() {
        int n = clients.size();
        for (ObservedThread t : threads.values()) {
            n += t.clients.size();
        }
        return n;
    }

    /** A node id: {@code observed-process-PID}. */
    public String nodeId() {
        return "observed-process-" + pid;
    }

    /** How the program died, when a signal ended it: "crashed: SIGSEGV (signal 11)"; else empty. */
    public String crash() {
        return crash;
    }

    /** The signal it died of, 0 when it did not crash. */
    public int crashSignal() {
        return crashSignal;
    }

    /** Drawn as ended: a zombie, or the program after a crash. */
    public boolean ended() {
        return zombie || !crash.isEmpty();
    }

    /** The lanes it had when it ended (a zombie, or the program after a crash); empty while it runs. */
    public List<Lane> endedLanes() {
        return endedLanes;
    }

    /** Keeps its threads' lanes as they are now, for drawing it ended. */
    void endLanes() {
        endedLanes = lanes(this);
    }

    void endedLanes(List<Lane> lanes) {
        endedLanes = List.copyOf(lanes);
    }

    static List<Lane> lanes(ObservedProcess p) {
        List<Lane> lanes = new ArrayList<>();
        for (ObservedThread t : p.threads.values()) {
            lanes.add(new Lane(t.tid(), t.workerId(), t.waitsIn(), t.argument(),
                    t.clients.stream().map(HeldClient::name).toList()));
        }
        return lanes;
    }

    /** Puts back the descriptor counts of a checkpoint. */
    void descriptors(int now, int first, int peak) {
        descriptors = now;
        firstDescriptors = first;
        peakDescriptors = peak;
    }

    void crash(String how, int signal) {
        crash = how;
        crashSignal = signal;
    }

    void zombie(boolean on) {
        zombie = on;
    }

    void descriptors(int count) {
        descriptors = count;
        if (firstDescriptors < 0) {
            firstDescriptors = count;
        }
        peakDescriptors = Math.max(peakDescriptors, count);
    }
}
