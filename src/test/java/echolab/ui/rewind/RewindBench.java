package echolab.ui.rewind;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.testing.RecordedRun;
import echolab.ui.EventPump;
import echolab.ui.LabFolds;

/**
 * How long the window takes to show an instant of a run of a million events (Issue 20: within
 * 100 ms): collects a million events of a real run (EchoLab's thread per client under load from
 * 8 ping-pong clients on 127.0.0.1), folds them into the window's folds through a time machine as
 * the window does (a frame every 1,000 events, a checkpoint every
 * {@value echolab.ui.EventPump#CHECKPOINT_EVERY}), then shows random instants of it, printing the
 * time each took (restoring the checkpoint before it and folding on) as percentiles, beside the
 * machine's load average. What it times is the folds' part; the window then draws the result in
 * its next frame. Run by {@code bash bench/rewind.sh}.
 */
public final class RewindBench {

    private RewindBench() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seeks = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS)
                .protection(Protection.NONE).build();
        List<Event> events = RecordedRun.underLoad(options, wanted);
        System.out.printf(Locale.ROOT, "collected %d events of a real run (threads, 8 clients); load %.2f%n",
                events.size(), load());

        LabFolds folds = new LabFolds(options.mode(), options.protection(), options.delayMillis(),
                options.raceWindowMicros(), options.poolSize(), options.blockingLoop());
        TimeMachine<List<Object>> machine = new TimeMachine<>(folds, EventPump.CHECKPOINT_EVERY, wanted + (1 << 15));
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            machine.receive(events.get(i));
            if ((i + 1) % 1_000 == 0 || i == events.size() - 1) {
                machine.foldUntil(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE);
                machine.endFrame(events.get(i).nanos());
            }
        }
        System.out.printf(Locale.ROOT, "folded live in %.2f s with %d checkpoints; load %.2f%n",
                (System.nanoTime() - start) / 1e9, machine.checkpoints(), load());

        Random random = new Random(42);
        for (int round = 1; round <= 2; round++) {
            double[] millis = new double[seeks];
            for (int n = 0; n < seeks; n++) {
                long index = machine.earliest() + (long) (random.nextDouble() * (machine.head() - machine.earliest()));
                long t0 = System.nanoTime();
                machine.seek(index);
                millis[n] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            long over = Arrays.stream(millis).filter(m -> m > 100).count();
            System.out.printf(Locale.ROOT, "round %d: %d instants shown, ms p50=%.1f p95=%.1f p99=%.1f max=%.1f,"
                            + " over 100 ms: %d; load %.2f%n", round, seeks, millis[seeks / 2],
                    millis[(int) (seeks * 0.95)], millis[(int) (seeks * 0.99)], millis[seeks - 1], over, load());
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
