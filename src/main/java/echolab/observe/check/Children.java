package echolab.observe.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import echolab.observe.Recording;

/**
 * The server's child processes over the waves of clients: which were there before the first
 * client (a preforked server's workers, each waiting in {@code accept}), which came per client,
 * and which went back to {@code accept} after serving (a child that forgot to exit).
 *
 * @param all          every descendant of the server seen during the waves
 * @param atStart      descendants alive before the first wave that held the listening socket and waited in accept
 * @param bornInWaves  descendants first seen after the first wave began
 * @param backInAccept descendants born in the waves that were later seen waiting in accept
 * @param holders      for each client port, the descendants that held its connection
 * @param aliveAtEnd   descendants alive after the last wave left
 */
record Children(List<Recording.ProcessLife> all, List<Recording.ProcessLife> atStart,
                List<Recording.ProcessLife> bornInWaves, List<Long> backInAccept, Map<Integer, Set<Long>> holders,
                List<Long> aliveAtEnd) {

    static Children of(Evidence e) {
        Evidence.Waves waves = e.waves();
        Recording r = waves.recording();
        long first = waves.waves().isEmpty() ? Long.MAX_VALUE : waves.waves().get(0).startNanos();
        long end = r.last() == null ? Long.MAX_VALUE : r.last().nanos();
        List<Recording.ProcessLife> lives = r.processLives();
        Map<Long, Long> parentOf = new HashMap<>();
        lives.forEach(p -> parentOf.put(p.pid(), p.ppid()));
        List<Recording.ProcessLife> all = new ArrayList<>();
        List<Recording.ProcessLife> atStart = new ArrayList<>();
        List<Recording.ProcessLife> born = new ArrayList<>();
        List<Long> backInAccept = new ArrayList<>();
        List<Long> aliveAtEnd = new ArrayList<>();
        for (Recording.ProcessLife p : lives) {
            if (p.pid() == waves.serverPid() || !ServerRoles.underServer(p.pid(), waves.serverPid(), parentOf)) {
                continue;
            }
            all.add(p);
            if (p.firstNanos() < first) {
                if (p.heldListener() && p.accepted()) {
                    atStart.add(p);
                }
            } else {
                born.add(p);
                if (p.accepted()) {
                    backInAccept.add(p.pid());
                }
            }
            if (p.lastNanos() >= end) {
                aliveAtEnd.add(p.pid());
            }
        }
        Map<Integer, Set<Long>> holders = new HashMap<>();
        r.holders().forEach((port, pids) -> {
            Set<Long> children = new java.util.TreeSet<>();
            for (long pid : pids) {
                if (pid != waves.serverPid() && ServerRoles.underServer(pid, waves.serverPid(), parentOf)) {
                    children.add(pid);
                }
            }
            if (!children.isEmpty()) {
                holders.put(port, children);
            }
        });
        return new Children(all, atStart, born, backInAccept, holders, aliveAtEnd);
    }

    /** Whether children held clients' connections: the work is done in child processes. */
    boolean servedClients() {
        return !holders.isEmpty();
    }

    /**
     * A preforked server: its children were waiting in accept before any client came, and no new
     * ones were needed for the clients.
     */
    boolean preforked() {
        return !atStart.isEmpty() && bornInWaves.isEmpty();
    }
}
