package echolab.events;

import java.util.List;
import java.util.Map;

/**
 * One thing the server or a simulated client did, as an immutable record.
 *
 * <p>Every event carries a sequence number (its order of publication) and a monotonic timestamp
 * from {@link System#nanoTime()}. Server-side events name the connection by {@code clientId}, the
 * number the server gave it at accept; client-side events name the simulated client and its local
 * port, which equals the {@code remotePort} of the server's {@link ClientAccepted}. Workers are
 * named by thread name, or {@code pid N} for a child process.
 */
public sealed interface Event {

    /** Order of publication, unique per bus. */
    long seq();

    /** {@link System#nanoTime()} when the event was made. */
    long nanos();

    /** The name of an event type in JSON and in the log: {@code LineEchoed} is {@code lineEchoed}, {@code ErrorEvent} is {@code error}. */
    static String typeName(Class<? extends Event> type) {
        String simple = type.getSimpleName();
        if (simple.endsWith("Event")) {
            simple = simple.substring(0, simple.length() - "Event".length());
        }
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    // ---- server lifecycle and settings

    record ServerStarted(long seq, long nanos, String host, int port, String mode, long pid) implements Event {}

    record ServerStopped(long seq, long nanos, String reason) implements Event {}

    record ModeChanged(long seq, long nanos, String from, String to) implements Event {}

    record ProtectionChanged(long seq, long nanos, String from, String to) implements Event {}

    /** A live setting other than mode and protection: {@code delayMs}, {@code raceWindowUs}, {@code poolSize}, ... */
    record SettingChanged(long seq, long nanos, String name, long value) implements Event {}

    // ---- connections and workers

    record ClientAccepted(long seq, long nanos, long clientId, String remote, int remotePort, String mode)
            implements Event {}

    /** The connection waits for a worker; {@code queueLength} counts it too. */
    record Queued(long seq, long nanos, long clientId, String mode, int queueLength) implements Event {}

    record WorkerAssigned(long seq, long nanos, long clientId, String workerId, String mode) implements Event {}

    /**
     * A thread of the server began: {@code role} is {@code acceptor}, {@code pool-worker},
     * {@code event-loop}, {@code thread} (one per client) or {@code virtual} (one per client).
     */
    record WorkerStarted(long seq, long nanos, String workerId, String mode, String role) implements Event {}

    /** A thread of the server has ended. */
    record WorkerRetired(long seq, long nanos, String workerId, String mode) implements Event {}

    /**
     * A virtual thread runs on {@code carrier}, a platform thread of the JVM's scheduler. Published
     * when it resumes work on a line; between such moments it is parked, its stack on the heap.
     */
    record VirtualThreadMounted(long seq, long nanos, long clientId, String workerId, String carrier)
            implements Event {}

    record ClientClosed(long seq, long nanos, long clientId, String workerId, String reason) implements Event {}

    /** One turn of an event loop: how many connections it watches and which were ready. */
    record LoopTurn(long seq, long nanos, String workerId, int watched, List<Long> ready) implements Event {
        public LoopTurn {
            ready = List.copyOf(ready);
        }
    }

    // ---- child processes

    /** {@code ProcessBuilder.start()} returned: the child exists but its JVM is still starting. */
    record ProcessSpawned(long seq, long nanos, long clientId, long pid, long forkMicros) implements Event {}

    /** The child said it is ready to echo; {@code spawnMicros} runs from the start call to this. */
    record ProcessReady(long seq, long nanos, long clientId, long pid, long spawnMicros) implements Event {}

    record ProcessReaped(long seq, long nanos, long clientId, long pid, int exitCode) implements Event {}

    /** A child's own counter, which lives in its own memory, after one of its increments. */
    record ChildCounterReported(long seq, long nanos, long clientId, long pid, long counter) implements Event {}

    // ---- lines and the shared counter

    record LineReceived(long seq, long nanos, long clientId, String workerId, int bytes) implements Event {}

    record LineEchoed(long seq, long nanos, long clientId, String workerId, int bytes, long latencyNanos)
            implements Event {}

    record CounterRead(long seq, long nanos, long clientId, String workerId, long value) implements Event {}

    record CounterWritten(long seq, long nanos, long clientId, String workerId, long value) implements Event {}

    /**
     * A write overwrote increments it never saw: {@code workerId} wrote {@code written}, erasing the
     * write of {@code overwrittenWorker}; {@code lost} is how many increments vanished with it.
     */
    record LostUpdate(long seq, long nanos, long clientId, String workerId, String overwrittenWorker,
                      long written, long lost) implements Event {}

    /** A worker asks for the counter's lock or semaphore. */
    record LockRequested(long seq, long nanos, long clientId, String workerId, String protection) implements Event {}

    record LockAcquired(long seq, long nanos, long clientId, String workerId, String protection, long waitedNanos)
            implements Event {}

    record LockReleased(long seq, long nanos, long clientId, String workerId, String protection) implements Event {}

    // ---- trouble

    /** A limit turned a client away or cut it off; the client got {@code message} as one line. */
    record LimitHit(long seq, long nanos, long clientId, String limit, String message) implements Event {}

    record ErrorEvent(long seq, long nanos, long clientId, String workerId, String message) implements Event {}

    // ---- the simulated clients' side of the conversation

    /** About to call {@code connect} from {@code localPort}, already bound so it can be named first. */
    record ClientConnecting(long seq, long nanos, String client, int localPort) implements Event {}

    record ClientConnectReturned(long seq, long nanos, String client, int localPort, long connectNanos)
            implements Event {}

    /** A write returned; it completed {@code lines} lines. */
    record ClientWriteReturned(long seq, long nanos, String client, int localPort, int bytes, int lines)
            implements Event {}

    record ClientWaitingForEcho(long seq, long nanos, String client, int localPort) implements Event {}

    record ClientEchoReceived(long seq, long nanos, String client, int localPort, int bytes, long roundTripNanos,
                              boolean matched) implements Event {}

    record ClientFinished(long seq, long nanos, String client, int localPort, int linesSent, int linesVerified,
                          String outcome) implements Event {}

    // ---- synchronization scenarios (hand-off race, deadlock, starvation, counting semaphore)

    /** The synchronization scenario or its fix changed; {@code fix} is the deadlock fix in force. */
    record ScenarioChanged(long seq, long nanos, String scenario, boolean safe, String fix) implements Event {}

    /**
     * The acceptor overwrote the shared hand-off slot before any worker had taken the connection in
     * it: that client is never served.
     */
    record HandoffOrphaned(long seq, long nanos, long clientId, String acceptor) implements Event {}

    /** A worker took a connection from the shared slot that another worker had already taken. */
    record HandoffDoubleServed(long seq, long nanos, long clientId, String workerId, String otherWorker)
            implements Event {}

    /** A worker waits for a resource of a scenario: {@code log}, {@code counter}, {@code lock} or {@code semaphore}. */
    record ResourceWaiting(long seq, long nanos, long clientId, String workerId, String resource) implements Event {}

    /** A worker holds the resource; for the semaphore, {@code holders} counts those inside with it. */
    record ResourceHeld(long seq, long nanos, long clientId, String workerId, String resource, long waitedNanos,
                        int holders) implements Event {}

    record ResourceReleased(long seq, long nanos, long clientId, String workerId, String resource) implements Event {}

    /** {@code tryLock} on {@code resource} timed out: the worker let go of what it held and backs off. */
    record LockBackoff(long seq, long nanos, long clientId, String workerId, String resource, long retry,
                       long backoffNanos) implements Event {}

    /** One edge of a wait-for graph: {@code worker} holds {@code holds} and waits for {@code waitsFor}. */
    record WaitFor(String worker, String holds, String waitsFor) {}

    /**
     * The JVM's thread monitoring found workers waiting for each other in a {@code cycle}; the
     * {@code blocked} ones wait for a resource held in the cycle, stuck behind it.
     */
    record DeadlockDetected(long seq, long nanos, List<WaitFor> cycle, List<WaitFor> blocked) implements Event {
        public DeadlockDetected {
            cycle = List.copyOf(cycle);
            blocked = List.copyOf(blocked);
        }
    }

    /** Workers kept retrying in the last second and none got through: a livelock. */
    record LivelockSuspected(long seq, long nanos, long retries, long completed) implements Event {}

    /** A reset interrupted the workers waiting in the deadlock scenario. */
    record DeadlockReset(long seq, long nanos, int interrupted) implements Event {}

    // ---- step-through of a lost update

    /**
     * A worker of the step-through race ({@code echolab.sync.step}) took a step the student gave it:
     * {@code step} is {@code read}, {@code add}, {@code write} or {@code blocked} (asked for the lock
     * while the other worker held it). {@code overwrote} marks a write over a value it never read.
     */
    record StepTaken(long seq, long nanos, String workerId, String step, long localValue, long counterValue,
                     boolean overwrote) implements Event {}

    // ---- a student's own server, observed through the operating system (echolab.observe)

    /** The student's program listens; {@code pid} is the program EchoLab started or attached to. */
    record ObservedServerStarted(long seq, long nanos, long pid, int port, String command) implements Event {}

    /** The observed program is gone, or EchoLab stopped watching it; {@code reason} says which. */
    record ObservedServerStopped(long seq, long nanos, long pid, String reason) implements Event {}

    /** A line the observed program printed on {@code stream} ({@code stdout} or {@code stderr}). */
    record ObservedOutput(long seq, long nanos, long pid, String stream, String line) implements Event {}

    /** A process of the observed tree appeared: the program itself, or a child it forked. */
    record ObservedProcessAppeared(long seq, long nanos, long pid, long ppid, String command) implements Event {}

    /** An observed process ended and its parent has not reaped it yet: a zombie. */
    record ObservedProcessZombie(long seq, long nanos, long pid, long ppid) implements Event {}

    /** An observed process is gone from the process table: it ended and was reaped ({@code wasZombie}: seen as one first). */
    record ObservedProcessReaped(long seq, long nanos, long pid, boolean wasZombie) implements Event {}

    /** A thread of an observed process appeared; {@code workerId} is how lanes name it, {@code name (TID)}. */
    record ObservedThreadAppeared(long seq, long nanos, long pid, long tid, String workerId, String name)
            implements Event {}

    /**
     * What an observed thread waits in changed: {@code waitsIn} is an {@code echolab.observe.WaitKind}
     * name, {@code argument} the descriptor (accept, read, write) or futex address, else -1.
     */
    record ObservedThreadWaits(long seq, long nanos, long pid, long tid, String workerId, String waitsIn,
                               long argument) implements Event {}

    record ObservedThreadEnded(long seq, long nanos, long pid, long tid, String workerId) implements Event {}

    /** An observed process's count of open descriptors changed. */
    record ObservedDescriptors(long seq, long nanos, long pid, int descriptors) implements Event {}

    /**
     * The connection of the client whose local port is {@code clientPort} is held by process
     * {@code pid}, and read or written by thread {@code workerId} there (empty when no thread is in
     * a call on it right now).
     */
    record ObservedConnectionHeld(long seq, long nanos, int clientPort, long pid, String workerId) implements Event {}

    /** No observed process holds that client's connection any more. */
    record ObservedConnectionReleased(long seq, long nanos, int clientPort) implements Event {}

    // Figures: the server's books, read a few times a second so that the window's figures come
    // from the stream like everything else it shows. They say how things stand, not what happened:
    // the log leaves them out.

    /**
     * The server's books and what it costs now: clients connected, lines echoed, the shared counter
     * with the increments made and lost, the children, and (sampled once a second) threads, resident
     * memory by process, echo latency percentiles (-1 with no echo) and events published per second.
     */
    record ServerFigures(long seq, long nanos, int active, long echoed, long counter, long increments, long lost,
                         long childIncrements, int processesAlive, double averageSpawnMillis, long eventsDropped,
                         int threads, long serverRssBytes, Map<Long, Long> childRssBytes, long latencyP50Micros,
                         long latencyP99Micros, double eventsPerSecond) implements Event {
        public ServerFigures {
            childRssBytes = Map.copyOf(childRssBytes);
        }
    }

    /**
     * The synchronization scenario's books now: the hand-off's orphans and doubles, deadlocks and
     * livelocks, the starvation lock's turns ({@code acquisitions}) and longest waits by worker, the
     * semaphore's permits in use.
     */
    record SyncFigures(long seq, long nanos, String scenario, boolean safe, String fix, long orphaned,
                       long doubleServed, long deadlocksDetected, long livelocksSuspected, long backoffRetries,
                       boolean fair, String greedy, Map<String, Long> acquisitions, Map<String, Double> longestWaitMs,
                       int permits, int maxConcurrent, int concurrent, int mostTurnsInARow) implements Event {
        public SyncFigures {
            acquisitions = Map.copyOf(acquisitions);
            longestWaitMs = Map.copyOf(longestWaitMs);
        }
    }
}
