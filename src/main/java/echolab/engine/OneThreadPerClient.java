package echolab.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** What the thread-per-client and virtual-thread models share: a new thread for every client. */
abstract class OneThreadPerClient implements ConcurrencyModel {

    protected final ServerContext ctx;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    OneThreadPerClient(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** The role its threads have in {@link echolab.events.Event.WorkerStarted}. */
    protected abstract String role();

    /** A new, unstarted, named thread that will run {@code work}. */
    protected abstract Thread newThread(Runnable work, long clientId);

    @Override
    public void take(Connection c) {
        boolean shared = ctx.sync.sharedHandoff();
        if (shared) {
            ctx.handoff.put(c, Thread.currentThread().getName()); // one slot for all, like C's shared connfd
        }
        Thread t = newThread(() -> {
            String worker = Thread.currentThread().getName();
            ctx.workerStarted(worker, mode(), role());
            try {
                Connection mine = shared ? ctx.handoff.take(worker) : c; // safe: its own copy, passed in
                ctx.workerAssigned(mine, worker, mode());
                BlockingSession.serve(ctx, mine, worker);
            } finally {
                live.remove(Thread.currentThread());
                ctx.workerRetired(worker, mode());
            }
        }, c.id);
        live.add(t);
        t.start();
    }

    @Override
    public void retire() {
        // each thread ends with its client
    }

    @Override
    public boolean finished() {
        return live.isEmpty();
    }

    @Override
    public void stopNow() {
        live.forEach(Thread::interrupt);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : live) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return live.isEmpty();
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        return live.isEmpty();
    }
}
