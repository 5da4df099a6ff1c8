package echolab.observe.check;

import java.util.List;

/** {@code threads}: peak threads; threads return to their baseline after the clients leave. */
final class ThreadsCheck implements Check {

    /** A runtime may start a helper thread or two on its own (a JVM's compiler threads come and go). */
    static final int SLACK = 2;

    @Override
    public String id() {
        return "threads";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Settled s = e.settled();
        List<String> evidence = List.of("threads of the server before " + s.clients() + " clients: " + s.threadsBefore(),
                "most at once while they were connected: " + e.held().recording().peakRootThreads()
                        + " (whole run: " + e.whole().peakRootThreads() + ")",
                "after they left: " + s.threadsAfter());
        if (s.threadsBefore() == 0) {
            return Verdict.skip(id(), "This system does not list a process's threads.", evidence);
        }
        int grew = s.threadsAfter() - s.threadsBefore();
        if (grew <= SLACK) {
            return Verdict.pass(id(), "Threads peaked at " + e.whole().peakRootThreads() + " and returned to "
                    + s.threadsAfter() + " after the clients left.", evidence);
        }
        return Verdict.fail(id(), grew + " threads outlived their clients: a thread must end when its client "
                + "leaves (return from the thread function; create it detached, or join it), or the server "
                + "grows by a thread per client.", evidence);
    }
}
