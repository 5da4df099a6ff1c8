package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code model}: what the server is, inferred from what it did over the waves of clients — a
 * child per client is a process per client; a fixed set of children that each accept, preforked
 * processes; threads that each serve one client, a thread per client; the same threads serving
 * client after client, a thread pool; one thread that serves many at once, an event loop; one
 * client at a time, iterative.
 */
final class ModelCheck implements Check {

    @Override
    public String id() {
        return "model";
    }

    /** The model in words, or empty when what was seen does not say. */
    static String infer(Evidence e) {
        Children children = Children.of(e);
        if (children.servedClients()) {
            return children.preforked() ? "preforked processes" : "process per client";
        }
        if (!e.concurrency().served()) {
            return "iterative";
        }
        if (e.waves().waves().isEmpty()) {
            return "";
        }
        Workers w = Workers.of(e.waves());
        if (!w.reused().isEmpty() && w.workers().size() >= 2) {
            // a cached pool starts more threads when a bigger wave finds its idle ones all busy; a fixed one queues
            return w.grewForLaterWaves(e.waves()) ? "cached thread pool" : "thread pool of " + w.workers().size();
        }
        if (w.workers().size() >= 2) {
            return "thread per client";
        }
        if (e.waves().before().threads().size() == 1) {
            return "single-threaded event loop";
        }
        if (e.runtime() == ServerRuntime.GO) {
            return "goroutines";
        }
        if (e.runtime() == ServerRuntime.JVM && w.others().containsKey("VirtualThread-u")
                || w.others().keySet().stream().anyMatch(n -> n.startsWith("ForkJoinPool"))
                && (w.others().containsKey("Read-Poller") || w.others().containsKey("MasterPoller"))) {
            return "virtual threads";
        }
        return "event loop";
    }

    @Override
    public Verdict judge(Evidence e) {
        String model = infer(e);
        List<String> evidence = new ArrayList<>();
        if (!e.launchers().isEmpty()) {
            evidence.add("the server is PID " + e.serverPid() + ", the process that listens; started through "
                    + String.join(" → ", e.launchers()));
        }
        Children children = Children.of(e);
        evidence.add("child processes seen: " + children.all().size()
                + (children.servedClients() ? ", serving clients' connections" : "")
                + (children.preforked() ? ", " + children.atStart().size() + " of them waiting in accept() before "
                + "any client came" : ""));
        if (!e.waves().waves().isEmpty()) {
            Workers w = Workers.of(e.waves());
            evidence.add("threads seen serving a client: " + w.workers().size() + ", of them serving more than one: "
                    + w.reused().size());
            evidence.add("threads that served no client" + (e.runtime().words().isEmpty() ? ""
                    : " (" + e.runtime().words() + " runs it: these are mostly its own)") + ": " + w.othersInWords());
        }
        evidence.add("a second client while one was silent: " + (e.concurrency().served() ? "served" : "kept waiting"));
        if (model.isEmpty()) {
            return Verdict.skip(id(), "What was seen does not say which model this is.", evidence);
        }
        return Verdict.pass(id(), sentence(model), evidence);
    }

    private static String sentence(String model) {
        return switch (model) {
            case "preforked processes" -> "This is a preforked server: a fixed set of processes, each accepting.";
            case "virtual threads" -> "This server serves each client on a virtual thread.";
            case "goroutines" -> "This server serves its clients on goroutines, which Go's runtime multiplexes "
                    + "on a few threads and its network poller (epoll): an event loop underneath.";
            default -> "This is " + (model.startsWith("i") || model.startsWith("e") ? "an " : "a ") + model + " server.";
        };
    }
}
