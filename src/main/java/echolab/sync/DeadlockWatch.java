package echolab.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import echolab.base.LabThreads;
import echolab.events.Event;
import echolab.events.EventBus;

/**
 * Watches the deadlock scenario from outside, as a debugger would: four times a second it asks the
 * JVM's thread monitoring ({@link ThreadMXBean#findDeadlockedThreads}) whether threads wait for
 * each other in a cycle, and once a second whether workers keep retrying and next to nothing gets through
 * (a livelock). Each new cycle is published once, with who holds what and waits for what.
 *
 * <p>Threading: its own thread; {@link #close} stops it (shutdown, await, force).
 */
final class DeadlockWatch implements AutoCloseable {

    /** Retries in a second below which nothing is called a livelock. */
    private static final long MIN_RETRIES = 20;
    /** Retries per line done at or above which a second counts as a livelock. */
    private static final long RETRIES_PER_LINE = 20;

    private final EventBus events;
    private final TwoResources resources;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer;
    private final LongAdder detected = new LongAdder();
    private final LongAdder livelocks = new LongAdder();
    private Set<Long> lastCycle = Set.of();
    private long lastRetries;
    private long lastCompleted;
    private int ticks;

    DeadlockWatch(EventBus events, TwoResources resources) {
        this.events = events;
        this.resources = resources;
        this.timer = Executors.newSingleThreadScheduledExecutor(LabThreads.daemons("echolab-deadlock-watch"));
        timer.scheduleWithFixedDelay(this::look, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void look() {
        long[] ids = threads.findDeadlockedThreads();
        Set<Long> cycle = new HashSet<>();
        if (ids != null) {
            for (long id : ids) {
                cycle.add(id);
            }
        }
        if (!cycle.isEmpty() && !cycle.equals(lastCycle)) {
            List<Event.WaitFor> edges = resources.waitFor(cycle);
            List<Event.WaitFor> ring = cycleOf(edges);
            if (!ring.isEmpty()) { // a cycle of ours, not of some other part of the JVM
                List<Event.WaitFor> behind = edges.stream().filter(e -> !ring.contains(e)).toList();
                detected.increment();
                events.publish((s, t) -> new Event.DeadlockDetected(s, t, ring, behind));
            }
        }
        lastCycle = cycle;
        if (++ticks % 4 == 0) {
            long retries = resources.retries();
            long completed = resources.completed();
            long newRetries = retries - lastRetries;
            long newCompleted = completed - lastCompleted;
            if (livelock(newRetries, newCompleted)) {
                livelocks.increment();
                events.publish((s, t) -> new Event.LivelockSuspected(s, t, newRetries, newCompleted));
            }
            lastRetries = retries;
            lastCompleted = completed;
        }
    }

    /**
     * Busy without progress: in a second, many retries and next to no work done. Workers in step
     * collide about 80 times a second; on a loaded machine one of them is now and then woken late
     * and slips through, so one or two lines in a second still count as none. Out of step (a random
     * back-off) there are about as many lines as retries.
     */
    static boolean livelock(long retries, long completed) {
        return retries >= MIN_RETRIES && completed * RETRIES_PER_LINE <= retries;
    }

    /**
     * The edges that close a cycle: from a worker that holds something, follow "waits for" to the
     * worker holding that, until back where it began. The JVM also names threads that merely wait
     * behind the cycle; they hold nothing it needs, so they are not on it.
     */
    static List<Event.WaitFor> cycleOf(List<Event.WaitFor> edges) {
        for (Event.WaitFor start : edges) {
            if (start.holds().isEmpty()) {
                continue;
            }
            List<Event.WaitFor> path = new java.util.ArrayList<>();
            Event.WaitFor at = start;
            while (at != null && !path.contains(at)) {
                path.add(at);
                Event.WaitFor here = at;
                at = edges.stream().filter(e -> e.holds().equals(here.waitsFor())).findFirst().orElse(null);
            }
            if (at == start) {
                return path;
            }
        }
        return List.of();
    }

    long detected() {
        return detected.sum();
    }

    long livelocks() {
        return livelocks.sum();
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
