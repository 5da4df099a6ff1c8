package echolab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

/**
 * Running totals the engine keeps itself, so the figures stay exact however many events a slow
 * observer drops. Threading: updated from any server thread, read from any thread.
 */
public final class ServerStats {

    final LongAdder accepted = new LongAdder();
    final LongAdder linesReceived = new LongAdder();
    final LongAdder echoed = new LongAdder();
    final LongAdder bytesEchoed = new LongAdder();
    final LongAdder limitHits = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder processesSpawned = new LongAdder();
    final LongAdder processesReaped = new LongAdder();
    final AtomicInteger processesAlive = new AtomicInteger();
    final AtomicInteger peakProcesses = new AtomicInteger();
    final LongAdder processesReady = new LongAdder();
    final LongAdder spawnMicrosTotal = new LongAdder();
    final LongAdder childIncrements = new LongAdder();
    final AtomicInteger busyWorkers = new AtomicInteger();
    /** Echo latency in microseconds, from the line's arrival to its echo leaving. */
    final Recorder latencyMicros = new Recorder(3);

    /** Figures at one moment, in the units and names the JSON lines use. */
    public record Snapshot(String mode, String protection, long accepted, int active, long linesReceived,
                           long echoed, long bytesEchoed, long counter, long increments, long lost,
                           long collisions, long casRetries, long processesSpawned, long processesReaped,
                           int processesAlive, int peakProcesses, double averageSpawnMillis, long childIncrements,
                           int busyWorkers, long limitHits, long errors, long eventsPublished,
                           long eventsDropped) {
    }
}
