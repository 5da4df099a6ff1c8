package echolab.engine;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

import echolab.base.Limits;

/**
 * How many connections each other machine has open, and whether it may open one more: at most
 * {@code maxPerHost} each, so that in a classroom one student's burst of five hundred connections
 * cannot take the whole class's server. Connections from this machine's loopback (127.0.0.0/8,
 * {@code ::1}) are never counted nor refused: the lab's own simulated clients, hundreds of them,
 * and the teacher's own terminal come from there.
 *
 * <p>A host whose connections have all closed is forgotten, so the books hold only the machines
 * connected now.
 *
 * <p>Threading: any thread. {@link #tryTake} runs on the acceptor, {@link #release} on whichever
 * thread closes the connection; each is one atomic step on the host's count, so a slot freed on a
 * worker thread is seen by the next accept.
 */
final class HostQuota {

    private final int maxPerHost;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    HostQuota(int maxPerHost) {
        this.maxPerHost = (int) Limits.MAX_PER_HOST.check(maxPerHost);
    }

    /** Whether connections from {@code host} are left out of the count: this machine's loopback. */
    static boolean exempt(InetAddress host) {
        return host.isLoopbackAddress();
    }

    /**
     * Counts one more connection from {@code host} if it has a slot left. A loopback host always
     * has one and is not counted.
     *
     * @return whether the connection may stay; when true, {@link #release} must follow once it
     *     closes (for a loopback host that does nothing)
     */
    boolean tryTake(InetAddress host) {
        if (exempt(host)) {
            return true;
        }
        boolean[] taken = {false};
        open.compute(host, (h, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerHost) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    /** Frees the slot a connection from {@code host} held, which {@link #tryTake} gave it. */
    void release(InetAddress host) {
        if (exempt(host)) {
            return;
        }
        open.computeIfPresent(host, (h, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections from {@code host} counted now; 0 for loopback, which is not counted. */
    int openFrom(InetAddress host) {
        return open.getOrDefault(host, 0);
    }
}
