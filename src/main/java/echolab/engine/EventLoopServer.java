package echolab.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.events.Event;

/**
 * The event-driven server: one thread and a {@link Selector} watch every connection, and each turn
 * of the loop serves only the ones that are ready. The service delay is a timer, not a sleep, so
 * the loop keeps serving others while a line waits; with the blocking-loop setting the handler
 * sleeps inside the loop instead, and every client stalls behind it.
 *
 * <p>The lecture's program: {@code echoservers.c} in CS:APP (chapter 12), a pool of connected
 * descriptors served by {@code select}.
 *
 * <p>Threading: {@link #take}, {@link #retire} and {@link #stopNow} may be called from any thread;
 * they hand over through a queue and wake the selector. All else runs on the loop thread.
 */
final class EventLoopServer implements ConcurrencyModel {

    /**
     * More echoes than this waiting to go out (in their service delay or unsent), and the loop
     * stops reading that client until half have gone: a client that never reads is held back by
     * its own socket, as the blocking models hold it back.
     */
    private static final int MAX_PENDING_LINES = 1024;
    /** The same in bytes, for one connection: long lines that are never read cost at most about this. */
    static final long MAX_PENDING_BYTES = 1L << 20;
    /** And for all connections together: past it, a connection that reads is paused until the total halves. */
    static final long MAX_PENDING_BYTES_TOTAL = 32L << 20;

    /** A connection as the loop sees it. Loop thread only. */
    private static final class Watched {
        final Connection connection;
        final LineAssembler lines;
        final ArrayDeque<Outgoing> out = new ArrayDeque<>();
        SelectionKey key;
        long lastDue;
        int scheduled;
        /** Bytes of lines taken in and not yet written back: in their delay or in {@code out}. */
        long pendingBytes;
        boolean inputEnded;
        boolean dropped;

        Watched(Connection connection, int maxLine) {
            this.connection = connection;
            this.lines = new LineAssembler(maxLine);
        }
    }

    private record Outgoing(ByteBuffer bytes, long receivedNanos) {}

    /** A line whose service delay ends at {@code dueNanos}. */
    private record Due(long dueNanos, long order, Watched watched, byte[] line, long receivedNanos) {}

    private final ServerContext ctx;
    private final Selector selector;
    private final Thread loop;
    private final String worker;
    private final ConcurrentLinkedQueue<Connection> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Due> timers = new PriorityQueue<>((a, b) ->
            a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Long> ready = new ArrayList<>();
    private long order;
    private int watchedCount;
    private volatile long pendingBytesTotal; // written by the loop only; volatile for a test's reading
    /** Connections paused because the total was over its bound; read again once it has halved. */
    private final List<Watched> pausedForTotal = new ArrayList<>();
    private volatile boolean retired;
    private volatile boolean stopping;

    EventLoopServer(ServerContext ctx) throws IOException {
        this.ctx = ctx;
        this.selector = Selector.open();
        int instance = ctx.nextInstance();
        this.worker = instance == 1 ? "echolab-event-loop" : "echolab-event-loop" + instance;
        this.loop = LabThreads.startDaemon(worker, this::run);
    }

    @Override
    public Mode mode() {
        return Mode.EVENTS;
    }

    @Override
    public void take(Connection c) {
        incoming.add(c);
        selector.wakeup();
    }

    @Override
    public void retire() {
        retired = true;
        selector.wakeup();
    }

    @Override
    public boolean finished() {
        return !loop.isAlive();
    }

    @Override
    public void stopNow() {
        stopping = true;
        selector.wakeup();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedJoin(loop, unit.toNanos(timeout));
        return !loop.isAlive();
    }

    private void run() {
        Background.enter();
        ctx.workerStarted(worker, Mode.EVENTS, "event-loop");
        try {
            while (!stopping) {
                long timeout = selectTimeoutMillis();
                if (timeout < 0) {
                    selector.selectNow(this::onReady);
                } else {
                    selector.select(this::onReady, timeout);
                }
                registerIncoming();
                int fired = fireTimers();
                resumeIfTotalDrained();
                if (!ready.isEmpty() || fired > 0) {
                    List<Long> turn = List.copyOf(ready);
                    int watched = watchedCount;
                    ctx.events.publish((s, t) -> new Event.LoopTurn(s, t, worker, watched, turn));
                    ready.clear();
                }
                if (retired && watchedCount == 0 && incoming.isEmpty()) {
                    break;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            ctx.error(-1, worker, "event loop failed: " + e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((Watched) key.attachment()).connection.close(worker, "server stopping");
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            ctx.workerRetired(worker, Mode.EVENTS);
        }
    }

    private long selectTimeoutMillis() {
        Due next = timers.peek();
        if (next == null) {
            return 0; // no timer: wait for I/O as long as it takes
        }
        long left = next.dueNanos - System.nanoTime();
        return left <= 0 ? -1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }

    private void registerIncoming() throws IOException {
        Connection c;
        while ((c = incoming.poll()) != null) {
            Watched w = new Watched(c, ctx.options.maxLineBytes());
            try {
                c.channel.configureBlocking(false);
                w.key = c.channel.register(selector, SelectionKey.OP_READ, w);
            } catch (IOException e) {
                c.close(worker, "could not watch: " + e.getMessage());
                continue;
            }
            watchedCount++;
            ctx.workerAssigned(c, worker, Mode.EVENTS);
        }
    }

    /** Called by {@code select} for each ready key. */
    private void onReady(SelectionKey key) {
        Watched w = (Watched) key.attachment();
        ready.add(w.connection.id);
        try {
            if (key.isValid() && key.isReadable()) {
                read(w);
            }
            if (key.isValid() && key.isWritable()) {
                flush(w);
            }
        } catch (LineTooLongException e) {
            drop(w);
            w.connection.refuse(worker, "maxLine", "ERROR " + e.getMessage());
        } catch (InterruptedException e) {
            stopping = true;
        } catch (IOException e) {
            close(w, "connection lost: " + e.getMessage());
        }
    }

    private void read(Watched w) throws IOException, InterruptedException {
        readBuffer.clear();
        int n = w.connection.channel.read(readBuffer);
        if (n < 0) {
            w.inputEnded = true;
            w.key.interestOps(w.key.interestOps() & ~SelectionKey.OP_READ);
            closeIfDone(w);
            return;
        }
        readBuffer.flip();
        byte[] line;
        while ((line = w.lines.next(readBuffer)) != null) {
            long received = ctx.lineReceived(w.connection, worker, line.length);
            w.pendingBytes += line.length;
            pendingBytesTotal += line.length;
            long delay = ctx.delayNanos();
            if (ctx.blockingLoop() || delay == 0) {
                ctx.serviceDelay(); // blocking the loop: every other client waits too
                complete(w, line, received);
            } else {
                long due = Math.max(received + delay, w.lastDue);
                w.lastDue = due;
                w.scheduled++;
                timers.add(new Due(due, order++, w, line, received));
            }
        }
        if (!w.key.isValid()) {
            return;
        }
        if (w.scheduled + w.out.size() > MAX_PENDING_LINES || w.pendingBytes > MAX_PENDING_BYTES) {
            w.key.interestOps(w.key.interestOps() & ~SelectionKey.OP_READ);
        } else if (pendingBytesTotal > MAX_PENDING_BYTES_TOTAL) {
            w.key.interestOps(w.key.interestOps() & ~SelectionKey.OP_READ);
            pausedForTotal.add(w);
        }
    }

    /** Whether {@code w} may be read again: its own echoes have halved, and so has the total. */
    private boolean mayRead(Watched w) {
        return !w.inputEnded && !w.dropped && w.scheduled + w.out.size() <= MAX_PENDING_LINES / 2
                && w.pendingBytes <= MAX_PENDING_BYTES / 2 && pendingBytesTotal <= MAX_PENDING_BYTES_TOTAL / 2;
    }

    private void resumeIfTotalDrained() {
        if (pausedForTotal.isEmpty() || pendingBytesTotal > MAX_PENDING_BYTES_TOTAL / 2) {
            return;
        }
        for (Watched w : pausedForTotal) {
            if (mayRead(w) && w.key.isValid()) {
                w.key.interestOps(w.key.interestOps() | SelectionKey.OP_READ);
            }
        }
        pausedForTotal.clear();
    }

    /** Bytes waiting to go out on every connection together (loop thread; tests read it once the loop is idle). */
    long pendingBytes() {
        return pendingBytesTotal;
    }

    private int fireTimers() throws IOException {
        int fired = 0;
        long now = System.nanoTime();
        Due due;
        while ((due = timers.peek()) != null && due.dueNanos - now <= 0) {
            timers.poll();
            Watched w = due.watched;
            if (!w.connection.isOpen()) {
                continue;
            }
            w.scheduled--;
            ready.add(w.connection.id);
            fired++;
            try {
                complete(w, due.line, due.receivedNanos);
            } catch (IOException e) {
                close(w, "connection lost: " + e.getMessage());
            }
        }
        return fired;
    }

    /** The line's wait is over: count it and send it back. */
    private void complete(Watched w, byte[] line, long receivedNanos) throws IOException {
        ctx.counter.increment(w.connection.id, worker);
        w.out.add(new Outgoing(ByteBuffer.wrap(line), receivedNanos));
        flush(w);
    }

    private void flush(Watched w) throws IOException {
        try {
            write(w);
        } catch (java.nio.channels.CancelledKeyException e) {
            // another thread closed the connection (Disconnect all, the server stopping) mid-write
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    private void write(Watched w) throws IOException {
        Outgoing o;
        while ((o = w.out.peek()) != null) {
            w.connection.channel.write(o.bytes);
            if (o.bytes.hasRemaining()) {
                w.key.interestOps(w.key.interestOps() | SelectionKey.OP_WRITE);
                return;
            }
            w.out.poll();
            w.pendingBytes -= o.bytes.limit();
            pendingBytesTotal -= o.bytes.limit();
            ctx.lineEchoed(w.connection, worker, o.bytes.limit(), o.receivedNanos);
        }
        int ops = w.key.interestOps() & ~SelectionKey.OP_WRITE;
        if (mayRead(w)) {
            ops |= SelectionKey.OP_READ;
        }
        w.key.interestOps(ops);
        closeIfDone(w);
    }

    private void closeIfDone(Watched w) {
        if (w.inputEnded && w.scheduled == 0 && w.out.isEmpty()) {
            close(w, "client closed");
        }
    }

    private void close(Watched w, String reason) {
        drop(w);
        w.connection.close(worker, reason);
    }

    private void drop(Watched w) {
        if (!w.dropped) {
            w.dropped = true;
            w.key.cancel();
            watchedCount--;
            pendingBytesTotal -= w.pendingBytes; // its lines in their delay are skipped when they fall due
            w.pendingBytes = 0;
            w.out.clear();
        }
    }
}
