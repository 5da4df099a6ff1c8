package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code burst}: bursts of clients connecting at once are all echoed; the clients still waiting when
 * none of their burst has been answered for the time-out are named orphaned ({@link GroupWait}).
 */
final class BurstCheck implements Check {

    private final int timeoutSeconds;

    BurstCheck(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String id() {
        return "burst";
    }

    @Override
    public Verdict judge(Evidence e) {
        List<String> evidence = new ArrayList<>();
        List<String> orphaned = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        int failed = 0;
        for (Evidence.Burst b : e.bursts()) {
            StringBuilder line = new StringBuilder("burst of " + b.size() + ": " + b.served() + " served in "
                    + Figures.millis(b.millis()));
            if (!b.orphaned().isEmpty()) {
                line.append("; orphaned (no echo, and none to any client of the burst for ").append(timeoutSeconds)
                        .append(" s): ")
                        .append(Figures.names(b.orphaned()));
                orphaned.addAll(b.orphaned());
            }
            if (!b.failed().isEmpty()) {
                line.append("; failed: ");
                List<String> parts = new ArrayList<>();
                b.failed().forEach((client, why) -> {
                    parts.add(client + " (" + why + ")");
                    if (why.startsWith("got bytes that ")) {
                        crossed.add(client + " " + why);
                    }
                });
                line.append(String.join(", ", parts));
                failed += b.failed().size();
            }
            evidence.add(line.toString());
        }
        if (orphaned.isEmpty() && failed == 0) {
            return Verdict.pass(id(), "Every client of every burst (" + sizes(e) + ") was echoed.", evidence);
        }
        String what = (orphaned.isEmpty() ? "" : orphaned.size() + " client" + (orphaned.size() == 1 ? " was" : "s were")
                + " never answered (orphaned)") + (orphaned.isEmpty() || failed == 0 ? "" : " and ")
                + (failed == 0 ? "" : failed + " got a wrong answer or a closed connection");
        if (!crossed.isEmpty()) {
            return Verdict.fail(id(), "Under bursts clients got each other's bytes: " + Figures.names(crossed)
                    + ". A buffer shared by threads: each thread (each client) needs a buffer of its own — a local "
                    + "variable of the thread's function, not a global or static one.", evidence);
        }
        return Verdict.fail(id(), "Under bursts " + what + ": if accepted connections are handed to workers, "
                + "every worker must take its own connection — a single shared slot is overwritten by the next "
                + "accept; guard a queue of connections with semaphores (a mutex, free slots, waiting clients).",
                evidence);
    }

    private static String sizes(Evidence e) {
        return String.join(", ", e.bursts().stream().map(b -> String.valueOf(b.size())).toList());
    }
}
