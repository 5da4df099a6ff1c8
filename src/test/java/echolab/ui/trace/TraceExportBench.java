package echolab.ui.trace;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.testing.RecordedRun;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.record.EventJson;
import echolab.record.Recording;
import echolab.record.RecordingHeader;
import echolab.record.RecordingWriter;
import echolab.sync.Protection;

/**
 * The cost of exporting a million events (Issue 20: at most 5 s): collects a million events of a
 * real run in memory (EchoLab's thread-per-client server under load from 8 ping-pong clients on
 * 127.0.0.1, the counter unprotected), then exports them to both formats, a few times, into files,
 * printing events, seconds, events/s and bytes beside the machine's load average; and first, what a
 * user waits for, the {@code export} command on a recording of them, in a JVM of its own.
 * Run by {@code bash bench/trace-export.sh}.
 */
public final class TraceExportBench {

    private TraceExportBench() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS)
                .protection(Protection.NONE).build();
        List<Event> events = RecordedRun.underLoad(options, wanted);
        System.out.printf(Locale.ROOT, "collected %d events of a real run (threads, 8 clients); load %.2f%n",
                events.size(), load());
        Path dir = Files.createTempDirectory("echolab-trace-bench");
        try {
            commandOnAFile(events, dir, options);
            for (int round = 1; round <= rounds; round++) {
                export("perfetto", round, events, dir.resolve("run.perfetto-trace"), options, true);
                export("chrome", round, events, dir.resolve("run.json"), options, false);
                foldsOnly(round, events, options);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * What a user waits for: the events written to a recording as {@code --record} writes it, then
     * {@code echolab export --perfetto FILE OUT} (and {@code --chrome}) in a JVM of its own, timed from
     * its launch to its exit: the JVM's start, reading the recording and exporting it.
     */
    private static void commandOnAFile(List<Event> events, Path dir, ServerOptions options) throws Exception {
        Path recording = dir.resolve("run.jsonl.gz");
        EventBus bus = new EventBus();
        try (RecordingWriter writer = RecordingWriter.start(recording, RecordingHeader.forThisMachine(
                RecordingHeader.SUBJECT_ECHOLAB, options.mode().id(), RecordingHeader.settingsOf(options)), bus)) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                bus.publish((seq, nanos) -> EventJson.restamped(e, seq, nanos));
                while ((i & 1023) == 0 && i - writer.eventsWritten() > 100_000) {
                    Thread.sleep(1); // the recorder keeps up: no gap in the file
                }
            }
        }
        Recording check = null;
        for (int read = 1; read <= 3; read++) { // the first in a cold reader, then warm
            long started = System.nanoTime();
            check = Recording.read(recording);
            System.out.printf(Locale.ROOT, "Recording.read of it, read %d: seconds=%.2f load=%.2f%n", read,
                    (System.nanoTime() - started) / 1e9, load());
        }
        System.out.printf(Locale.ROOT, "recording: events=%d bytes=%d dropped=%d%n", check.events().size(),
                Files.size(recording), check.dropped());
        String jar = Path.of(echolab.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        for (String format : List.of("--perfetto", "--chrome")) {
            Path out = dir.resolve("cli" + (format.equals("--perfetto") ? ".perfetto-trace" : ".json"));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar, "export", format, recording.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "echolab export %s FILE OUT (a JVM of its own): events=%d seconds=%.2f"
                    + " exit=%d bytes=%d load=%.2f%n", format, check.events().size(), seconds, code,
                    Files.exists(out) ? Files.size(out) : 0, load());
        }
    }

    private static void export(String format, int round, List<Event> events, Path file, ServerOptions options,
                               boolean perfetto) throws Exception {
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (perfetto) {
                PerfettoTrace.write("bench", TraceSettings.of(options), events, out);
            } else {
                ChromeTrace.write("bench", TraceSettings.of(options), events, out);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s round %d: events=%d seconds=%.2f events/s=%.0f bytes=%d load=%.2f%n",
                format, round, events.size(), seconds, events.size() / seconds, Files.size(file), load());
    }

    /** The part of the cost that is the window's folds: the same folding into a sink that writes nothing. */
    private static void foldsOnly(int round, List<Event> events, ServerOptions options) throws Exception {
        long start = System.nanoTime();
        TraceFolding.fold("bench", TraceSettings.of(options), events, new NoSink());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s round %d: events=%d seconds=%.2f events/s=%.0f load=%.2f%n",
                "folds", round, events.size(), seconds, events.size() / seconds, load());
    }

    /** Keeps nothing. */
    private static final class NoSink implements TraceSink {
        @Override public void process(long uuid, int pid, String name) { }
        @Override public void thread(long uuid, int pid, long tid, String name) { }
        @Override public void counter(long uuid, long parent, String name) { }
        @Override public void begin(long ts, long track, String name, long flowOut, long flowIn) { }
        @Override public void end(long ts, long track) { }
        @Override public void instant(long ts, long track, String name, long flowOut, long flowIn) { }
        @Override public void count(long ts, long track, long value) { }
        @Override public void finish() { }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
