package echolab.ui.observe;

import java.util.ArrayList;
import java.util.List;

import echolab.observe.WaitKind;

/**
 * One thread of an observed process: its TID and name, what it waits in now, and the clients whose
 * connection it is reading or writing.
 *
 * <p>Threading: FX thread only (it belongs to {@link ObservedTreeModel}).
 */
public final class ObservedThread {

    private final long pid;
    private final long tid;
    private final String name;
    private final String workerId;
    private WaitKind waitsIn = WaitKind.UNKNOWN;
    private long argument = -1;
    final List<HeldClient> clients = new ArrayList<>();

    ObservedThread(long pid, long tid, String name, String workerId) {
        this.pid = pid;
        this.tid = tid;
        this.name = name;
        this.workerId = workerId;
    }

    public long pid() {
        return pid;
    }

    public long tid() {
        return tid;
    }

    /** The thread's name as the kernel has it ({@code comm}), e.g. {@code pool}. */
    public String name() {
        return name;
    }

    /** How the sampler names it: {@code name (TID)}. */
    public String workerId() {
        return workerId;
    }

    public WaitKind waitsIn() {
        return waitsIn;
    }

    /** The descriptor of an accept, read or write, the futex's address, else -1. */
    public long argument() {
        return argument;
    }

    /** The clients whose connection this thread is in a call on, in the order they came. */
    public List<HeldClient> clients() {
        return List.copyOf(clients);
    }

    /** A node id: {@code observed-thread-TID}. */
    public String nodeId() {
        return "observed-thread-" + tid;
    }

    void waits(WaitKind kind, long argument) {
        this.waitsIn = kind;
        this.argument = argument;
    }
}
