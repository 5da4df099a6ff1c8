package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/** {@code busy-wait}: no thread burns a CPU while no client sends. */
final class BusyWaitCheck implements Check {

    /**
     * An idle server uses next to nothing (a JVM's housekeeping, a few percent); a quarter of a CPU
     * for a whole second without clients is a thread that polls. What is judged is the CPU the
     * server's threads wanted: the time they ran plus the time they were ready and waited for a CPU
     * ({@link WantedCpu}). On a busy machine spinning threads share the CPUs with everything else
     * running and get little (eight of them once got 20% of a CPU between them), but they want all of
     * it; an idle thread wants none. Where the system does not say, the CPU they ran is judged.
     */
    static final double LIMIT = 0.25;
    /** A thread that used, or wanted, this much of a quiet second is named as one of those that spin. */
    static final double SPINNING = 0.1;

    @Override
    public String id() {
        return "busy-wait";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Idle idle = e.idle();
        List<String> evidence = new ArrayList<>();
        String over = Figures.seconds(idle.seconds() * 1000);
        evidence.add("CPU of the whole server over " + over + " without clients: "
                + Figures.percent(idle.treeCpuShare()) + " of one CPU");
        if (idle.treeWantedShare() >= 0) {
            evidence.add("CPU its threads wanted (ran, or were ready and waited for a CPU): "
                    + Figures.percent(idle.treeWantedShare()) + " of one CPU");
        }
        for (Evidence.BusyThread t : idle.busiest()) {
            if (t.busiest() >= 0.01) {
                evidence.add("thread " + t.name() + " (TID " + t.tid() + ", PID " + t.pid() + "): "
                        + Figures.percent(t.cpuShare()) + (t.wantedShare() >= 0.01 && t.wantedShare() > t.cpuShare() * 1.5
                        ? ", wanted " + Figures.percent(t.wantedShare()) : ""));
            }
        }
        boolean named = idle.busiest().stream().anyMatch(t -> t.busiest() >= SPINNING);
        if (idle.busiest().isEmpty() && idle.treeCpuShare() == 0) {
            evidence.add("per-thread CPU: not available on this system, the whole process's used");
        }
        if (idle.judged() < LIMIT) {
            return Verdict.pass(id(), "The idle server used " + Figures.percent(idle.treeCpuShare())
                    + " of a CPU: its threads wait without spinning.", evidence);
        }
        String burned = idle.treeWantedShare() > idle.treeCpuShare() * 1.5 && idle.treeCpuShare() < LIMIT
                ? "The server's threads wanted " + Figures.percent(idle.treeWantedShare()) + " of a CPU (the busy machine "
                        + "gave them " + Figures.percent(idle.treeCpuShare()) + ")"
                : "The server burned " + Figures.percent(idle.treeCpuShare()) + " of a CPU";
        return Verdict.fail(id(), burned + " while no client sent anything" + (named ? " (its busiest threads are named)" : "")
                + ": a thread polls in a loop. Wait on a semaphore (sem_wait) or a condition variable instead, so it "
                + "sleeps until there is work.", evidence);
    }
}
