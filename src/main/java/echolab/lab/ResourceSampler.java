package echolab.lab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

import echolab.base.LabThreads;
import echolab.engine.EchoServer;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples, once a second on its own thread, what the server costs: resident memory of the server
 * and each child (through OSHI, so it reads the same on Linux, macOS and Windows), live threads,
 * echo latency percentiles over a sliding window, and the event rate.
 *
 * <p>Threading: {@link #latest} may be called from any thread and never blocks; the sampling
 * itself, which reads the OS, happens on the sampler thread only.
 */
public final class ResourceSampler implements AutoCloseable {

    private static final int WINDOW_SECONDS = 5;

    private final EchoServer server;
    private final ScheduledExecutorService timer;
    private final AtomicReference<ResourceSample> latest = new AtomicReference<>(ResourceSample.empty());
    private final ArrayDeque<Histogram> window = new ArrayDeque<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private OperatingSystem os;
    private long lastPublished;
    private long lastNanos;

    public ResourceSampler(EchoServer server) {
        this.server = server;
        this.timer = Executors.newSingleThreadScheduledExecutor(LabThreads.daemons("echolab-sampler"));
        lastPublished = server.events().published();
        lastNanos = System.nanoTime();
        timer.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** The most recent sample. */
    public ResourceSample latest() {
        return latest.get();
    }

    private void sample() {
        try {
            if (os == null) {
                os = new SystemInfo().getOperatingSystem();
            }
            long self = rss(ProcessHandle.current().pid());
            Map<Long, Long> children = new HashMap<>();
            for (long pid : server.childPids()) {
                long rss = rss(pid);
                if (rss > 0) {
                    children.put(pid, rss);
                }
            }
            window.addLast(server.takeLatencyInterval());
            while (window.size() > WINDOW_SECONDS) {
                window.removeFirst();
            }
            Histogram recent = new Histogram(3);
            window.forEach(recent::add);
            long published = server.events().published();
            long now = System.nanoTime();
            double rate = (published - lastPublished) / ((now - lastNanos) / 1e9);
            lastPublished = published;
            lastNanos = now;
            long p50 = recent.getTotalCount() == 0 ? -1 : recent.getValueAtPercentile(50);
            long p99 = recent.getTotalCount() == 0 ? -1 : recent.getValueAtPercentile(99);
            latest.set(new ResourceSample(self, children, threads.getThreadCount(), p50, p99, rate));
        } catch (RuntimeException | LinkageError e) {
            // a process that ended between listing and reading, or no OSHI support here: try next time
        }
    }

    private long rss(long pid) {
        OSProcess p = os.getProcess((int) pid);
        return p == null ? 0 : p.getResidentSetSize();
    }

    /** Stops sampling: shutdown, await, then force. */
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
