package echolab.observe.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code processes}: a child process per client, each client's connection held by its own child, no
 * child back in accept; or, for a preforked server, a fixed set of children that each accept and
 * serve one client after another. Launchers (a shell script, {@code make}) are not the server's
 * children: the server is the process that listens.
 */
final class ProcessesCheck implements Check {

    @Override
    public String id() {
        return "processes";
    }

    @Override
    public Verdict judge(Evidence e) {
        if (e.waves().waves().isEmpty()) {
            return Verdict.skip(id(), "No wave of clients was completed, so the processes could not be followed.",
                    List.of("waves completed: none"));
        }
        Children children = Children.of(e);
        List<String> evidence = new ArrayList<>();
        if (!e.launchers().isEmpty()) {
            evidence.add("the server is PID " + e.serverPid() + ", the process that listens; started through "
                    + String.join(" → ", e.launchers()) + " (not counted as its children)");
        }
        if (children.all().isEmpty()) {
            evidence.add("processes seen: the server alone (PID " + e.serverPid() + ")");
            return Verdict.skip(id(), "The server started no child processes: not a process-per-client server.",
                    evidence);
        }
        evidence.add("child processes seen during the waves: " + children.all().size() + ", "
                + children.bornInWaves().size() + " of them started for the clients");
        if (children.preforked()) {
            evidence.add(children.atStart().size() + " children waited in accept() before any client came: PIDs "
                    + Figures.pids(children.atStart().stream().map(p -> p.pid()).toList()));
            return Verdict.pass(id(), "A fixed set of " + children.atStart().size() + " preforked processes, each "
                    + "accepting, served the clients one after another; none was started per client.", evidence);
        }
        if (!children.backInAccept().isEmpty()) {
            for (long pid : children.backInAccept()) {
                evidence.add("child PID " + pid + " waited in accept() on the listening socket after it was started");
            }
            return Verdict.fail(id(), "A child went back to accept(): after serving its client it fell back into "
                    + "the accept loop and became a second server. End the child with exit(0) once its client is done.",
                    evidence);
        }
        if (!e.sockets()) {
            return Verdict.skip(id(), "This system does not say which process holds which connection.", evidence);
        }
        Map<Integer, Set<String>> serving = e.waves().recording().servingThreads();
        List<String> notInChild = new ArrayList<>();
        Map<Long, String> childOf = new HashMap<>();
        List<String> shared = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, Integer> c : e.waves().ports().entrySet()) {
            // who serves it: a process with a thread in read() or write() on it; a copy inherited
            // through fork, or kept by the parent, holds the connection without serving it
            List<Long> servers = serving.getOrDefault(c.getValue(), Set.of()).stream()
                    .map(id -> Long.parseLong(id.substring(0, id.indexOf('/'))))
                    .filter(p -> children.holders().getOrDefault(c.getValue(), Set.of()).contains(p))
                    .distinct().sorted().toList();
            Set<Long> pids = children.holders().getOrDefault(c.getValue(), Set.of());
            List<Long> holders = servers.isEmpty() ? pids.stream().sorted().limit(1).toList() : servers;
            if (holders.isEmpty()) {
                notInChild.add(c.getKey());
                continue;
            }
            if (shown++ < 8) {
                evidence.add(c.getKey() + " served by child PID " + holders.get(0));
            }
            for (long pid : servers) {
                String other = childOf.putIfAbsent(pid, c.getKey());
                if (other != null && !other.equals(c.getKey())) {
                    shared.add("PID " + pid + " served both " + other + " and " + c.getKey());
                }
            }
        }
        if (!notInChild.isEmpty()) {
            evidence.add("held by no child: " + Figures.names(notInChild));
            return Verdict.fail(id(), "Not every client was served by a child of its own: "
                    + Figures.names(notInChild) + ". Fork after accept, and let the child serve the connection.",
                    evidence);
        }
        if (!shared.isEmpty()) {
            evidence.addAll(shared);
            return Verdict.fail(id(), "A child served more than one client: fork once per accepted connection.",
                    evidence);
        }
        return Verdict.pass(id(), "Each of the " + e.waves().ports().size() + " clients was served by a child "
                + "process of its own.", evidence);
    }
}
