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
import echolab.engine.ServerStats;
import echolab.events.Event;
import echolab.sync.SyncLab;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples, once a second on its own thread, what the server costs: resident memory of the server
 * and each child (through OSHI, so it reads the same on Linux, macOS and Windows), live threads,
 * echo latency percentiles over a sliding window, and the event rate. Five times a second, on the
 * same thread, it publishes the server's books with the latest costs ({@link Event.ServerFigures})
 * and the scenario's ({@link Event.SyncFigures}) on the server's bus: the window's figures come
 * from the stream, not from reading the server.
 *
 * <p>Threading: {@link #latest} may be called from any thread and never blocks; the sampling
 * itself, which reads the OS, happens on the sampler thread only.
 */
public final class ResourceSampler implements AutoCloseable {

    private static final int WINDOW_SECONDS = 5;
    private static final long FIGURES_EVERY_MILLIS = 200;

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
        timer.scheduleWithFixedDelay(this::publishFigures, 0, FIGURES_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Publishes the books as they are now, with the costs of the last sample. */
    private void publishFigures() {
        try {
            ServerStats.Snapshot s = server.stats();
            ResourceSample r = latest.get();
            SyncLab.Figures f = server.sync().figures();
            server.events().publish((seq, nanos) -> new Event.ServerFigures(seq, nanos, s.active(), s.echoed(),
                    s.counter(), s.increments(), s.lost(), s.childIncrements(), s.processesAlive(),
                    s.averageSpawnMillis(), s.eventsDropped(), r.threads(), r.serverRssBytes(), r.childRssBytes(),
                    r.latencyP50Micros(), r.latencyP99Micros(), r.eventsPerSecond()));
            server.events().publish((seq, nanos) -> new Event.SyncFigures(seq, nanos, f.scenario(), f.safe(), f.fix(),
                    f.orphaned(), f.doubleServed(), f.deadlocksDetected(), f.livelocksSuspected(), f.backoffRetries(),
                    f.fair(), f.greedy(), f.acquisitions(), f.longestWaitMs(), f.permits(), f.maxConcurrent(),
                    f.concurrent(), f.mostTurnsInARow()));
        } catch (RuntimeException e) {
            // a server closing under the sampler: the window closes with it
        }
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
