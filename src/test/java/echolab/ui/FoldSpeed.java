package echolab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.testing.RecordedRun;
import echolab.ui.clients.ClientsFold;
import echolab.ui.log.LogFold;
import echolab.ui.model.LogModel;
import echolab.ui.timeline.TimelineFold;

/**
 * What the time machine's checkpoint interval is chosen from: how many events a second the
 * window's folds ({@link LabFolds#apply}) fold on a real run's events, and how long a checkpoint of
 * the clients (150 of them) and of a full log takes and restores. Prints each figure with the
 * machine's load average (other builds share the cores: the figures are noisy). Run, after
 * {@code ./mvnw -o -DskipTests package} and {@code ./mvnw -o test-compile}:
 * {@code java -cp target/echolab.jar:target/test-classes echolab.ui.FoldSpeed [clients lines]}.
 */
public final class FoldSpeed {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private FoldSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<Event> run = RecordedRun.of(Mode.THREADS, clients, lines);
        System.out.printf("a real run (threads, %d clients x %d lines): %d events%n", clients, lines, run.size());
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            LabFolds folds = new LabFolds(Mode.THREADS, Protection.NONE, 0, 50, 2, false);
            for (int i = 0; i < run.size(); i++) {
                Event e = run.get(i);
                folds.apply(e, e.nanos());
                if (i % 1000 == 999) { // a frame closed now and then, as the time machine does once at t
                    folds.endFrame(e.nanos());
                }
            }
            long nanos = System.nanoTime() - t0;
            System.out.printf("round %d: LabFolds.apply %.0f events/s (%.1f ms for %d)  load %s%n", round,
                    run.size() * 1e9 / nanos, nanos / 1e6, run.size(), load());
        }

        ClientsFold many = hundredFiftyClients();
        LogFold log = fullLog(many);
        for (int round = 0; round < 3; round++) {
            int n = 2000;
            long t0 = System.nanoTime();
            ClientsFold.Snapshot s = null;
            for (int i = 0; i < n; i++) {
                s = many.snapshot();
            }
            long snap = (System.nanoTime() - t0) / n;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                many.restore(s);
            }
            long restore = (System.nanoTime() - t0) / n;
            int m = 200;
            t0 = System.nanoTime();
            LogModel.Snapshot l = null;
            for (int i = 0; i < m; i++) {
                l = log.snapshot();
            }
            long logSnap = (System.nanoTime() - t0) / m;
            t0 = System.nanoTime();
            for (int i = 0; i < m; i++) {
                log.restore(l);
            }
            long logRestore = (System.nanoTime() - t0) / m;
            System.out.printf("round %d: ClientsFold (%d clients) snapshot %.1f µs, restore %.1f µs; "
                            + "LogFold (%d rows kept) snapshot %.2f ms, restore %.2f ms  load %s%n", round,
                    s.clients().size(), snap / 1e3, restore / 1e3, l.kept().size(), logSnap / 1e6, logRestore / 1e6,
                    load());
        }
    }

    /** 150 clients, each connected, accepted, served and echoed some lines. */
    private static ClientsFold hundredFiftyClients() {
        ClientsFold clients = new ClientsFold(new TimelineFold().timeline());
        long seq = 0;
        long t = START;
        for (int i = 1; i <= 150; i++) {
            int port = 40_000 + i;
            String name = "client-" + i;
            for (Event e : List.<Event>of(new Event.ClientConnecting(++seq, t += MS, name, port),
                    new Event.ClientConnectReturned(++seq, t += MS, name, port, 1000),
                    new Event.ClientAccepted(++seq, t += MS, i, "127.0.0.1:" + port, port, "threads"),
                    new Event.WorkerAssigned(++seq, t += MS, i, "echolab-thread-c" + i, "threads"),
                    new Event.ClientWriteReturned(++seq, t += MS, name, port, 100, 10),
                    new Event.ClientEchoReceived(++seq, t += MS, name, port, 10, 300_000, true))) {
                clients.apply(e, e.nanos());
            }
        }
        clients.endFrame(t);
        return clients;
    }

    /** A log whose ring is full (20,000 rows), naming the 150 clients. */
    private static LogFold fullLog(ClientsFold clients) {
        LogFold log = new LogFold(clients::clientOf, clients::bySerial);
        long t = START;
        for (int i = 0; i < 25_000; i++) {
            int port = 40_001 + i % 150;
            log.apply(new Event.ClientWriteReturned(i, t += 1000, "client-" + (1 + i % 150), port, 10, 1), t);
        }
        log.endFrame(t);
        return log;
    }

    private static String load() throws Exception {
        Path avg = Path.of("/proc/loadavg");
        return Files.exists(avg) ? Files.readString(avg).trim().split(" ")[0] : "?";
    }
}
