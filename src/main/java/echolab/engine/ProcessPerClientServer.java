package echolab.engine;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import echolab.base.LabThreads;
import echolab.events.Event;

/**
 * Process per client: every connection gets a real child process with its own memory and its own
 * counter, so the parent's counter never moves. The JVM cannot pass the socket to the child as
 * {@code fork} would, so the parent relays the bytes (see {@link ChildRelay}) and reaps each child.
 *
 * <p>The lecture's program: {@code echoserverp.c} in CS:APP (chapter 12): the parent accepts,
 * forks, closes its copy of the connection, and reaps its children in a {@code SIGCHLD} handler.
 *
 * <p>Threading: {@link #take} on the acceptor thread; the relays run on their own threads.
 */
final class ProcessPerClientServer implements ConcurrencyModel {

    private final ServerContext ctx;
    private final Set<ChildRelay> relays = ConcurrentHashMap.newKeySet();
    /**
     * Gives up on a child that never says it is ready. One thread for all children, only while one
     * is starting: it ends after a second with nothing to watch.
     */
    private final java.util.concurrent.ScheduledThreadPoolExecutor watchdog = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        var w = new java.util.concurrent.ScheduledThreadPoolExecutor(1, LabThreads.daemons("echolab-child-watchdog"));
        w.setRemoveOnCancelPolicy(true);
        w.setKeepAliveTime(1, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true);
        return w;
    }
    private volatile boolean stopped;

    ProcessPerClientServer(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Mode mode() {
        return Mode.PROCESSES;
    }

    @Override
    public void take(Connection c) {
        String acceptor = Thread.currentThread().getName();
        int max = ctx.options.maxProcesses();
        if (stopped) {
            c.close(acceptor, "server stopping");
            return;
        }
        int alive = ctx.stats.processesAlive.incrementAndGet();
        if (alive > max) {
            ctx.stats.processesAlive.decrementAndGet();
            c.refuse(acceptor, "maxProcesses",
                    "ERROR too many child processes: the limit is " + max + ", try again later");
            return;
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = ChildLauncher.start(ctx, c.id);
        } catch (IOException e) {
            ctx.stats.processesAlive.decrementAndGet();
            ctx.error(c.id, acceptor, "could not start a child process: " + e.getMessage());
            c.refuse(acceptor, "spawn", "ERROR the server could not start a process for you");
            return;
        }
        ctx.stats.peakProcesses.accumulateAndGet(alive, Math::max);
        long forkMicros = (System.nanoTime() - started) / 1000;
        ctx.stats.processesSpawned.increment();
        long pid = process.pid();
        ctx.events.publish((s, t) -> new Event.ProcessSpawned(s, t, c.id, pid, forkMicros));
        ctx.workerAssigned(c, "pid " + pid, Mode.PROCESSES);
        ChildRelay relay = new ChildRelay(ctx, c, process, started, relays::remove);
        relays.add(relay);
        relay.start();
        if (stopped) { // the server stopped while this child was starting: stopNow did not see it
            relay.stop();
            return;
        }
        relay.watchReady(watchdog);
    }

    /** PIDs of the children alive now. */
    List<Long> childPids() {
        return relays.stream().filter(ChildRelay::alive).map(ChildRelay::pid).toList();
    }

    @Override
    public void retire() {
        // each child ends with its client
    }

    @Override
    public boolean finished() {
        return relays.isEmpty();
    }

    @Override
    public void stopNow() {
        stopped = true;
        watchdog.shutdownNow();
        relays.forEach(ChildRelay::stop);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        // until the last relay is gone: a child that was starting as the server stopped joins late
        while (!relays.isEmpty()) {
            for (ChildRelay r : List.copyOf(relays)) {
                r.await(deadline);
            }
            if (System.nanoTime() - deadline >= 0) {
                return relays.isEmpty();
            }
            if (!relays.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(10); // its relay removes itself once its child is reaped
            }
        }
        return true;
    }
}
