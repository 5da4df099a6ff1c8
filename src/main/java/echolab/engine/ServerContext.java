package echolab.engine;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.sync.SharedCounter;
import echolab.sync.SyncLab;

/**
 * What every concurrency model shares: settings, the counter, the event bus, the figures, the set
 * of open connections and how many of them each other machine has. Threading: all members are safe
 * to use from any server thread.
 */
final class ServerContext {

    final ServerOptions options;
    final EventBus events;
    final SharedCounter counter;
    final ServerStats stats = new ServerStats();
    final SyncLab sync;
    final HandoffSlot handoff;
    private final ConcurrentHashMap<Long, Connection> open = new ConcurrentHashMap<>();
    private final HostQuota hosts;
    private final AtomicInteger modelInstances = new AtomicInteger();
    private volatile long delayNanos;
    private volatile int poolSize;
    private volatile boolean blockingLoop;

    ServerContext(ServerOptions options, EventBus events) {
        this.options = options;
        this.events = events;
        this.counter = new SharedCounter(events, options.protection(), options.raceWindowMicros());
        this.sync = new SyncLab(events, 2);
        this.handoff = new HandoffSlot(this);
        this.hosts = new HostQuota(options.maxPerHost());
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(options.delayMillis());
        this.poolSize = options.poolSize();
        this.blockingLoop = options.blockingLoop();
    }

    // Live settings

    long delayNanos() {
        return delayNanos;
    }

    void setDelayMillis(long ms) {
        delayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
    }

    int poolSize() {
        return poolSize;
    }

    void setPoolSize(int n) {
        poolSize = n;
    }

    boolean blockingLoop() {
        return blockingLoop;
    }

    void setBlockingLoop(boolean b) {
        blockingLoop = b;
    }

    /** A number that tells apart the workers of two instances of one model (before and after a switch). */
    int nextInstance() {
        return modelInstances.incrementAndGet();
    }

    // Connections

    /**
     * Counts a new connection in: as open, and against its host's quota. Called once, on the
     * acceptor, before any other thread sees {@code c}.
     *
     * @return whether its host had a slot left; when not, {@code c} is open all the same until it
     *     is turned away, and holds no slot
     */
    boolean remember(Connection c) {
        c.holdsHostSlot = hosts.tryTake(c.remoteHost);
        open.put(c.id, c);
        return c.holdsHostSlot;
    }

    /** The connection closed (called once, by {@link Connection#close}): it is no longer open, and its host's slot is free. */
    void forget(Connection c) {
        open.remove(c.id);
        if (c.holdsHostSlot) {
            hosts.release(c.remoteHost);
        }
    }

    int openConnections() {
        return open.size();
    }

    Collection<Connection> openSnapshot() {
        return List.copyOf(open.values());
    }

    // The work of one line, the same in every model

    /** A whole line has arrived; returns the time it did, for the echo's latency. */
    long lineReceived(Connection c, String worker, int bytes) {
        stats.linesReceived.increment();
        if (events.active()) { // not even the lambda when nobody listens: this runs for every line
            events.publish((s, t) -> new Event.LineReceived(s, t, c.id, worker, bytes));
        }
        return System.nanoTime();
    }

    /** The "wait" of wait-and-echo, on the calling thread. */
    void serviceDelay() throws InterruptedException {
        long nanos = delayNanos;
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** The echo left the server. */
    void lineEchoed(Connection c, String worker, int bytes, long receivedNanos) {
        stats.echoed.increment();
        stats.bytesEchoed.add(bytes);
        long latency = System.nanoTime() - receivedNanos;
        stats.latencyMicros.recordValue(Math.max(0, latency / 1000));
        if (events.active()) {
            events.publish((s, t) -> new Event.LineEchoed(s, t, c.id, worker, bytes, latency));
        }
    }

    /** A server thread begins; {@code role} as in {@link Event.WorkerStarted}. */
    void workerStarted(String worker, Mode mode, String role) {
        events.publish((s, t) -> new Event.WorkerStarted(s, t, worker, mode.id(), role));
    }

    void workerRetired(String worker, Mode mode) {
        events.publish((s, t) -> new Event.WorkerRetired(s, t, worker, mode.id()));
    }

    void workerAssigned(Connection c, String worker, Mode mode) {
        events.publish((s, t) -> new Event.WorkerAssigned(s, t, c.id, worker, mode.id()));
    }

    void error(long clientId, String worker, String message) {
        stats.errors.increment();
        events.publish((s, t) -> new Event.ErrorEvent(s, t, clientId, worker, message));
    }

    /** Writes all of {@code buffer} to a blocking channel. */
    static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
