package echolab.bench;

/**
 * One mode's figures over its runs. Rates and latencies describe the load; first echo is measured
 * on the idle server before it; memory, threads and processes are peaks seen during the runs.
 *
 * @param mode                 the mode's name
 * @param skipped              why the mode was not run, or null
 * @param runs                 runs measured
 * @param roundTripsPerSecond  round trips completed per second (churn: round trips of fresh connections)
 * @param connectionsPerSecond churn only: connections served per second
 * @param latencyP50Micros     round-trip latency, median
 * @param latencyP99Micros     round-trip latency, 99th percentile
 * @param latencyMaxMicros     round-trip latency, worst
 * @param firstEchoMillis      a fresh client's connect to its first echo, on the idle server: spawn and hand-off
 * @param peakThreads          platform threads of the JVM at most (virtual threads are not among them)
 * @param peakProcesses        child processes alive at most
 * @param residentMbPeak       resident memory of server and children together, at most
 * @param residentMbPerClient  that peak over the idle server's, per client
 * @param cpuSeconds           CPU of the server and its children (the load client's own thread excluded)
 * @param lostUpdates          increments lost on the server's counter
 * @param roundTrips           round trips (or connections) completed in the last run
 * @param errors               mismatched echoes, connection errors and unfinished round trips, in all runs
 */
public record ModeResult(String mode, String skipped, int runs, Metric roundTripsPerSecond,
                         Metric connectionsPerSecond, Metric latencyP50Micros, Metric latencyP99Micros,
                         Metric latencyMaxMicros, Metric firstEchoMillis, Metric peakThreads, Metric peakProcesses,
                         Metric residentMbPeak, Metric residentMbPerClient, Metric cpuSeconds, Metric lostUpdates,
                         long roundTrips, long errors) {

    static ModeResult skipped(String mode, String why) {
        Metric n = Metric.NONE;
        return new ModeResult(mode, why, 0, n, n, n, n, n, n, n, n, n, n, n, n, 0, 0);
    }
}
