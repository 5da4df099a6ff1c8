package echolab.observe.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

import echolab.clients.Framing;
import echolab.observe.Recording;

/**
 * Everything one check run observed, phase by phase, for the checks to judge.
 *
 * @param framing     the framing spoken
 * @param rootPid     the PID of the command given
 * @param serverPid   the PID of the process that listens: the command itself, or its child when it
 *                    is a launcher (a shell script, {@code make}, {@code env})
 * @param launchers   the processes between the command given and the server, outermost first
 * @param runtime     the language runtime that runs the server, as far as its program file says
 * @param echo        the tricky messages and what came back
 * @param concurrency a silent client and a second one
 * @param waves       waves of clients that stay a while, and what each left behind
 * @param idle        CPU while no client was connected
 * @param counter     the server's printed total against what the clients sent, or null without a pattern
 * @param bursts      each burst's outcome
 * @param burstRecording what the sampler saw during the bursts
 * @param whole       what the sampler saw during the whole run (since the last start, after a crash)
 * @param sockets     whether this system says which process holds which connection
 * @param threadWaits whether this system says what each thread waits in
 * @param crashes     each time the server died during the check, with what was being sent
 */
public record Evidence(Framing framing, long rootPid, long serverPid, List<String> launchers, ServerRuntime runtime, Echo echo,
                       Concurrency concurrency, Waves waves, Idle idle, Counter counter, List<Burst> bursts,
                       Recording burstRecording, Recording whole, boolean sockets, boolean threadWaits,
                       List<Crash> crashes) {

    public Evidence {
        launchers = List.copyOf(launchers);
        crashes = List.copyOf(crashes);
    }

    /** The crashes during the phase of check {@code id}, in order. */
    public List<Crash> crashesIn(String id) {
        return crashes.stream().filter(c -> c.check().equals(id)).toList();
    }

    /** One tricky message: what it was, and whether it came back byte for byte. */
    public record EchoTry(String label, int bytes, boolean matched, String outcome) {}

    public record Echo(List<EchoTry> tries) {}

    /**
     * The silent client and the second client: when the second's connect and write returned, and
     * after how long (if at all within {@code limitMillis}) its echo came.
     */
    public record Concurrency(String silentClient, String secondClient, double connectMillis, boolean writeReturned,
                              double echoMillis, long limitMillis) {
        public boolean served() {
            return echoMillis >= 0 && echoMillis <= limitMillis;
        }
    }

    /**
     * Waves of clients that each stay connected a while, and the server's state before the first
     * wave and after each one left.
     *
     * @param serverPid the process that listened during the waves
     * @param before    the server before the first wave
     * @param waves     each wave, in order
     * @param recording what the sampler saw from the first wave to the last one's settling
     */
    public record Waves(long serverPid, State before, List<Wave> waves, Recording recording) {
        /** The state after the last wave left. */
        public State after() {
            return waves.isEmpty() ? before : waves.get(waves.size() - 1).after();
        }

        /** Every client of every wave, name to local port. */
        public Map<String, Integer> ports() {
            Map<String, Integer> all = new java.util.LinkedHashMap<>();
            waves.forEach(w -> all.putAll(w.ports()));
            return all;
        }
    }

    /**
     * One wave: when it began, its clients by name and local port, how many were echoed, and the
     * server after they left.
     */
    public record Wave(int size, long startNanos, Map<String, Integer> ports, int served, State after) {}

    /**
     * The server process at one settled moment.
     *
     * @param descriptors its open descriptors, or -1 where unknown
     * @param threads     the TIDs of its threads (empty where the system does not list them)
     * @param children    the PIDs of its live descendants
     * @param zombies     the PIDs of its descendants that ended and were not reaped
     */
    public record State(int descriptors, Set<Long> threads, Set<Long> children, Set<Long> zombies) {}

    /** A thread and the share of one CPU it used while no client sent anything. */
    /** Where a thread of the server waited at the end of the quiet second (Issue 21). */
    public record ThreadWait(long pid, long tid, String name, echolab.observe.WaitSite site) {}

    /**
     * A thread over the quiet second: the share of a CPU it ran, and the share it wanted (ran, or was
     * ready and waited for a CPU; -1 where the system does not say).
     */
    public record BusyThread(long pid, long tid, String name, double cpuShare, double wantedShare) {
        /** The larger of the two: on a busy machine a thread that polls gets little but wants it all. */
        public double busiest() {
            return Math.max(cpuShare, wantedShare);
        }
    }

    /**
     * The quiet second: the CPU the server's own threads (not its runtime's) ran, and the CPU they
     * wanted ({@link WantedCpu}; -1 where the system does not say), each as a share of one CPU; and
     * where each of those threads waited at its end.
     */
    public record Idle(double seconds, double treeCpuShare, double treeWantedShare, List<BusyThread> busiest,
                       List<ThreadWait> waits) {
        /** What the check judges: a polling thread wants the CPU however little it gets. */
        public double judged() {
            return Math.max(treeCpuShare, treeWantedShare);
        }
    }

    /**
     * The printed total before and after the counter's clients, and what they sent; {@code why} says
     * why no total could be read, when none was.
     */
    public record Counter(String pattern, CounterUnit unit, Long before, Long after, long sent, int clients,
                          int messages, String why) {}

    /** One burst: how many clients, which were served in time, which never answered, which failed. */
    public record Burst(int size, int served, List<String> orphaned, Map<String, String> failed, double millis) {}

    /**
     * The server died during a phase.
     *
     * @param check   the check whose phase it was ({@code echo}, {@code burst}, ...)
     * @param how     how it ended: {@code crashed: SIGSEGV (signal 11)}, {@code exited with code 1}
     * @param signal  the signal that killed it, or 0
     * @param sending what the clients were sending at that moment
     * @param hint    what that suggests, or empty
     * @param output  its last lines of output (stderr included)
     * @param restarted whether it was started again for the checks after this one
     */
    public record Crash(String check, String how, int signal, String sending, String hint, String output,
                        boolean restarted) {}
}
