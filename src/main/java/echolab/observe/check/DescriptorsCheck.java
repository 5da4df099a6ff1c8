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
        Evidence.Settled s = e.settled();
        if (s.descriptorsBefore() < 0 || s.descriptorsAfter() < 0) {
            return Verdict.skip(id(), "This system does not say how many descriptors a process has open.",
                    List.of("descriptors: not available on this system"));
        }
        int grew = s.descriptorsAfter() - s.descriptorsBefore();
        List<String> evidence = List.of("open descriptors of the server (PID " + e.rootPid() + ") before "
                + s.clients() + " clients: " + s.descriptorsBefore(), "after they left: " + s.descriptorsAfter());
        if (grew <= SLACK) {
            return Verdict.pass(id(), "The server's open descriptors returned to " + s.descriptorsAfter()
                    + " after " + s.clients() + " clients left.", evidence);
        }
        boolean forks = !e.whole().children().isEmpty();
        return Verdict.fail(id(), "The server keeps " + grew + " more descriptors after " + s.clients()
                + " clients left: about one per client, so it will run out. "
                + (forks ? "The parent must close(connfd) after fork: the child has its own copy."
                        : "Close each connection when its client is done."), evidence);
    }
}
