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
 * @param rootPid     the server's PID
 * @param echo        the tricky messages and what came back
 * @param concurrency a silent client and a second one
 * @param held        clients that stayed connected a while, a few at a time
 * @param settled     the tree before those clients and after they left
 * @param idle        CPU while no client was connected
 * @param counter     the server's printed total against what the clients sent, or null without a pattern
 * @param bursts      each burst's outcome
 * @param burstRecording what the sampler saw during the bursts
 * @param whole       what the sampler saw during the whole run
 * @param sockets     whether this system says which process holds which connection
 * @param threadWaits whether this system says what each thread waits in
 */
public record Evidence(Framing framing, long rootPid, Echo echo, Concurrency concurrency, Held held, Settled settled,
                       Idle idle, Counter counter, List<Burst> bursts, Recording burstRecording, Recording whole,
                       boolean sockets, boolean threadWaits) {

    /** One tricky message: what it was, and whether it came back byte for byte. */
    public record EchoTry(String label, int bytes, boolean matched, String outcome) {}

    public record Echo(String client, List<EchoTry> tries) {}

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

    /** Clients that each stayed connected for a while, overlapping, and which PIDs held each one's connection. */
    public record Held(List<String> clients, Map<String, Integer> ports, Recording recording, int served) {}

    /** The root's descriptors and threads before the held clients came and after they left; zombies left. */
    public record Settled(int descriptorsBefore, int descriptorsAfter, int threadsBefore, int threadsAfter,
                          int clients, Set<Long> zombiesAfter, int biggestFutexGroup) {}

    /** A thread and the share of one CPU it used while no client sent anything. */
    public record BusyThread(long pid, long tid, String name, double cpuShare) {}

    public record Idle(double seconds, double treeCpuShare, List<BusyThread> busiest) {}

    /** The printed total before and after the counter's clients, and what they sent. */
    public record Counter(String pattern, CounterUnit unit, Long before, Long after, long sent, int clients,
                          int messages) {}

    /** One burst: how many clients, which were served in time, which never answered, which failed. */
    public record Burst(int size, int served, List<String> orphaned, Map<String, String> failed, double millis) {}
}
