package echolab.lessons;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import echolab.engine.Mode;

/**
 * The figures an expectation, a reveal or a number question may name, with what each means. A
 * name may carry a run's label in front ({@code fair.longestWaitMs}); a compare run's figures carry
 * the mode ({@code processes.firstEchoMillis}); a client's carry its place in the run
 * ({@code client2.firstEchoMillis}).
 */
public final class FigureNames {

    /** A run of the embedded server: its own books, from the run's start to its end. */
    public static final Map<String, String> RUN = ordered(
            "accepted", "connections the server accepted",
            "echoed", "lines the server echoed",
            "increments", "increments of the shared counter (one per line)",
            "counter", "how much the server's shared counter (the parent's, in processes mode) rose",
            "lost", "increments overwritten by another worker's write (lost updates)",
            "collisions", "increments that overlapped another worker's",
            "casRetries", "compare-and-set writes that found the value changed and tried again",
            "processesSpawned", "child processes started",
            "processesReaped", "child processes waited for (reaped)",
            "peakProcesses", "child processes alive at once, at most",
            "averageSpawnMillis", "a child's start, from fork to ready, on average (ms)",
            "childIncrements", "increments the children made to their own copies of the counter",
            "peakBusyWorkers", "workers serving a client at once, at most",
            "maxQueue", "connections waiting in the pool's queue at once, at most",
            "errors", "errors the server met",
            "clients", "clients the run started",
            "elapsedMillis", "the run, from its first client's connect to its last client's end (ms)",
            "latencyP50Micros", "the server's echo latency, median: a line's arrival to its echo (µs)",
            "latencyMaxMicros", "the server's echo latency, worst (µs)",
            "roundTripMaxMillis", "the longest any client waited for an echo (ms)",
            "delayMillis", "the service delay in force (ms)",
            "raceWindowMicros", "the counter's race window in force (µs)",
            "poolSize", "the pool's workers in force",
            "permits", "the counting semaphore's permits in force",
            "holdMillis", "how long the deadlock scenario holds each resource (ms)",
            "handoffWindowMicros", "the hand-off race's window in force (µs)",
            "orphaned", "connections the shared hand-off slot lost (never served)",
            "doubleServed", "connections the shared hand-off slot gave to two workers",
            "deadlocksDetected", "deadlocks the watch found",
            "livelocksSuspected", "livelocks the watch suspected (many retries, next to no progress)",
            "backoffRetries", "times a worker let go and tried again (tryLock with back-off)",
            "maxConcurrent", "workers inside the counting semaphore at once, at most, since the set-up",
            "longestWaitMs", "starvation: the longest any worker but the greedy one waited for the lock (ms)",
            "fewestAcquisitions", "starvation: times the least lucky worker took the lock",
            "mostAcquisitions", "starvation: times the luckiest worker took the lock",
            "mostTurnsInARow", "starvation: the most times one worker took the lock in a row while another waited for it");

    /** Each client of a run, as {@code clientN.name}, N counting from 1 in the order the run starts them. */
    public static final Map<String, String> CLIENT = ordered(
            "connectMillis", "its connect(), from the call to its return (ms)",
            "writeMillis", "from its connect()'s return to its first write()'s return (ms)",
            "firstEchoMillis", "from its connect() to its first echo (ms)",
            "echoes", "echoes it received that matched");

    /** A compare run, per mode, as {@code mode.name}: the Compare tab's figures. */
    public static final Map<String, String> COMPARE = ordered(
            "firstEchoMillis", "a fresh client's connect to its first echo on the idle server: start-up (ms)",
            "residentMbPerClient", "resident memory per connected client (MB)",
            "peakThreads", "platform threads at most",
            "peakProcesses", "child processes at most",
            "roundTripsPerSecond", "round trips per second",
            "latencyP99Micros", "round-trip latency, 99th percentile (µs)");

    /** A student run: one of the example servers of "Your server", as the operating system showed it. */
    public static final Map<String, String> STUDENT = ordered(
            "childrenForked", "child processes the server started",
            "childrenReaped", "children that were waited for (reaped)",
            "peakZombies", "children finished but not waited for (zombies) at once, at most",
            "zombiesLeft", "zombies still there when the clients had gone and the tree had settled",
            "clientsServed", "clients whose every message came back");

    private static final Pattern CLIENT_NAME = Pattern.compile("client[1-9][0-9]*\\.(\\w+)");

    private FigureNames() {
    }

    /**
     * Whether {@code name} names a figure, given the labels of the lesson's runs: a figure of any
     * kind, with or without a label in front.
     */
    public static boolean known(String name, Set<String> labels) {
        int dot = name.indexOf('.');
        if (dot > 0 && labels.contains(name.substring(0, dot)) && plain(name.substring(dot + 1))) {
            return true;
        }
        return plain(name);
    }

    private static boolean plain(String name) {
        if (RUN.containsKey(name) || STUDENT.containsKey(name)) {
            return true;
        }
        var m = CLIENT_NAME.matcher(name);
        if (m.matches()) {
            return CLIENT.containsKey(m.group(1));
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String mode = name.substring(0, dot);
            for (Mode md : Mode.values()) {
                if (md.id().equals(mode)) {
                    return COMPARE.containsKey(name.substring(dot + 1));
                }
            }
        }
        return false;
    }

    /** Every figure's name and meaning, for docs/lessons.md and {@code lessons --figures}. */
    public static Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>(RUN);
        CLIENT.forEach((k, v) -> out.put("clientN." + k, v));
        COMPARE.forEach((k, v) -> out.put("MODE." + k, v));
        out.putAll(STUDENT);
        return out;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
