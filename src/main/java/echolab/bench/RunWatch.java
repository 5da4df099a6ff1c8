package echolab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import echolab.engine.EchoServer;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Watches one bench run from the side, five times a second: the most threads and child processes
 * alive at once, the most resident memory of the server and its children together (read through
 * OSHI), and the CPU each child has used (read while it lives, as a reaped child can no longer be
 * asked).
 *
 * <p>Threading: its own thread; the figures are read after {@link #close}.
 */
final class RunWatch implements AutoCloseable {

    private static final OperatingSystem OS = new SystemInfo().getOperatingSystem();

    private final EchoServer server;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer;
    private final Map<Long, Long> childCpuMillis = new HashMap<>();
    private volatile int peakThreads;
    private volatile int peakProcesses;
    private volatile long peakRssBytes;

    RunWatch(EchoServer server) {
        this.server = server;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "echolab-bench-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Resident memory of this JVM now, the server's process; without children. */
    static long selfRssBytes() {
        OSProcess self = OS.getProcess((int) ProcessHandle.current().pid());
        return self == null ? 0 : self.getResidentSetSize();
    }

    private void sample() {
        try {
            peakThreads = Math.max(peakThreads, threads.getThreadCount());
            long rss = selfRssBytes();
            int alive = 0;
            for (long pid : server.childPids()) {
                OSProcess child = OS.getProcess((int) pid);
                if (child != null) {
                    alive++;
                    rss += child.getResidentSetSize();
                    synchronized (childCpuMillis) {
                        childCpuMillis.put(pid, child.getUserTime() + child.getKernelTime());
                    }
                }
            }
            peakProcesses = Math.max(peakProcesses, alive);
            peakRssBytes = Math.max(peakRssBytes, rss);
        } catch (RuntimeException e) {
            // a child that ended between listing and reading: the next sample has it right
        }
    }

    int peakThreads() {
        return peakThreads;
    }

    int peakProcesses() {
        return peakProcesses;
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
