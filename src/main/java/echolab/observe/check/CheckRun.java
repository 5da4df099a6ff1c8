package echolab.observe.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;

/**
 * Checks a running student's server against the lab: drives it ({@link CheckDriver}), then lets
 * each requirement's {@link Check} judge what was seen. A crash is the finding of the check whose
 * phase it happened in; the server is started again and the other checks go on.
 *
 * <p>Threading: blocks the calling thread for the whole run (a healthy server: a few seconds).
 */
public final class CheckRun {

    private CheckRun() {
    }

    /** Thrown when the server could not be checked: nothing could be checked, or it would not start again. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /**
     * Runs every check on {@code server} (already started from {@code launch}, sampled by
     * {@code sampler}); clients' and the sampler's events go on {@code events}; {@code progress}
     * hears a sentence per phase. If the server crashes it is started again from {@code launch}
     * (null for a server attached to: then a crash ends the check); what was started again is
     * stopped before this returns.
     */
    public static CheckReport run(StudentServer server, TreeSampler sampler, Launch launch, EventBus events,
                                  CheckSettings settings, Consumer<String> progress)
            throws Failed, InterruptedException {
        long start = System.nanoTime();
        Evidence evidence;
        try (CheckSubject subject = new CheckSubject(server, sampler, launch, events)) {
            evidence = new CheckDriver(subject, events, settings, progress).run();
            return report(server, evidence, subject.sampler(), settings, (System.nanoTime() - start) / 1e9);
        } catch (CheckDriver.CheckAborted e) {
            throw new Failed(e.getMessage());
        }
    }

    /** The same, for a server that cannot be started again: a crash ends the check. */
    public static CheckReport run(StudentServer server, TreeSampler sampler, EventBus events, CheckSettings settings,
                                  Consumer<String> progress) throws Failed, InterruptedException {
        return run(server, sampler, null, events, settings, progress);
    }

    private static CheckReport report(StudentServer server, Evidence evidence, TreeSampler sampler,
                                      CheckSettings settings, double seconds) {
        List<Check> checks = List.of(new EchoCheck(), new BurstCheck(settings.timeoutSeconds()),
                new ConcurrencyCheck(), new ProcessesCheck(), new ReapingCheck(), new DescriptorsCheck(),
                new ThreadsCheck(), new BusyWaitCheck(), new CounterCheck(), new ModelCheck());
        List<Verdict> verdicts = new ArrayList<>();
        for (Check check : checks) {
            List<Evidence.Crash> crashes = evidence.crashesIn(check.id());
            verdicts.add(crashes.isEmpty() ? check.judge(evidence) : crashed(check.id(), crashes));
        }
        return new CheckReport(server.command(), evidence.framing().id(), ModelCheck.infer(evidence), verdicts,
                observed(evidence, sampler, seconds), evidence.idle().waits());
    }

    /** A crash during a check's phase is that check's failure, with the signal, what was sent, and the last output. */
    private static Verdict crashed(String id, List<Evidence.Crash> crashes) {
        Evidence.Crash c = crashes.get(0);
        List<String> evidence = new ArrayList<>();
        for (Evidence.Crash each : crashes) {
            evidence.add("the server " + each.how() + " while EchoLab sent " + each.sending());
        }
        if (!c.hint().isEmpty()) {
            evidence.add(echolab.observe.SignalNames.name(c.signal()) + " usually means " + c.hint());
        }
        String out = c.output().strip();
        if (!out.isEmpty()) {
            evidence.add("its last output: " + out.replace("\n", " ⏎ "));
        }
        evidence.add(c.restarted() ? "EchoLab started it again for the other checks" : "it could not be started again");
        String what = c.sending().startsWith("the ") ? c.sending() : "what was sent";
        return Verdict.fail(id, "The server " + c.how() + " on " + what
                + (c.hint().isEmpty() ? "." : ": " + c.hint() + ".")
                + (c.sending().contains("KiB") ? " Is the message longer than your buffer? Read at most the "
                + "buffer's free space, and echo a long message in pieces." : ""), evidence);
    }

    private static Map<String, Object> observed(Evidence e, TreeSampler sampler, double seconds) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("serverPid", e.serverPid());
        o.put("peakProcesses", e.whole().peakProcesses());
        o.put("peakThreads", e.whole().peakThreads());
        o.put("peakZombies", e.whole().peakZombies());
        o.put("descriptorsBaseline", e.waves().before().descriptors());
        o.put("descriptorsAfter", e.waves().after().descriptors());
        o.put("threadsBaseline", e.waves().before().threads().size());
        o.put("threadsAfter", e.waves().after().threads().size());
        int served = e.waves().waves().stream().mapToInt(Evidence.Wave::served).sum()
                + e.bursts().stream().mapToInt(Evidence.Burst::served).sum();
        int orphaned = e.bursts().stream().mapToInt(b -> b.orphaned().size()).sum();
        o.put("clientsServed", served);
        o.put("clientsOrphaned", orphaned);
        o.put("idleCpuPercent", Math.round(e.idle().treeCpuShare() * 1000) / 10.0);
        if (e.idle().treeWantedShare() >= 0) {
            o.put("idleWantedCpuPercent", Math.round(e.idle().treeWantedShare() * 1000) / 10.0);
        }
        o.put("crashes", e.crashes().size());
        o.put("samples", sampler.samples());
        o.put("checkSeconds", Math.round(seconds * 10) / 10.0);
        return o;
    }
}
