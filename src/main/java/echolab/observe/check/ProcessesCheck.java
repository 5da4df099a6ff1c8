package echolab.observe.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import echolab.observe.Recording;

/** {@code processes}: a child process per client, each client's connection held by its own child, no child back in accept. */
final class ProcessesCheck implements Check {

    @Override
    public String id() {
        return "processes";
    }

    @Override
    public Verdict judge(Evidence e) {
        Recording whole = e.whole();
        Recording held = e.held().recording();
        if (whole.children().isEmpty()) {
            return Verdict.skip(id(), "The server started no child processes: not a process-per-client server.",
                    List.of("processes seen: the server alone (PID " + e.rootPid() + ")"));
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("child processes seen: " + whole.children().size() + ", most alive at once: "
                + (whole.peakProcesses() - 1));
        if (!whole.childrenInAccept().isEmpty()) {
            for (long pid : whole.childrenInAccept()) {
                evidence.add("child PID " + pid + " waited in accept() on the listening socket");
            }
            return Verdict.fail(id(), "A child went back to accept(): after serving its client it fell back into "
                    + "the accept loop and became a second server. End the child with exit(0) once its client is done.",
                    evidence);
        }
        if (!e.sockets()) {
            return Verdict.skip(id(), "This system does not say which process holds which connection.", evidence);
        }
        Map<Integer, Set<Long>> holders = held.holders();
        Map<Integer, Set<String>> serving = held.servingThreads();
        List<String> notInChild = new ArrayList<>();
        Map<Long, String> childOf = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, Integer> c : e.held().ports().entrySet()) {
            // who serves it: a process with a thread in read() or write() on it; a copy inherited
            // through fork, or kept by the parent, holds the connection without serving it
            List<Long> servers = serving.getOrDefault(c.getValue(), Set.of()).stream()
                    .map(id -> Long.parseLong(id.substring(0, id.indexOf('/'))))
                    .filter(p -> p != e.rootPid()).distinct().sorted().toList();
            Set<Long> pids = holders.getOrDefault(c.getValue(), Set.of());
            List<Long> children = servers.isEmpty()
                    ? pids.stream().filter(p -> p != e.rootPid()).sorted().limit(1).toList() : servers;
            if (children.isEmpty()) {
                notInChild.add(c.getKey());
                continue;
            }
            evidence.add(c.getKey() + " served by child PID " + children.get(0)
                    + (pids.contains(e.rootPid()) ? " (the parent holds a copy of its connection too)" : ""));
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
        return Verdict.pass(id(), "Each of the " + e.held().ports().size() + " clients was served by a child "
                + "process of its own.", evidence);
    }
}
