package echolab.observe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import echolab.base.LabThreads;
import echolab.events.Event;
import echolab.events.EventBus;

/**
 * Reads a student's server's process tree on a fixed beat (20 times a second by default) on its
 * own thread, {@code echolab-observer}, publishes what changed as events, and feeds the
 * recordings that checks ask for. It ends by itself when the program is gone; a tree that grows
 * past {@link StudentServer#MAX_PROCESSES} is taken to fork without end and is stopped.
 *
 * <p>Threading: {@link #latest}, {@link #record}, {@link #awaitSamples} and {@link #close} may be
 * called from any thread; reading the OS happens on the sampler's thread only.
 */
public final class TreeSampler implements AutoCloseable {

    public static final int DEFAULT_PER_SECOND = 20;

    private final StudentServer server;
    private final TreeReader reader;
    private final EventBus events;
    private final TreeChanges changes;
    private final long periodNanos;
    private final Thread thread;
    private final AtomicReference<TreeSnapshot> latest = new AtomicReference<>();
    private final CopyOnWriteArrayList<Recording> recordings = new CopyOnWriteArrayList<>();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private volatile boolean running = true;
    private volatile String ended = "";
    private long samples;
    private long readNanos;
    private volatile long ownCpuNanos;

    /** Starts sampling {@code server} {@code perSecond} times a second with {@code reader}. */
    public TreeSampler(StudentServer server, TreeReader reader, EventBus events, int perSecond) {
        this.server = server;
        this.reader = reader;
        this.events = events;
        this.changes = new TreeChanges(server.port());
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.thread = LabThreads.startDaemon("echolab-observer", this::loop);
    }

    /** Starts sampling {@code server} 20 times a second with the best reader of this system. */
    public static TreeSampler start(StudentServer server, EventBus events) {
        return new TreeSampler(server, TreeReader.forThisSystem(), events, DEFAULT_PER_SECOND);
    }

    /**
     * Whether this system has {@code /proc} (Linux), where a server's threads, children and zombies are
     * all seen; elsewhere less is (OSHI).
     */
    public static boolean readsProc() {
        return ProcTreeReader.available();
    }

    public TreeReader.Capabilities capabilities() {
        return reader.capabilities();
    }

    /** The newest reading, or null before the first. */
    public TreeSnapshot latest() {
        return latest.get();
    }

    /** Starts a recording of every reading from now until its {@code stop()}. */
    public Recording record() {
        Recording r = new Recording(this, server.pid(), server.port());
        recordings.add(r);
        return r;
    }

    void forget(Recording r) {
        recordings.remove(r);
    }

    /** Waits until {@code count} more readings were taken (or sampling ended); false if not within the timeout. */
    public boolean awaitSamples(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (this) {
            long target = samples + count;
            while (samples < target && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Why sampling ended by itself (the program exited, or forked without end), or empty while it runs. */
    public String ended() {
        return ended;
    }

    public boolean running() {
        return running;
    }

    /** Readings taken so far. */
    public synchronized long samples() {
        return samples;
    }

    /** Mean time one reading of the tree took, in microseconds. */
    public synchronized double meanReadMicros() {
        return samples == 0 ? 0 : readNanos / 1000.0 / samples;
    }

    /** CPU time the sampler's thread has used so far: the cost of watching. */
    public long cpuNanos() {
        return ownCpuNanos;
    }

    private void loop() {
        long next = System.nanoTime();
        boolean cpuTime = threadBean.isCurrentThreadCpuTimeSupported();
        while (running) {
            long start = System.nanoTime();
            TreeSnapshot tree = reader.read(server.pid());
            long took = System.nanoTime() - start;
            tree.processes().forEach(p -> server.remember(p.pid()));
            for (EventBus.Stamped change : changes.next(tree)) {
                events.publish(change);
            }
            for (Recording r : recordings) {
                r.add(tree);
            }
            latest.set(tree);
            if (cpuTime) {
                ownCpuNanos = threadBean.getCurrentThreadCpuTime();
            }
            synchronized (this) {
                samples++;
                readNanos += took;
                notifyAll();
            }
            if (tree.processes().size() > StudentServer.MAX_PROCESSES) {
                end(server.command() + " forks without end: more than " + StudentServer.MAX_PROCESSES
                        + " processes; EchoLab stopped them all");
                server.stop();
                break;
            }
            if (tree.processes().isEmpty()) {
                String how = server.exitDescription();
                end(how.isEmpty() ? "the server is gone" : "the server " + how);
                long pid = server.pid();
                String reason = ended;
                events.publish((s, t) -> new Event.ObservedServerStopped(s, t, pid, reason));
                break;
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait < 0) {
                next = System.nanoTime(); // fell behind: keep the beat from here rather than catch up in a burst
            } else {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }

    private void end(String why) {
        ended = why;
        running = false;
    }

    /** Stops sampling and waits for the sampler's thread to end. Does not stop the server. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
