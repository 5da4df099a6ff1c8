package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

import echolab.observe.Recording;

/**
 * {@code threads}: judged over waves of clients, never from a count at one instant. A pool's
 * threads serve one wave after another (a pool that grows lazily up to its size is still a pool);
 * a thread per client ends with its client; a leak is a thread that outlives its client and never
 * serves again while new threads are started for the next ones. The runtime's own threads serve no
 * client and count as neither.
 */
final class ThreadsCheck implements Check {

    @Override
    public String id() {
        return "threads";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Waves waves = e.waves();
        if (waves.waves().isEmpty()) {
            return Verdict.skip(id(), "No wave of clients was completed, so the threads could not be followed.",
                    List.of("waves completed: none"));
        }
        if (waves.before().threads().isEmpty()) {
            return Verdict.skip(id(), "This system does not list a process's threads.",
                    List.of("threads of the server: not available on this system"));
        }
        Workers w = Workers.of(waves);
        List<String> evidence = new ArrayList<>();
        evidence.add("threads of the server (PID " + waves.serverPid() + ") before the first wave: "
                + waves.before().threads().size() + ", after each wave left: " + afterEach(waves));
        if (w.visible()) {
            evidence.add("threads seen serving a client: " + w.workers().size() + "; of them serving more than one: "
                    + w.reused().size() + "; still there after the last wave: " + w.alive().size());
        }
        evidence.add("threads that served no client, " + (e.runtime().words().isEmpty()
                ? "the program's own helpers or its runtime's" : "mostly " + e.runtime().words() + "'s own") + ", "
                + "counted neither as workers nor as leaked: " + w.othersInWords());
        if (!w.leaked().isEmpty()) {
            evidence.add("outlived their clients and never served again: " + tids(w.leaked()));
            return Verdict.fail(id(), w.leaked().size() + " thread" + (w.leaked().size() == 1 ? "" : "s")
                    + " outlived " + (w.leaked().size() == 1 ? "its client" : "their clients")
                    + " and never served again, while new threads were started for the next wave: a thread must end "
                    + "when its client leaves (return from the thread function; create it detached, or join it), or "
                    + "go back to wait for the next client as a pool's worker does. Otherwise the server grows by a "
                    + "thread per client.", evidence);
        }
        if (!w.visible() && w.growsWithEveryWave(waveSizes(waves))) {
            return Verdict.fail(id(), "The server's threads grew with every wave of clients and did not come back ("
                    + w.threadsPerWave() + "): a thread per client that never ends.", evidence);
        }
        String how;
        if (!w.reused().isEmpty()) {
            how = "The same " + w.workers().size() + " threads served one client after another, wave after wave: "
                    + "no thread outlived its purpose.";
        } else if (w.visible() && w.alive().isEmpty()) {
            how = "Each client had a thread of its own, and it ended when its client left.";
        } else {
            how = "The server's threads did not grow with the waves of clients.";
        }
        return Verdict.pass(id(), how, evidence);
    }

    private static List<Integer> waveSizes(Evidence.Waves waves) {
        return waves.waves().stream().map(Evidence.Wave::size).toList();
    }

    private static String afterEach(Evidence.Waves waves) {
        List<String> parts = new ArrayList<>();
        for (Evidence.Wave wave : waves.waves()) {
            parts.add(wave.after().threads().size() + " (wave of " + wave.size() + ")");
        }
        return String.join(", ", parts);
    }

    private static String tids(List<Recording.ThreadLife> threads) {
        return Figures.names(threads.stream().map(t -> t.name() + " (TID " + t.tid() + ")").toList());
    }
}
