package echolab.observe.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import echolab.events.EventBus;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;

/**
 * Checks a running student's server against the lab: drives it ({@link CheckDriver}), then lets
 * each requirement's {@link Check} judge what was seen.
 *
 * <p>Threading: blocks the calling thread for the whole run (a healthy server: a few seconds).
 */
public final class CheckRun {

    private CheckRun() {
    }

    /** Thrown when the server could not be checked: it died, forked without end, or echoes no framing. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /**
     * Runs every check on {@code server} (already started, sampled by {@code sampler}); clients'
     * and the sampler's events go on {@code events}; {@code progress} hears a sentence per phase.
     */
    public static CheckReport run(StudentServer server, TreeSampler sampler, EventBus events, CheckSettings settings,
                                  Consumer<String> progress) throws Failed, InterruptedException {
        long start = System.nanoTime();
        Evidence evidence;
        try {
            evidence = new CheckDriver(server, sampler, events, settings, progress).run();
        } catch (CheckDriver.CheckAborted e) {
            throw new Failed(e.getMessage());
        }
        List<Check> checks = List.of(new EchoCheck(), new BurstCheck(settings.timeoutSeconds()),
                new ConcurrencyCheck(), new ProcessesCheck(), new ReapingCheck(), new DescriptorsCheck(),
                new ThreadsCheck(), new BusyWaitCheck(), new CounterCheck(), new ModelCheck());
        List<Verdict> verdicts = new ArrayList<>();
        for (Check check : checks) {
            verdicts.add(check.judge(evidence));
        }
        return new CheckReport(server.command(), evidence.framing().id(), ModelCheck.infer(evidence), verdicts,
                observed(evidence, sampler, (System.nanoTime() - start) / 1e9));
    }

    private static Map<String, Object> observed(Evidence e, TreeSampler sampler, double seconds) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("peakProcesses", e.whole().peakProcesses());
        o.put("peakThreads", e.whole().peakThreads());
        o.put("peakZombies", e.whole().peakZombies());
        o.put("descriptorsBaseline", e.settled().descriptorsBefore());
        o.put("descriptorsAfter", e.settled().descriptorsAfter());
        o.put("threadsBaseline", e.settled().threadsBefore());
        o.put("threadsAfter", e.settled().threadsAfter());
        int served = e.held().served() + e.bursts().stream().mapToInt(Evidence.Burst::served).sum();
        int orphaned = e.bursts().stream().mapToInt(b -> b.orphaned().size()).sum();
        o.put("clientsServed", served);
        o.put("clientsOrphaned", orphaned);
        o.put("idleCpuPercent", Math.round(e.idle().treeCpuShare() * 1000) / 10.0);
        o.put("samples", sampler.samples());
        o.put("checkSeconds", Math.round(seconds * 10) / 10.0);
        return o;
    }
}
