package echolab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.Wire;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.observe.check.CheckReport;
import echolab.observe.check.CheckRun;
import echolab.observe.check.CheckSettings;
import echolab.observe.check.FramingProbe;

/**
 * What watching a student's server costs, and how long a check takes: starts the server, connects
 * 32 clients that each send a message every 100 ms ({@code --think-ms}), samples its tree 20 times a second for a
 * while with every event taken off the bus (as the window does), and prints the sampler's CPU per
 * second as a share of one core; then checks the server once and prints how long it took.
 *
 * <pre>java -cp target/echolab.jar echolab.bench.ObserveBench [--seconds N] [--clients N] [--think-ms N] -- COMMAND...</pre>
 */
public final class ObserveBench {

    private ObserveBench() {
    }

    public static void main(String[] args) throws Exception {
        int dash = Arrays.asList(args).indexOf("--");
        if (dash < 0 || dash == args.length - 1) {
            System.err.println("usage: ObserveBench [--seconds N] [--clients N] [--think-ms N] -- COMMAND...");
            System.exit(2);
        }
        int seconds = 10;
        int clients = 32;
        int thinkMillis = 100;
        for (int i = 0; i + 1 < dash; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--think-ms" -> thinkMillis = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("ObserveBench: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        List<String> command = List.of(args).subList(dash + 1, args.length);
        watchCost(command, seconds, clients, thinkMillis);
        checkTime(command);
    }

    private static void watchCost(List<String> command, int seconds, int clients, int thinkMillis) throws Exception {
        EventBus events = new EventBus();
        Subscription drain = events.subscribe("bench", 1 << 16);
        try (StudentServer server = StudentServer.start(new Launch(command), events);
             TreeSampler sampler = TreeSampler.start(server, events)) {
            Framing framing = FramingProbe.detect(server.address(), 1_000);
            try (ClientFleet fleet = new ClientFleet(server.address(), events, "client-", Wire.text(framing))) {
                for (int i = 0; i < clients; i++) {
                    fleet.start(new Behaviour.Steady(100_000, thinkMillis, 48));
                }
                TimeUnit.SECONDS.sleep(2); // every client connected and served
                long drained = 0;
                long cpu0 = sampler.cpuNanos();
                long samples0 = sampler.samples();
                long t0 = System.nanoTime();
                long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
                while (System.nanoTime() < end) {
                    drained += drain.drain(e -> { }, 1 << 16);
                    TimeUnit.MILLISECONDS.sleep(16);
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (sampler.cpuNanos() - cpu0) / 1e9;
                long samples = sampler.samples() - samples0;
                var tree = sampler.latest();
                int threads = tree.processes().stream().mapToInt(p -> p.threads().size()).sum();
                System.out.printf(Locale.ROOT, "%s: %d clients connected, a message every %d ms each, tree of %d "
                        + "processes and %d threads%n", server.command(), clients, thinkMillis, tree.processes().size(),
                        threads);
                System.out.printf(Locale.ROOT, "sampler: %.1f samples/s, %.0f µs per reading, CPU %.2f%% of one core "
                        + "(%.1f ms per second), %,d events in %.0f s%n", samples / wall, sampler.meanReadMicros(),
                        100 * cpu / wall, 1000 * cpu / wall, drained, wall);
                fleet.disconnectAll();
            }
        } finally {
            drain.close();
        }
    }

    private static void checkTime(List<String> command) throws Exception {
        EventBus events = new EventBus();
        long t0 = System.nanoTime();
        try (StudentServer server = StudentServer.start(new Launch(command, null, Duration.ofSeconds(10)), events);
             TreeSampler sampler = TreeSampler.start(server, events)) {
            CheckReport report = CheckRun.run(server, sampler, events, CheckSettings.defaults(), line -> { });
            double took = (System.nanoTime() - t0) / 1e9;
            List<String> failed = new ArrayList<>();
            report.verdicts().stream().filter(v -> v.status().id().equals("fail")).forEach(v -> failed.add(v.id()));
            System.out.printf(Locale.ROOT, "full check (start to stop): %.1f s, model %s, %s%n", took, report.model(),
                    failed.isEmpty() ? "no check failed" : "failed: " + failed);
        }
    }
}
