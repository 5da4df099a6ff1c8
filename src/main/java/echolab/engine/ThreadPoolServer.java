package echolab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.events.Event;

/**
 * A fixed pool of worker threads fed by a queue of accepted connections, the lab's pre-threaded
 * server with its shared buffer: when every worker is busy, new clients wait in the queue.
 *
 * <p>The lecture's program: {@code echoservert-pre.c} in CS:APP (chapter 12), whose acceptor
 * inserts each connection into an {@code sbuf} guarded by semaphores and whose workers remove them.
 *
 * <p>Threading: {@link #take} is called by the acceptor, {@link #resize} and {@link #retire} by
 * anybody; the queue is the only state the workers share. It holds at most the server's
 * connection limit, which the acceptor enforces.
 */
final class ThreadPoolServer implements ConcurrencyModel {

    /** What a worker finds in the queue. */
    private sealed interface Item permits Serve, Shrink, Retire {}

    /** A connection to serve; null when it waits in the shared hand-off slot instead (the unsafe hand-off). */
    private record Serve(Connection connection) implements Item {}

    /** One worker fewer is wanted; ignored by a worker when another already left for it. */
    private record Shrink() implements Item {}

    /** The pool is retired: leave once the connections queued before this are served. */
    private record Retire() implements Item {}

    private final ServerContext ctx;
    private final String name;
    private final LinkedBlockingDeque<Item> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    // @GuardedBy("this")
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger excess = new AtomicInteger();
    private int nextWorker = 1;
    private boolean retired;

    ThreadPoolServer(ServerContext ctx, int size) {
        this.ctx = ctx;
        int instance = ctx.nextInstance();
        this.name = instance == 1 ? "echolab-pool" : "echolab-pool" + instance;
        resize(size);
    }

    @Override
    public Mode mode() {
        return Mode.POOL;
    }

    @Override
    public void take(Connection c) {
        int length = waiting.incrementAndGet();
        ctx.events.publish((s, t) -> new Event.Queued(s, t, c.id, Mode.POOL.id(), length));
        if (ctx.sync.sharedHandoff()) {
            ctx.handoff.put(c, Thread.currentThread().getName());
            queue.addLast(new Serve(null));
        } else {
            queue.addLast(new Serve(c));
        }
    }

    @Override
    public synchronized void resize(int size) {
        if (retired || size < 1) {
            return;
        }
        workers.removeIf(t -> !t.isAlive());
        int alive = workers.size() - excess.get();
        int started = 0;
        for (int i = alive; i < size; i++) {
            if (excess.get() > 0) {
                excess.decrementAndGet();
                continue;
            }
            Thread t = LabThreads.daemon(name + "-worker-" + nextWorker++, this::work);
            try {
                t.start();
            } catch (OutOfMemoryError e) { // "unable to create native thread": the system's limit, not the heap's
                for (int k = 0; k < started; k++) { // the pool goes back to the workers it had
                    excess.incrementAndGet();
                    queue.addFirst(new Shrink());
                }
                throw new IllegalStateException("the system would not start " + size + " workers (" + e.getMessage()
                        + "); the pool keeps its " + alive);
            }
            workers.add(t);
            started++;
        }
        for (int i = size; i < alive; i++) {
            excess.incrementAndGet();
            queue.addFirst(new Shrink());
        }
    }

    private void work() {
        Background.enter();
        String worker = Thread.currentThread().getName();
        ctx.workerStarted(worker, Mode.POOL, "pool-worker");
        try {
            while (true) {
                Item item = queue.takeFirst();
                if (item instanceof Retire) {
                    break;
                }
                if (item instanceof Shrink) {
                    if (leaveIfExcess()) {
                        break;
                    }
                    continue;
                }
                Connection given = ((Serve) item).connection();
                Connection c = given != null ? given : ctx.handoff.take(worker);
                waiting.decrementAndGet();
                if (!c.isOpen()) {
                    continue;
                }
                ctx.workerAssigned(c, worker, Mode.POOL);
                BlockingSession.serve(ctx, c, worker);
                if (leaveIfExcess()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.workerRetired(worker, Mode.POOL);
    }

    private boolean leaveIfExcess() {
        int e;
        do {
            e = excess.get();
            if (e <= 0) {
                return false;
            }
        } while (!excess.compareAndSet(e, e - 1));
        return true;
    }

    /** Connections accepted but not yet taken by a worker. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public synchronized void retire() {
        if (retired) {
            return;
        }
        retired = true;
        for (int i = 0; i < workers.size(); i++) {
            queue.addLast(new Retire());
        }
    }

    @Override
    public synchronized boolean finished() {
        return retired && workers.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public synchronized void stopNow() {
        retire();
        workers.forEach(Thread::interrupt);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(workers);
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : all) {
            TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, deadline - System.nanoTime()));
        }
        return all.stream().noneMatch(Thread::isAlive);
    }
}
