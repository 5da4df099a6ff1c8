package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code model}: what the server is, inferred from what was seen — a child per client is a process
 * per client; threads that come and go with clients, a thread per client; a fixed set of threads
 * that take turns, a thread pool; one thread that serves many at once, an event loop; one thread
 * that serves one at a time, iterative.
 */
final class ModelCheck implements Check {

    @Override
    public String id() {
        return "model";
    }

    /** The model in words, or empty when what was seen does not say. */
    static String infer(Evidence e) {
        if (e.whole().childHeldAConnection() || e.whole().children().size() >= CheckDriver.HELD_CLIENTS) {
            return "process per client";
        }
        Evidence.Settled s = e.settled();
        int grew = e.held().recording().peakRootThreads() - s.threadsBefore();
        if (s.threadsBefore() > 0 && grew >= CheckDriver.HELD_CLIENTS / 2) {
            return "thread per client";
        }
        int serving = servingThreads(e).size();
        if (s.threadsBefore() >= 2 && (s.biggestFutexGroup() >= 2 || serving >= 2)) {
            int n = s.biggestFutexGroup() >= 2 ? s.biggestFutexGroup() : serving;
            return "thread pool of " + n;
        }
        if (s.threadsBefore() == 1 || (s.threadsBefore() == 0 && serving <= 1)) {
            return e.concurrency().served() ? "single-threaded event loop" : "iterative";
        }
        if (!e.concurrency().served()) {
            return "iterative";
        }
        return "";
    }

    private static Set<String> servingThreads(Evidence e) {
        Set<String> all = new TreeSet<>();
        e.held().recording().servingThreads().values().forEach(all::addAll);
        e.burstRecording().servingThreads().values().forEach(all::addAll);
        return all;
    }

    @Override
    public Verdict judge(Evidence e) {
        String model = infer(e);
        List<String> evidence = new ArrayList<>();
        evidence.add("child processes seen: " + e.whole().children().size()
                + (e.whole().childHeldAConnection() ? ", holding clients' connections" : ""));
        evidence.add("threads of the server: " + e.settled().threadsBefore() + " idle, "
                + e.held().recording().peakRootThreads() + " with " + CheckDriver.HELD_CLIENTS + " clients connected");
        if (e.settled().biggestFutexGroup() >= 2) {
            evidence.add(e.settled().biggestFutexGroup() + " idle threads wait on one semaphore or condition");
        }
        evidence.add("threads seen serving a client: " + servingThreads(e).size());
        evidence.add("a second client while one was silent: " + (e.concurrency().served() ? "served" : "kept waiting"));
        if (model.isEmpty()) {
            return Verdict.skip(id(), "What was seen does not say which model this is.", evidence);
        }
        return Verdict.pass(id(), "This is " + article(model) + " server.", evidence);
    }

    private static String article(String model) {
        return (model.startsWith("i") ? "an " : "a ") + model;
    }
}
