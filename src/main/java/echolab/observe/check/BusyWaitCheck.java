package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/** {@code busy-wait}: no thread burns a CPU while no client sends. */
final class BusyWaitCheck implements Check {

    /**
     * An idle server uses next to nothing (a JVM's housekeeping, a few percent); a quarter of a CPU
     * for a whole second without clients is a thread that polls. The bar is low because spinning
     * threads share the CPUs with everything else running: on a busy machine eight of them got
     * well under one CPU between them.
     */
    static final double LIMIT = 0.25;
    /** A thread that used this much of a quiet second is named as one of those that spin. */
    static final double SPINNING = 0.1;

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
            if (t.cpuShare() >= SPINNING) {
                burning.add(t);
            }
        }
        if (idle.busiest().isEmpty() && idle.treeCpuShare() == 0) {
            evidence.add("per-thread CPU: not available on this system, the whole process's used");
        }
        if (idle.treeCpuShare() < LIMIT) {
            return Verdict.pass(id(), "The idle server used " + Figures.percent(idle.treeCpuShare())
                    + " of a CPU: its threads wait without spinning.", evidence);
        }
        return Verdict.fail(id(), "The server burned " + Figures.percent(idle.treeCpuShare())
                + " of a CPU while no client sent anything" + (burning.isEmpty() ? "" : " (its busiest threads are named)")
                + ": a thread polls in a loop. Wait on a semaphore (sem_wait) or a condition variable instead, so it "
                + "sleeps until there is work.", evidence);
    }
}
