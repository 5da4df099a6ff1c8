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
        Map<Integer, Set<Long>> seenHeld = e.waves().recording().holders();
        List<String> notInChild = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
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
                // held by the server itself is evidence; held by nobody seen is a connection that
                // came and went between two samples (a loaded machine samples late), and no evidence
                (seenHeld.getOrDefault(c.getValue(), Set.of()).isEmpty() ? unseen : notInChild).add(c.getKey());
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
        if (!unseen.isEmpty()) {
            evidence.add("not seen held by any process (each came and went between two samples): "
                    + Figures.names(unseen));
        }
        if (!notInChild.isEmpty()) {
            evidence.add("held by the server itself and by no child: " + Figures.names(notInChild));
            return Verdict.fail(id(), "Not every client was served by a child of its own: "
                    + Figures.names(notInChild) + ". Fork after accept, and let the child serve the connection.",
                    evidence);
        }
        if (unseen.size() == e.waves().ports().size()) {
            return Verdict.skip(id(), "No client's connection was seen held by any process: the samples missed "
                    + "them all, so who served them is not known.", evidence);
        }
        if (!shared.isEmpty()) {
            evidence.addAll(shared);
            return Verdict.fail(id(), "A child served more than one client: fork once per accepted connection.",
                    evidence);
        }
        int seen = e.waves().ports().size() - unseen.size();
        return Verdict.pass(id(), (unseen.isEmpty() ? "Each of the " + seen + " clients"
                : "Each of the " + seen + " clients seen") + " was served by a child process of its own.", evidence);
    }
}
