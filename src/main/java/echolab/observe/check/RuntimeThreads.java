package echolab.observe.check;

import java.util.List;

/**
 * Threads a language's runtime starts for itself, known by name: a JVM's garbage collector,
 * compilers and housekeeping, V8's platform workers and libuv's pool in Node. They serve no client,
 * come and go on the runtime's own schedule (a JVM starts a compiler thread under load), and are
 * never counted as a server's workers, as leaked, or as spinning. Threads of a runtime that does
 * not name them (Go's, Python's) are told apart by what they do: they serve no client.
 *
 * <p>Threading: stateless.
 */
final class RuntimeThreads {

    /** Name prefixes as {@code /proc/PID/task/TID/comm} shows them (at most 15 characters). */
    private static final List<String> JVM = List.of("GC Thread#", "G1 ", "VM Thread", "VM Periodic Tas",
            "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati", "C1 CompilerThre",
            "C2 CompilerThre", "Sweeper thread", "Common-Cleaner", "Notification Th", "Attach Listener", "JFR ",
            "process reaper", "ZWorker", "ZDirector", "ZDriver", "ZStat", "ZUnmapper", "Shenandoah", "ParGC",
            "Parallel GC", "Read-Poller", "Write-Poller", "MasterPoller", "Unblocker", "VirtualThread-u", "Cleaner-");
    private static final List<String> NODE = List.of("V8 DefaultWorke", "libuv-worker", "node-", "DelayedTaskSch",
            "SignalInspector", "inspector");

    private RuntimeThreads() {
    }

    /** Whether a thread of this name is a runtime's own. */
    static boolean isRuntime(String name) {
        return JVM.stream().anyMatch(name::startsWith) || NODE.stream().anyMatch(name::startsWith);
    }

    /** Whose runtime a thread of this name belongs to, for the evidence: {@code the JVM's}, {@code Node's}, or empty. */
    static String owner(String name) {
        if (JVM.stream().anyMatch(name::startsWith)) {
            return "the JVM's";
        }
        return NODE.stream().anyMatch(name::startsWith) ? "Node's" : "";
    }
}
