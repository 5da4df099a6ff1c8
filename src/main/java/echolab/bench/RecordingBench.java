package echolab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.record.EventJson;
import echolab.record.Recording;
import echolab.record.RecordingHeader;
import echolab.record.RecordingWriter;

/**
 * The recorder on its own: how fast {@link EventJson} encodes a server's usual mix of events, and how many
 * bytes an event takes on disk once written in gzip chunks. Run with
 * {@code java -cp target/echolab.jar echolab.bench.RecordingBench [EVENTS]}; the serving and idle costs are
 * measured on a real server by {@code bench/recording.sh}. Prints the machine's load beside each figure:
 * on a shared machine the times are noisy.
 */
public final class RecordingBench {

    private RecordingBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Event> mix = mix();
        // encoding alone, after a warm-up, on this thread
        StringBuilder text = new StringBuilder(256);
        long sink = 0;
        for (int i = 0; i < 300_000; i++) {
            text.setLength(0);
            EventJson.encode(mix.get(i % mix.size()), text);
            sink += text.length();
        }
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < events; i++) {
            text.setLength(0);
            EventJson.encode(mix.get(i % mix.size()), text);
            chars += text.length();
        }
        double nsPerEvent = (System.nanoTime() - t0) / (double) events;
        double cpuNsPerEvent = (cpu.getCurrentThreadCpuTime() - c0) / (double) events;
        // the thread's CPU time is the figure: on a loaded machine the wall time counts the waits for a core too
        System.out.printf(Locale.ROOT, "encode: %.0f ns of CPU/event (%.1f M events/s per core; %.0f ns/event of wall time),"
                + " %.0f chars/event as text   [load %s]%n", cpuNsPerEvent, 1e3 / cpuNsPerEvent, nsPerEvent,
                chars / (double) events, load());

        // the whole recorder: published on a bus, encoded on the recorder's thread, gzipped on the compressing one
        Path file = Files.createTempFile("echolab-bench", ".jsonl.gz");
        try {
            EventBus bus = new EventBus();
            long t1 = System.nanoTime();
            try (RecordingWriter writer = RecordingWriter.start(file,
                    RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_ECHOLAB, "threads", Map.of()), bus)) {
                for (int i = 0; i < events; i++) {
                    Event e = mix.get(i % mix.size());
                    bus.publish((seq, nanos) -> restamp(e, seq, nanos));
                    if ((i & 1023) == 0) {
                        Thread.onSpinWait(); // let the recorder keep up: a server publishes at its own pace
                        while (bus.dropped() == 0 && i - writer.eventsWritten() > 100_000) {
                            Thread.sleep(1);
                        }
                    }
                }
                // each thread's CPU, read while it runs: the compressing thread ends a second after its last chunk
                Map<Long, Long> cpuOf = new java.util.HashMap<>();
                Map<Long, String> nameOf = new java.util.HashMap<>();
                Runnable look = () -> Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("echolab-record")).forEach(t -> {
                            cpuOf.merge(t.getId(), cpu.getThreadCpuTime(t.getId()), Math::max);
                            nameOf.put(t.getId(), t.getName());
                        });
                while (writer.eventsWritten() < events - bus.dropped()) {
                    look.run();
                    Thread.sleep(5);
                }
                Thread.sleep(300); // the chunks handed over are compressed and written
                look.run();
                long encoder = 0;
                long compressor = 0;
                for (Map.Entry<Long, Long> c : cpuOf.entrySet()) {
                    if (nameOf.get(c.getKey()).equals("echolab-recorder")) {
                        encoder += c.getValue();
                    } else {
                        compressor += c.getValue();
                    }
                }
                System.out.printf(Locale.ROOT, "the recorder's thread (take, encode, hand over): %.0f ns of CPU/event; "
                        + "the compressing thread (gzip, write; nice 19): %.0f ns of CPU/event   [load %s]%n",
                        encoder / (double) events, compressor / (double) events, load());
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            Recording back = Recording.read(file);
            double readSeconds = (System.nanoTime() - t2) / 1e9;
            double readCpuNs = cpu.getCurrentThreadCpuTime() - c2;
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "on disk: %.1f bytes/event (%d events, %d bytes, %d dropped), written at %.2f M"
                    + " events/s   [load %s]%n", bytes / (double) back.events().size(), back.events().size(), bytes,
                    back.dropped(), back.events().size() / seconds / 1e6, load());
            System.out.printf(Locale.ROOT, "read back whole (Recording.read): %.0f ns of CPU/event (%.2f s of wall time)"
                    + "   [load %s]%n", readCpuNs / back.events().size(), readSeconds, load());
        } finally {
            Files.deleteIfExists(file);
        }
        if (sink < 0) {
            System.out.println(sink);
        }
    }

    /** A thread-per-client server's events for one echoed line, a connection's start and end, and the figures. */
    private static List<Event> mix() {
        String w = "echolab-thread-c17";
        return List.of(
                new Event.ClientAccepted(0, 0, 17, "127.0.0.1:50122", 50122, "threads"),
                new Event.WorkerAssigned(0, 0, 17, w, "threads"),
                new Event.LineReceived(0, 0, 17, w, 64),
                new Event.CounterRead(0, 0, 17, w, 120_345),
                new Event.CounterWritten(0, 0, 17, w, 120_346),
                new Event.LineEchoed(0, 0, 17, w, 64, 48_211),
                new Event.LineReceived(0, 0, 17, w, 64),
                new Event.CounterRead(0, 0, 17, w, 120_346),
                new Event.CounterWritten(0, 0, 17, w, 120_347),
                new Event.LineEchoed(0, 0, 17, w, 64, 51_003),
                new Event.ClientClosed(0, 0, 17, w, "eof"),
                new Event.ServerFigures(0, 0, 8, 120_347, 120_347, 120_347, 0, 0, 0, 0.0, 0, 12, 91_234_304,
                        Map.of(), 48, 210, 24_000.0));
    }

    private static Event restamp(Event e, long seq, long nanos) {
        if (e instanceof Event.LineEchoed l) {
            return new Event.LineEchoed(seq, nanos, l.clientId(), l.workerId(), l.bytes(), l.latencyNanos() + seq % 1000);
        } else if (e instanceof Event.LineReceived l) {
            return new Event.LineReceived(seq, nanos, l.clientId(), l.workerId(), l.bytes());
        } else if (e instanceof Event.CounterRead c) {
            return new Event.CounterRead(seq, nanos, c.clientId(), c.workerId(), seq / 4);
        } else if (e instanceof Event.CounterWritten c) {
            return new Event.CounterWritten(seq, nanos, c.clientId(), c.workerId(), seq / 4 + 1);
        } else if (e instanceof Event.ClientAccepted a) {
            return new Event.ClientAccepted(seq, nanos, seq % 97, a.remote(), a.remotePort(), a.mode());
        } else if (e instanceof Event.WorkerAssigned a) {
            return new Event.WorkerAssigned(seq, nanos, seq % 97, a.workerId(), a.mode());
        } else if (e instanceof Event.ClientClosed c) {
            return new Event.ClientClosed(seq, nanos, seq % 97, c.workerId(), c.reason());
        }
        Event.ServerFigures f = (Event.ServerFigures) e;
        return new Event.ServerFigures(seq, nanos, f.active(), seq, seq, seq, 0, 0, 0, 0.0, 0, f.threads(),
                f.serverRssBytes(), f.childRssBytes(), f.latencyP50Micros(), f.latencyP99Micros(), f.eventsPerSecond());
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f on %d cores", l, Runtime.getRuntime().availableProcessors());
    }
}
