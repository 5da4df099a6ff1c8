package echolab.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import echolab.base.LabThreads;
import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.engine.ServerStats;
import echolab.ui.observe.FramingChoice;
import echolab.ui.observe.YourServerViewModel;
import echolab.ui.subject.Subject;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frames}: opens the real window, loads it with clients talking at full speed, and prints
 * the frame-time percentiles the window kept meanwhile. Needs a display (or {@code xvfb-run}).
 */
@Command(name = "frames", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures how smoothly the window animates under load and prints frame-time percentiles.")
public final class FrameTimeBenchmark implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", defaultValue = "pool", converter = echolab.cli.ModeConverter.class,
            description = "server mode (default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--clients", description = "clients at full speed (default: 100; 0 with --compare)")
    private Integer clients;

    @Option(names = "--pool-size", defaultValue = "4", description = "pool workers (default: ${DEFAULT-VALUE})")
    private int poolSize;

    @Option(names = "--warmup", defaultValue = "3", description = "seconds before measuring (default: ${DEFAULT-VALUE})")
    private int warmupSeconds;

    @Option(names = "--seconds", defaultValue = "15", description = "seconds measured (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--sync", converter = echolab.cli.ScenarioConverter.class, paramLabel = "SCENARIO",
            description = "measure with the Synchronization lab in front, this scenario on")
    private echolab.sync.Scenario sync;

    @Option(names = "--observe", description = "measure with a student's server as the window's subject: the"
            + " COMMAND after -- is started as the Your server tab starts it ({port} or the port appended), and the"
            + " clients talk to it")
    private boolean observe;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the student's server, with --observe")
    private List<String> command = List.of();

    @Option(names = "--compare", description = "measure with the Compare tab in front, running comparisons of every"
            + " mode with its defaults back to back the whole time")
    private boolean compare;

    @Override
    public Integer call() throws Exception {
        if (observe == command.isEmpty()) {
            spec.commandLine().getErr().println(observe ? "frames: --observe needs the student's server after --"
                    + " (e.g. frames --observe -- ./threads)" : "frames: a command is measured only with --observe");
            spec.commandLine().getErr().flush();
            return 2;
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            WindowUnavailable.launch(() -> Platform.startup(started::countDown));
        } catch (WindowUnavailable e) {
            spec.commandLine().getErr().println("frames: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        started.await();
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(mode).poolSize(poolSize).build();
        LabWindow window = onFx(() -> LabWindow.open(new Stage(), options));
        if (sync != null) {
            window.lab().setScenario(sync);
            onFx(() -> {
                window.controller().showSyncLab();
                return null;
            });
        }
        int clients = this.clients != null ? this.clients : compare ? 0 : 100;
        YourServerViewModel student = observe ? startStudentsServer(window) : null;
        if (observe && student == null) {
            close(window);
            return 1;
        }
        if (student != null) {
            student.addClients(clients, () -> new Behaviour.Steady(Integer.MAX_VALUE, 0, 32));
        }
        for (int i = 0; student == null && i < clients; i++) {
            window.lab().addClient(new Behaviour.Steady(Integer.MAX_VALUE, 0, 32)); // ping-pong as fast as it goes
        }
        CompareLoop comparisons = compare ? onFx(() -> CompareLoop.start(window.controller())) : null;
        TimeUnit.SECONDS.sleep(warmupSeconds);

        long[] intervals = new long[seconds * 500];
        int[] count = new int[1];
        long[] last = new long[1];
        ServerStats.Snapshot before = window.lab().stats();
        long framesBefore = onFx(() -> window.controller().pump().framesProperty().get());
        long strainedBefore = onFx(() -> window.controller().pump().budget().strainedNanos());
        AnimationTimer meter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0 && count[0] < intervals.length) {
                    intervals[count[0]++] = now - last[0];
                }
                last[0] = now;
            }
        };
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        long fxCpuBefore = mx.getThreadCpuTime(fxThread);
        long renderCpuBefore = cpuOfThreadsNamed(mx, "QuantumRenderer");
        long allCpuBefore = cpuOfThreadsNamed(mx, "");
        long start = System.nanoTime();
        int comparedBefore = comparisons == null ? 0 : onFx(comparisons::finished);
        onFx(() -> {
            meter.start();
            return null;
        });
        TimeUnit.SECONDS.sleep(seconds);
        onFx(() -> {
            meter.stop();
            return null;
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        double fxCpu = (mx.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e9 / elapsed;
        double renderCpu = (cpuOfThreadsNamed(mx, "QuantumRenderer") - renderCpuBefore) / 1e9 / elapsed;
        double allCpu = (cpuOfThreadsNamed(mx, "") - allCpuBefore) / 1e9 / elapsed;
        ServerStats.Snapshot after = window.lab().stats();
        long frames = onFx(() -> window.controller().pump().framesProperty().get()) - framesBefore;
        double strained = (onFx(() -> window.controller().pump().budget().strainedNanos()) - strainedBefore) / 1e9 / elapsed;
        int compared = comparisons == null ? 0 : onFx(comparisons::finished) - comparedBefore;
        if (comparisons != null) {
            onFx(() -> {
                comparisons.stop();
                return null;
            });
        }

        long[] ms = Arrays.copyOf(intervals, count[0]);
        Arrays.sort(ms);
        String subject = student != null ? "subject=your-server" : "mode=" + mode.id() + " pool=" + poolSize;
        System.out.printf(Locale.ROOT, "%s clients=%d measured=%.1fs java=%s%s%n", subject, clients,
                elapsed, Runtime.version(), (sync == null ? "" : " sync=" + sync.id()) + (compare ? " compare=on" : ""));
        System.out.printf(Locale.ROOT, "frames=%d fps=%.1f%n", frames, frames / elapsed);
        System.out.printf(Locale.ROOT, "frame interval ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
                pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "text panels at half rate (window strained): %.0f%% of the time%n", 100 * strained);
        System.out.printf(Locale.ROOT, "cpu (cores): fx thread=%.2f renderer=%.2f whole jvm=%.2f%n", fxCpu, renderCpu, allCpu);
        if (comparisons != null) {
            System.out.printf(Locale.ROOT, "compare: %s; comparisons ended while measuring=%d%n",
                    onFx(comparisons::workload), compared);
        }
        if (student != null) {
            System.out.printf(Locale.ROOT, "your server: %s; %s%n", String.join(" ", command),
                    onFx(() -> student.figuresProperty().get()));
        } else {
            System.out.printf(Locale.ROOT, "server: echoed/s=%.0f events/s=%.0f events dropped=%d%n",
                    (after.echoed() - before.echoed()) / elapsed,
                    (after.eventsPublished() - before.eventsPublished()) / elapsed,
                    after.eventsDropped() - before.eventsDropped());
        }
        close(window);
        return 0;
    }

    /**
     * Makes the student's server the window's subject and starts {@link #command} as its tab does;
     * null, having said why, when it is not running within 30 s.
     */
    private YourServerViewModel startStudentsServer(LabWindow window) throws Exception {
        Subject remembered = Remembered.subject(Remembered.node());
        Runtime.getRuntime().addShutdownHook(LabThreads.user("echolab-frames-forget",
                () -> Remembered.saveSubject(Remembered.node(), remembered))); // a measurement is not a choice
        YourServerViewModel vm = onFx(() -> {
            window.controller().subjectProperty().set(Subject.STUDENT);
            YourServerViewModel m = window.controller().yourServer().viewModel();
            m.framingProperty().set(FramingChoice.LINE); // the clients' framing: a line each
            m.start(command);
            return m;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean starting = false;
        for (YourServerViewModel.Phase phase = onFx(() -> vm.phaseProperty().get());
             phase != YourServerViewModel.Phase.RUNNING; phase = onFx(() -> vm.phaseProperty().get())) {
            starting |= phase == YourServerViewModel.Phase.STARTING;
            if (System.nanoTime() > deadline || starting && phase == YourServerViewModel.Phase.IDLE) {
                spec.commandLine().getErr().println("frames: your server did not start: " + onFx(() -> vm.statusProperty().get()));
                spec.commandLine().getErr().flush();
                return null;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return vm;
    }

    private static void close(LabWindow window) throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.close();
            window.stage().close();
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
        Platform.exit();
    }

    /** CPU nanos of the live threads whose name contains {@code part} (all threads for ""). */
    private static long cpuOfThreadsNamed(java.lang.management.ThreadMXBean mx, String part) {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(part)) {
                sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
