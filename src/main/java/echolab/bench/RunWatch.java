package echolab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import echolab.base.LabThreads;
import echolab.engine.EchoServer;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Watches one bench run from the side, twenty times a second: the most resident memory of the
 * server and its children together (read through OSHI), and the CPU each child has used (read while
 * it lives, as a reaped child can no longer be asked). The peaks of threads and processes come from
 * the JVM's and the server's own books, which miss nothing between two samples.
 *
 * <p>Threading: its own thread; the figures are read after {@link #close}.
 */
final class RunWatch implements AutoCloseable {

    private static final String THREAD_NAME = "echolab-bench-watch";
    private static final OperatingSystem OS = new SystemInfo().getOperatingSystem();

    private final EchoServer server;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int threadsBefore;
    private final ScheduledExecutorService timer;
    private final Map<Long, Long> childCpuMillis = new HashMap<>();
    private volatile long peakRssBytes;
    private volatile long ownCpuNanos;

    RunWatch(EchoServer server) {
        this.server = server;
        this.threadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        this.timer = Executors.newSingleThreadScheduledExecutor(LabThreads.daemons(THREAD_NAME));
        timer.scheduleWithFixedDelay(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Resident memory of this JVM now, the server's process; without children. */
    static long selfRssBytes() {
        OSProcess self = OS.getProcess((int) ProcessHandle.current().pid());
        return self == null ? 0 : self.getResidentSetSize();
    }

    private void sample() {
        try {
            long rss = selfRssBytes();
            for (long pid : server.childPids()) {
                OSProcess child = OS.getProcess((int) pid);
                if (child != null) {
                    rss += child.getResidentSetSize();
                    synchronized (childCpuMillis) {
                        childCpuMillis.put(pid, child.getUserTime() + child.getKernelTime());
                    }
                }
            }
            peakRssBytes = Math.max(peakRssBytes, rss);
        } catch (RuntimeException e) {
            // a child that ended between listing and reading: the next sample has it right
        }
        if (Thread.currentThread().getName().equals(THREAD_NAME)) {
            ownCpuNanos = threads.getCurrentThreadCpuTime();
        }
    }

    /** Threads that appeared during the run at most: the server's, less the watch's own. */
    int peakThreads() {
        return Math.max(0, threads.getPeakThreadCount() - threadsBefore - 1);
    }

    /** CPU the watch itself has used, on its own thread: a cost of measuring, not of serving. */
    long ownCpuNanos() {
        return ownCpuNanos;
    }

    long peakRssBytes() {
        return peakRssBytes;
    }

    double childCpuSeconds() {
        synchronized (childCpuMillis) {
            return childCpuMillis.values().stream().mapToLong(Long::longValue).sum() / 1000.0;
        }
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
        sample(); // one last look, after the load
    }
}
