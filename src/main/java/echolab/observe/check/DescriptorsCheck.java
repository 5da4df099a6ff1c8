package echolab.observe.check;

import java.util.List;

/** {@code descriptors}: the server's open descriptors return to their baseline after the clients leave. */
final class DescriptorsCheck implements Check {

    /** A runtime may open a file or two lazily (a JVM loading a jar); a leak grows by one per client. */
    static final int SLACK = 2;

    @Override
    public String id() {
        return "descriptors";
    }

    @Override
    public Verdict judge(Evidence e) {
        if (e.waves().waves().isEmpty()) {
            return Verdict.skip(id(), "No wave of clients was completed, so the descriptors could not be followed.",
                    List.of("waves completed: none"));
        }
        Evidence.State before = e.waves().before();
        Evidence.State after = e.waves().after();
        int clients = e.waves().waves().stream().mapToInt(Evidence.Wave::size).sum();
        if (before.descriptors() < 0 || after.descriptors() < 0) {
            return Verdict.skip(id(), "This system does not say how many descriptors a process has open.",
                    List.of("descriptors: not available on this system"));
        }
        int grew = after.descriptors() - before.descriptors();
        List<String> evidence = new java.util.ArrayList<>();
        evidence.add("open descriptors of the server (PID " + e.waves().serverPid() + ") before the first wave: "
                + before.descriptors());
        for (Evidence.Wave w : e.waves().waves()) {
            evidence.add("after the wave of " + w.size() + " left: " + w.after().descriptors());
        }
        // a leak grows by about one per client: every wave adds its size
        boolean growsPerClient = grew > SLACK && grew >= clients / 2;
        if (!growsPerClient) {
            return Verdict.pass(id(), "The server's open descriptors came back to " + after.descriptors()
                    + " after " + clients + " clients left" + (grew > 0 ? " (" + grew + " more than before: "
                    + "not one per client, so the runtime's own, not a leak)" : "") + ".", evidence);
        }
        boolean forks = !Children.of(e).all().isEmpty();
        return Verdict.fail(id(), "The server keeps " + grew + " more descriptors after " + clients
                + " clients left: about one per client, so it will run out. "
                + (forks ? "The parent must close(connfd) after fork: the child has its own copy."
                        : "Close each connection when its client is done."), evidence);
    }
}
