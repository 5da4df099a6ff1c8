package echolab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import echolab.engine.ChildLauncher;
import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.events.EventDrain;

/**
 * Runs one workload against each mode, the engine in this JVM and real sockets on 127.0.0.1, and
 * measures what each mode costs and delivers: round trips per second, latency, a fresh client's
 * wait for its first echo (spawn and hand-off), connections per second under churn, threads,
 * processes, memory, CPU, and updates lost.
 *
 * <p>Threading: {@link #run} runs on the calling thread (its load client is that thread) and
 * returns when every run is done or {@code cancelled} says stop; progress is reported on it.
 */
public final class Bench {

    /** What a bench measured, mode by mode, and what it took. */
    public record Report(Workload workload, List<ModeResult> modes, double bareJvmStartMillis, double seconds) {}

    private static final long RUN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final double MB = 1024.0 * 1024.0;

    /** One run's raw figures. */
    private record Run(double roundTripsPerSecond, double connectionsPerSecond, double p50, double p99, double max,
                       double firstEchoMillis, double threads, double processes, double rssMbPeak,
                       double rssMbPerClient, double cpuSeconds, double lost, long completed, long errors) {}

    private Bench() {
    }

    /**
     * Measures every mode of {@code workload} in turn.
     *
     * @param progress  told before each run and once at the end
     * @param cancelled asked between runs and, ten times a second, during a run's load; true stops the
     *                  bench with the runs done so far (a run cut short measured nothing and is dropped)
     */
    public static Report run(Workload workload, Consumer<Progress> progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Mode> runnable = workload.modes().stream().filter(m -> m.unavailableReason().isEmpty()).toList();
        int total = runnable.size() * workload.repeat();
        int done = 0;
        double bareJvm = workload.modes().contains(Mode.PROCESSES) ? bareJvmStartMillis(3) : Double.NaN;
        List<ModeResult> results = new ArrayList<>();
        for (Mode mode : workload.modes()) {
            if (mode.unavailableReason().isPresent()) {
                results.add(ModeResult.skipped(mode.id(), mode.unavailableReason().get()));
                continue;
            }
            List<Run> runs = new ArrayList<>();
            for (int r = 1; r <= workload.repeat() && !cancelled.getAsBoolean(); r++) {
                progress.accept(new Progress(done, total, mode.id(), r, "running"));
                Run run = once(mode, workload, cancelled);
                if (run == null) {
                    break;
                }
                runs.add(run);
                done++;
            }
            if (runs.isEmpty()) {
                break;
            }
            results.add(aggregate(mode.id(), runs));
        }
        progress.accept(new Progress(done, total, "", 0, "done"));
        return new Report(workload, results, bareJvm, (System.nanoTime() - started) / 1e9);
    }

    /**
     * What a bare child JVM costs here: the median time, over {@code times} tries, from asking for a
     * process running a main that does nothing, with the children's flags and class path, to its exit.
     */
    public static double bareJvmStartMillis(int times) throws IOException, InterruptedException {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(ChildLauncher.command(BareJvm.class.getName()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("a bare JVM did not exit in 30 s");
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return Metric.of(ms).median();
    }

    /** One run of {@code mode}, or null when {@code cancelled} cut it short. */
    private static Run once(Mode mode, Workload w, BooleanSupplier cancelled) throws IOException, InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int threadsBefore = mx.getThreadCount();
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(mode).poolSize(w.poolSize())
                .delayMillis(w.delayMillis()).protection(w.protection()).raceWindowMicros(0)
                .maxConnections(Math.max(256, 2 * w.clients() + 16)).maxProcesses(Math.max(32, w.clients() + 8))
                .maxLineBytes(Math.max(64 * 1024, w.bytes() + 1)).build();
        EventBus bus = new EventBus();
        EventDrain drain = w.events() ? new EventDrain(bus.subscribe("bench", 1 << 17)) : null;
        EchoServer server = EchoServer.start(options, bus);
        try {
            long idleRss = RunWatch.selfRssBytes();
            int serverThreadsAtStart = Math.max(0, mx.getThreadCount() - threadsBefore); // acceptor, pool workers
            double firstEcho = firstEcho(server, w.bytes(), mode == Mode.PROCESSES ? 3 : 5);
            long cpuBefore = ProcessCpu.nanos();
            long clientCpuBefore = mx.getCurrentThreadCpuTime();
            LoadClient.Result load;
            RunWatch watch = new RunWatch(server);
            try {
                load = w.churn()
                        ? LoadClient.churn(server.address(), w.clients(), w.lines(), w.bytes(), RUN_TIMEOUT_NANOS, cancelled)
                        : LoadClient.steady(server.address(), w.clients(), w.lines(), w.bytes(), RUN_TIMEOUT_NANOS, cancelled);
            } finally {
                watch.close();
            }
            if (load.stopped()) {
                return null;
            }
            // the server's CPU: the whole JVM's, less the load client's (this thread) and the watch's
            double serverCpu = Math.max(0, ProcessCpu.nanos() - cpuBefore
                    - (mx.getCurrentThreadCpuTime() - clientCpuBefore) - watch.ownCpuNanos()) / 1e9;
            double rate = load.perSecond();
            double peakMb = watch.peakRssBytes() / MB;
            return new Run(rate, w.churn() ? rate : Double.NaN,
                    load.latencyMicros().getValueAtPercentile(50), load.latencyMicros().getValueAtPercentile(99),
                    load.latencyMicros().getMaxValue(), firstEcho,
                    watch.peakThreads() + serverThreadsAtStart, server.stats().peakProcesses(), peakMb,
                    Math.max(0, peakMb - idleRss / MB) / w.clients(), serverCpu + watch.childCpuSeconds(),
                    server.stats().lost(), load.completed(), load.mismatches() + load.errors() + load.incomplete());
        } finally {
            server.close();
            if (drain != null) {
                drain.close();
            }
        }
    }

    /** The median, over {@code times} fresh clients one after another, of connect-to-first-echo. */
    private static double firstEcho(EchoServer server, int bytes, int times) throws IOException {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            ms[i] = LoadClient.firstEcho(server.address(), bytes, RUN_TIMEOUT_NANOS);
        }
        return Metric.of(ms).median();
    }

    private static ModeResult aggregate(String mode, List<Run> runs) {
        long errors = runs.stream().mapToLong(Run::errors).sum();
        return new ModeResult(mode, null, runs.size(),
                metric(runs, Run::roundTripsPerSecond), metric(runs, Run::connectionsPerSecond),
                metric(runs, Run::p50), metric(runs, Run::p99), metric(runs, Run::max),
                metric(runs, Run::firstEchoMillis), metric(runs, Run::threads), metric(runs, Run::processes),
                metric(runs, Run::rssMbPeak), metric(runs, Run::rssMbPerClient), metric(runs, Run::cpuSeconds),
                metric(runs, Run::lost), runs.get(runs.size() - 1).completed(), errors);
    }

    private static Metric metric(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Metric.of(runs.stream().mapToDouble(f).toArray());
    }
}
