package echolab.lab;

import java.util.Map;

/**
 * What the server costs at one moment, sampled by {@link ResourceSampler}.
 *
 * @param serverRssBytes   resident memory of the server's own process
 * @param childRssBytes    resident memory of each child process alive, by PID
 * @param threads          live threads of the server's JVM (platform threads; virtual ones are not threads of the OS)
 * @param latencyP50Micros echo latency median over the last few seconds, or -1 with no echo
 * @param latencyP99Micros echo latency 99th percentile over the last few seconds, or -1
 * @param eventsPerSecond  events published per second since the previous sample
 */
public record ResourceSample(long serverRssBytes, Map<Long, Long> childRssBytes, int threads,
                             long latencyP50Micros, long latencyP99Micros, double eventsPerSecond) {

    public ResourceSample {
        childRssBytes = Map.copyOf(childRssBytes);
    }

    /** Server and children together. */
    public long totalRssBytes() {
        return serverRssBytes + childRssBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    public static ResourceSample empty() {
        return new ResourceSample(0, Map.of(), 0, -1, -1, 0);
    }
}
