package echolab.observe.check;

import java.util.List;

/** {@code concurrency}: a client that connects and sends nothing does not keep another from being served. */
final class ConcurrencyCheck implements Check {

    @Override
    public String id() {
        return "concurrency";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Concurrency c = e.concurrency();
        String connect = c.connectMillis() < 0 ? c.secondClient() + "'s connect did not return"
                : c.secondClient() + "'s connect returned after " + Figures.millis(c.connectMillis());
        if (c.served()) {
            return Verdict.pass(id(), "While " + c.silentClient() + " was connected and silent, " + c.secondClient()
                    + " was served in " + Figures.millis(c.echoMillis()) + ".",
                    List.of(c.silentClient() + " connected and sent nothing", connect,
                            c.secondClient() + "'s echo came after " + Figures.millis(c.echoMillis())));
        }
        return Verdict.fail(id(), "The server serves one client at a time: while " + c.silentClient()
                + " was connected and silent, " + c.secondClient() + "'s connect"
                + (c.writeReturned() ? " and write returned (the kernel queued them) but its read" : "")
                + " waited more than " + c.limitMillis() / 1000 + " s. Serve each client in its own process "
                + "(fork) or thread, or watch them all with select/epoll.",
                List.of(c.silentClient() + " connected and sent nothing", connect,
                        c.secondClient() + "'s write " + (c.writeReturned() ? "returned" : "did not return"),
                        c.secondClient() + "'s read: no echo within " + c.limitMillis() + " ms"));
    }
}
