package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/** {@code busy-wait}: no thread burns a CPU while no client sends. */
final class BusyWaitCheck implements Check {

    /** Half a CPU while nothing happens is no accident; an idle server uses next to nothing. */
    static final double LIMIT = 0.5;

    @Override
    public String id() {
        return "busy-wait";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Idle idle = e.idle();
        List<String> evidence = new ArrayList<>();
        evidence.add("CPU of the whole server over " + Figures.seconds(idle.seconds() * 1000) + " without clients: "
                + Figures.percent(idle.treeCpuShare()) + " of one CPU");
        List<Evidence.BusyThread> burning = new ArrayList<>();
        for (Evidence.BusyThread t : idle.busiest()) {
            if (t.cpuShare() >= 0.01) {
                evidence.add("thread " + t.name() + " (TID " + t.tid() + ", PID " + t.pid() + "): "
                        + Figures.percent(t.cpuShare()));
            }
            if (t.cpuShare() >= LIMIT) {
                burning.add(t);
            }
        }
        if (idle.busiest().isEmpty() && idle.treeCpuShare() == 0) {
            evidence.add("per-thread CPU: not available on this system, the whole process's used");
        }
        if (burning.isEmpty() && idle.treeCpuShare() < LIMIT * 2) {
            return Verdict.pass(id(), "The idle server used " + Figures.percent(idle.treeCpuShare())
                    + " of a CPU: its threads wait without spinning.", evidence);
        }
        return Verdict.fail(id(), (burning.isEmpty() ? "The server" : burning.size() + " thread"
                + (burning.size() == 1 ? "" : "s")) + " burned " + Figures.percent(idle.treeCpuShare())
                + " of a CPU while no client sent anything: a thread polls in a loop. Wait on a semaphore "
                + "(sem_wait) or a condition variable instead, so it sleeps until there is work.", evidence);
    }
}
