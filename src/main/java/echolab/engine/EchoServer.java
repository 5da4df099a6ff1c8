package echolab.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.base.Limits;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.sync.Protection;
import echolab.sync.SyncLab;

/**
 * A line echo server on one listening socket, served by one {@link ConcurrencyModel} at a time.
 *
 * <p>An acceptor thread takes connections and hands each to the current model. Switching the mode
 * makes a new model current; the old one keeps the connections it has until they end. The
 * iterative model serves on the acceptor thread itself, so a switch away from it, while it serves,
 * starts a fresh acceptor and lets the old one retire when its client leaves.
 *
 * <p>Threading: every public method may be called from any thread. {@link #close} is the one
 * clean shutdown: it stops accepting, closes every connection, ends every worker and reaps every
 * child before it returns.
 */
public final class EchoServer implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final ServerContext ctx;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final boolean requestedPortTaken;
    private final AtomicLong nextClientId = new AtomicLong();
    private final Object modeLock = new Object();
    // @GuardedBy("modeLock")
    private ConcurrencyModel current;
    // @GuardedBy("modeLock")
    private final List<ConcurrencyModel> models = new ArrayList<>();
    // @GuardedBy("modeLock")
    private Acceptor acceptor;
    // @GuardedBy("modeLock")
    private final List<Acceptor> acceptors = new ArrayList<>();
    // @GuardedBy("modeLock")
    private int acceptorCount;
    private volatile boolean running = true;
    private boolean closed;

    /** The thread that accepts; {@code busy} while it serves a client itself (iterative). */
    private final class Acceptor implements Runnable {
        final Thread thread;
        // @GuardedBy("modeLock")
        boolean busy;

        Acceptor(String name) {
            thread = LabThreads.daemon(name, this);
        }

        @Override
        public void run() {
            Background.enter();
            acceptLoop(this);
        }
    }

    private EchoServer(ServerContext ctx, ServerSocketChannel listener, boolean requestedPortTaken)
            throws IOException {
        this.ctx = ctx;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.requestedPortTaken = requestedPortTaken;
    }

    /**
     * Opens the listening socket and starts serving in {@code options.mode()}. When the asked port
     * is taken, listens on a free one instead (see {@link #requestedPortTaken()}).
     *
     * @throws IllegalArgumentException if the mode cannot run on this JVM
     */
    public static EchoServer start(ServerOptions options, EventBus events) throws IOException {
        options.mode().unavailableReason().ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        InetAddress host = InetAddress.getByName(options.host());
        ServerSocketChannel listener;
        boolean taken = false;
        try {
            listener = bind(new InetSocketAddress(host, options.port()));
        } catch (BindException e) {
            if (options.port() == 0) {
                throw e;
            }
            taken = true;
            listener = bind(new InetSocketAddress(host, 0));
        }
        EchoServer server = new EchoServer(new ServerContext(options, events), listener, taken);
        server.begin(options.mode());
        return server;
    }

    private static ServerSocketChannel bind(InetSocketAddress where) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(where, BACKLOG);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void begin(Mode mode) throws IOException {
        ctx.events.publish((s, t) -> new Event.ServerStarted(s, t, host(), port(), mode.id(),
                ProcessHandle.current().pid()));
        synchronized (modeLock) {
            current = newModel(mode);
            models.add(current);
            startAcceptor();
        }
    }

    // @GuardedBy("modeLock")
    private void startAcceptor() {
        acceptorCount++;
        acceptor = new Acceptor(acceptorCount == 1 ? "echolab-main" : "echolab-main-" + acceptorCount);
        acceptors.add(acceptor);
        acceptor.thread.start();
    }

    private ConcurrencyModel newModel(Mode mode) throws IOException {
        return switch (mode) {
            case ITERATIVE -> new IterativeServer(ctx);
            case PROCESSES -> new ProcessPerClientServer(ctx);
            case THREADS -> new ThreadPerClientServer(ctx);
            case POOL -> new ThreadPoolServer(ctx, ctx.poolSize());
            case EVENTS -> new EventLoopServer(ctx);
            case VIRTUAL -> new VirtualThreadServer(ctx);
        };
    }

    private void acceptLoop(Acceptor me) {
        String name = me.thread.getName();
        Mode startedIn = mode();
        ctx.workerStarted(name, startedIn, "acceptor");
        try {
            accept(me);
        } finally {
            ctx.workerRetired(name, startedIn);
        }
    }

    private void accept(Acceptor me) {
        AcceptBackoff backoff = new AcceptBackoff();
        while (running) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return; // the server is closing
            } catch (IOException e) {
                try {
                    if (backoff.failed()) {
                        ctx.error(-1, me.thread.getName(), "accept failed: " + e.getMessage()
                                + "; trying again, less and less often, while the open connections are served");
                    }
                } catch (InterruptedException stopped) {
                    return;
                }
                continue;
            }
            int burst = backoff.succeeded();
            if (burst > 1) {
                ctx.error(-1, me.thread.getName(), "accepting again after " + burst + " failed accepts");
            }
            Connection c = admit(channel, me.thread.getName());
            if (c == null) {
                continue;
            }
            ConcurrencyModel model;
            synchronized (modeLock) {
                model = current;
                me.busy = model.servesInline();
            }
            model.take(c);
            if (me.busy) {
                synchronized (modeLock) {
                    me.busy = false;
                    if (acceptor != me) {
                        return; // a switch gave the listening socket to a fresh acceptor meanwhile
                    }
                }
            }
        }
    }

    /**
     * Registers a new connection, or turns it away when the server is stopping, its machine has
     * {@link ServerOptions#maxPerHost()} open already (loopback never has) or the server is full.
     */
    private Connection admit(SocketChannel channel, String acceptorName) {
        long id = nextClientId.incrementAndGet();
        Connection c;
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c = new Connection(ctx, id, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
        ctx.stats.accepted.increment();
        String mode = mode().id();
        ctx.events.publish((s, t) -> new Event.ClientAccepted(s, t, id, c.remote, c.remotePort, mode));
        boolean hostHasRoom = ctx.remember(c);
        if (!running) {
            c.close(acceptorName, "server stopping");
            return null;
        }
        if (!hostHasRoom) {
            int perHost = ctx.options.maxPerHost();
            c.refuse(acceptorName, "maxPerHost", "ERROR too many connections from " + c.remoteHost.getHostAddress()
                    + ": the limit is " + perHost + " per machine");
            return null;
        }
        int max = ctx.options.maxConnections();
        if (ctx.openConnections() > max) {
            c.refuse(acceptorName, "maxConnections", "ERROR too many connections: the limit is " + max);
            return null;
        }
        return c;
    }

    // Commands

    /**
     * Makes {@code mode} serve every connection accepted from now on; connections already being
     * served finish where they are.
     *
     * @throws IllegalArgumentException if the mode cannot run on this JVM
     */
    public void switchMode(Mode mode) throws IOException {
        mode.unavailableReason().ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Mode from;
        synchronized (modeLock) {
            if (!running || current.mode() == mode) {
                return;
            }
            from = current.mode();
            ConcurrencyModel old = current;
            current = newModel(mode);
            models.removeIf(m -> m != old && m.finished());
            models.add(current);
            old.retire();
            if (acceptor.busy) {
                startAcceptor();
            }
        }
        ctx.events.publish((s, t) -> new Event.ModeChanged(s, t, from.id(), mode.id()));
    }

    public void setProtection(Protection protection) {
        Protection from = ctx.counter.protection();
        ctx.counter.setProtection(protection);
        if (from != protection) {
            ctx.events.publish((s, t) -> new Event.ProtectionChanged(s, t, from.id(), protection.id()));
        }
    }

    public void setDelayMillis(long ms) {
        Limits.DELAY_MILLIS.check(ms);
        ctx.setDelayMillis(ms);
        setting("delayMs", ms);
    }

    public void setRaceWindowMicros(long us) {
        Limits.RACE_WINDOW_MICROS.check(us);
        ctx.counter.setRaceWindowMicros(us);
        setting("raceWindowUs", us);
    }

    /**
     * Resizes the current pool, and sets the size of pools started later.
     *
     * @throws IllegalArgumentException outside {@link Limits#POOL_SIZE}
     * @throws IllegalStateException when the system would not start that many threads; the pool
     *     keeps the workers it had
     */
    public void setPoolSize(int workers) {
        Limits.POOL_SIZE.check(workers);
        synchronized (modeLock) {
            current.resize(workers);
        }
        ctx.setPoolSize(workers);
        setting("poolSize", workers);
    }

    /** In {@code events} mode, whether the loop waits the service delay itself (and stalls everybody). */
    public void setBlockingLoop(boolean blocking) {
        ctx.setBlockingLoop(blocking);
        setting("blockingLoop", blocking ? 1 : 0);
    }

    private void setting(String name, long value) {
        ctx.events.publish((s, t) -> new Event.SettingChanged(s, t, name, value));
    }

    // Queries

    public String host() {
        return address.getAddress().getHostAddress();
    }

    public int port() {
        return address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Whether the port asked for was taken, so the server listens on another one. */
    public boolean requestedPortTaken() {
        return requestedPortTaken;
    }

    public Mode mode() {
        synchronized (modeLock) {
            return current.mode();
        }
    }

    public Protection protection() {
        return ctx.counter.protection();
    }

    public long delayMillis() {
        return TimeUnit.NANOSECONDS.toMillis(ctx.delayNanos());
    }

    public long raceWindowMicros() {
        return ctx.counter.raceWindowMicros();
    }

    public int poolSize() {
        return ctx.poolSize();
    }

    public boolean blockingLoop() {
        return ctx.blockingLoop();
    }

    public ServerOptions options() {
        return ctx.options;
    }

    public EventBus events() {
        return ctx.events;
    }

    /** The synchronization scenarios of this server: on, off, safe or not, and their figures. */
    public SyncLab sync() {
        return ctx.sync;
    }

    /** PIDs of the child processes alive now, in every {@code processes} model still running. */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        synchronized (modeLock) {
            for (ConcurrencyModel m : models) {
                if (m instanceof ProcessPerClientServer p) {
                    pids.addAll(p.childPids());
                }
            }
        }
        return pids;
    }

    /** The model serving new connections now; for tests of a model's own books. */
    ConcurrencyModel currentModel() {
        synchronized (modeLock) {
            return current;
        }
    }

    /** The figures as they stand. */
    public ServerStats.Snapshot stats() {
        ServerStats s = ctx.stats;
        long ready = s.processesReady.sum();
        return new ServerStats.Snapshot(mode().id(), protection().id(), s.accepted.sum(),
                ctx.openConnections(), s.linesReceived.sum(), s.echoed.sum(), s.bytesEchoed.sum(),
                ctx.counter.value(), ctx.counter.increments(), ctx.counter.lost(), ctx.counter.collisions(),
                ctx.counter.casRetries(), s.processesSpawned.sum(), s.processesReaped.sum(),
                s.processesAlive.get(), s.peakProcesses.get(), ready == 0 ? 0 : s.spawnMicrosTotal.sum() / 1000.0 / ready,
                s.childIncrements.sum(), s.busyWorkers.get(), s.limitHits.sum(), s.errors.sum(),
                ctx.events.published(), ctx.events.dropped());
    }

    /**
     * Echo latencies (microseconds) recorded since the previous call, or since the start. Meant for
     * one reader at a time: each call starts a new interval.
     */
    public Histogram takeLatencyInterval() {
        return ctx.stats.latencyMicros.getIntervalHistogram();
    }

    // Shutdown

    /**
     * Stops accepting, closes every connection, stops every worker and reaps every child process,
     * then returns. Safe to call twice.
     */
    @Override
    public void close() {
        List<ConcurrencyModel> all;
        List<Acceptor> acceptorThreads;
        synchronized (modeLock) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            all = List.copyOf(models);
            acceptorThreads = List.copyOf(acceptors);
        }
        closeQuietly(listener);
        all.forEach(ConcurrencyModel::stopNow);
        for (Connection c : ctx.openSnapshot()) {
            c.close("echolab-main", "server stopping");
        }
        acceptorThreads.forEach(a -> a.thread.interrupt());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
            for (ConcurrencyModel m : all) {
                if (!m.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    ctx.error(-1, "echolab-main", m.mode().id() + " workers did not stop in time");
                }
            }
            for (Acceptor a : acceptorThreads) {
                TimeUnit.NANOSECONDS.timedJoin(a.thread, Math.max(1, deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.sync.close();
        ctx.events.publish((s, t) -> new Event.ServerStopped(s, t, "closed"));
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed or reset: nothing left to release
        }
    }
}
