package echolab.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.SimulatedClient;
import echolab.clients.Wire;
import echolab.events.Event;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.record.EventJson;
import echolab.record.Recording;
import echolab.record.RecordingException;
import echolab.record.RecordingHeader;
import echolab.record.RecordingWriter;

/**
 * A lesson's run of one of the example servers of "Your server": made here when this machine can
 * (the example built with its C compiler, started, visited by clients, its processes watched
 * through {@code /proc}), else read from the recording the lesson ships, made on a machine that
 * could. The figures come from the run's events either way, by the same books.
 *
 * <p>Threading: the lesson runner's.
 */
final class StudentRuns {

    /**
     * What a run gave: why it could not be made (null when it was), where it was recorded (null when
     * live), and its span on the events' clock, when its events went down the lab's bus (-1 when not).
     */
    record Outcome(String skipped, String recorded, long startedNanos, long endedNanos) {
        static Outcome skipped(String why) {
            return new Outcome(why, null, -1, -1);
        }
    }

    /** How the lesson's clients are named, live and in a recording. */
    private static final String CLIENT_PREFIX = "lesson-";

    private final Lab lab;
    private final ExampleServers examples;
    private final AtomicBoolean cancelled;
    private Path recordTo;

    StudentRuns(Lab lab, ExampleServers examples, AtomicBoolean cancelled) {
        this.lab = lab;
        this.examples = examples;
        this.cancelled = cancelled;
    }

    /** Each live run from now on is also recorded into {@code dir}, as EXAMPLE.jsonl.gz: a recording a lesson can ship. */
    void recordTo(Path dir) {
        this.recordTo = dir;
    }

    /** Makes the run, or reads it from the lesson's recording when this machine cannot; fills {@code f}. */
    Outcome run(Step.Run step, Map<String, Double> f) throws InterruptedException {
        Step.StudentRun s = step.student();
        String cannot = TreeSampler.readsProc() ? null
                : "this system has no /proc, where EchoLab watches a server's children and zombies";
        ExampleServers.Found found = null;
        if (cannot == null) {
            found = examples.program(s.example());
            cannot = found.why();
        }
        if (cannot != null) {
            return s.recording() == null ? Outcome.skipped(cannot) : recorded(s, f, cannot);
        }
        return live(step, s, found.program(), f);
    }

    // ---- live

    private Outcome live(Step.Run step, Step.StudentRun s, Path program, Map<String, Double> f)
            throws InterruptedException {
        RunBooks books = new RunBooks();
        long started = System.nanoTime();
        long ended;
        try (Subscription events = lab.subscribe("lesson-student", LessonRunner.SUBSCRIPTION);
             RecordingWriter recording = recording(s, program);
             StudentServer server = StudentServer.start(new Launch(List.of(program.toString(), "{port}"),
                     program.getParent(), Duration.ofSeconds(5)), lab.events());
             TreeSampler sampler = TreeSampler.start(server, lab.events())) {
            books.rootPid(server.pid());
            sampler.awaitSamples(2, 2_000);
            ClientFleet fleet = new ClientFleet(server.address(), lab.events(), CLIENT_PREFIX, Wire.text(Framing.LINE));
            List<SimulatedClient> clients = new ArrayList<>();
            for (int i = 0; i < s.clients() && !cancelled.get(); i++) {
                clients.add(fleet.start(new Behaviour.Steady(3, 100, 24))); // a child lives 0.3 s: the sampler sees it
                Thread.sleep(30);
            }
            long deadline = System.nanoTime() + (long) (step.seconds() * 1e9);
            while (System.nanoTime() < deadline && !cancelled.get() && !clients.stream().allMatch(c -> c.result().isDone())) {
                events.drain(books::accept, 10_000);
                Thread.sleep(LessonRunner.GAUGE_MILLIS);
            }
            fleet.disconnectAll();
            fleet.awaitAll(5, TimeUnit.SECONDS);
            Thread.sleep(s.settleMillis());
            sampler.awaitSamples(2, 2_000);
            events.drain(books::accept, Integer.MAX_VALUE);
            f.putAll(books.studentFigures());
            long zombies = sampler.latest() == null ? 0
                    : sampler.latest().processes().stream().filter(p -> p.pid() != server.pid() && p.zombie()).count();
            f.put("zombiesLeft", (double) zombies);
            f.put("clientsServed", (double) clients.stream().filter(c -> c.result().isDone() && c.result().join().allVerified()).count());
            f.put("clients", (double) clients.size());
            fleet.close();
            ended = System.nanoTime(); // the server still runs, its zombies still there: the instant a reveal shows
        } catch (LaunchException e) {
            return Outcome.skipped("the example server " + s.example() + " did not start: " + e.getMessage());
        } catch (IOException e) {
            return Outcome.skipped("the run could not be recorded into " + recordTo + ": " + e.getMessage());
        }
        return new Outcome(null, null, started, ended);
    }

    /** The recorder of the run when asked for one, from before the server starts until it has stopped. */
    private RecordingWriter recording(Step.StudentRun s, Path program) throws IOException {
        if (recordTo == null) {
            return null;
        }
        Files.createDirectories(recordTo);
        RecordingHeader header = RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_YOUR_SERVER, s.example(),
                Map.of("command", program.getFileName() + " {port}", "clients", Integer.toString(s.clients())));
        return RecordingWriter.start(recordTo.resolve(s.example() + ".jsonl.gz"), header, lab.events());
    }

    // ---- recorded

    private Outcome recorded(Step.StudentRun s, Map<String, Double> f, String cannot) throws InterruptedException {
        Recording recording;
        try {
            recording = s.recording().read();
        } catch (RecordingException e) {
            return Outcome.skipped(cannot + "; and its recording could not be read: " + e.getMessage());
        }
        RunBooks books = new RunBooks();
        Set<String> clients = new HashSet<>();
        Set<String> served = new HashSet<>();
        boolean rooted = false;
        for (Event e : recording.events()) {
            if (!rooted && e instanceof Event.ObservedServerStarted started) {
                books.rootPid(started.pid());
                rooted = true;
            } else if (e instanceof Event.ClientConnecting c && c.client().startsWith(CLIENT_PREFIX)) {
                clients.add(c.client());
            } else if (e instanceof Event.ClientFinished done && "done".equals(done.outcome())
                    && done.linesVerified() == done.linesSent()) {
                served.add(done.client());
            }
            books.accept(e);
        }
        if (!rooted) {
            return Outcome.skipped(cannot + "; and its recording " + s.recording().name() + " holds no server's run");
        }
        f.putAll(books.studentFigures());
        f.put("zombiesLeft", (double) books.zombiesNow());
        f.put("clientsServed", (double) served.size());
        f.put("clients", (double) clients.size());
        long started = System.nanoTime();
        long ended = show(recording.events());
        return new Outcome(null, "A recorded run, shipped with the lesson, since " + cannot + ": "
                + recording.header().provenance() + ".", ended < 0 ? -1 : started, ended);
    }

    /**
     * Plays the recorded events down the lab's bus at the pace they were recorded, each stamped anew
     * on this run's clock, for whoever watches: the window draws the run as it happened, and its
     * reveal can take the window back to it. Returns the instant the run ended, as a live run's end
     * is, before its server was stopped (its zombies still there); -1 when nobody watches or the run
     * was cancelled.
     */
    private long show(List<Event> recorded) throws InterruptedException {
        if (recorded.isEmpty() || !lab.events().active()) {
            return -1;
        }
        long base = recorded.get(0).nanos();
        // the first event's stamp on this run's clock: each later one is shown as far from it as it was
        // recorded (a clock read before the first was published let a late first event crowd the next)
        long[] start = {Long.MIN_VALUE};
        long ended = -1;
        for (Event e : recorded) {
            if (start[0] != Long.MIN_VALUE) {
                long ahead = start[0] + (e.nanos() - base) - System.nanoTime();
                if (ahead > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
            }
            if (cancelled.get()) {
                return -1;
            }
            if (ended < 0 && e instanceof Event.ObservedServerStopped) {
                ended = System.nanoTime();
            }
            lab.events().publish((seq, nanos) -> {
                if (start[0] == Long.MIN_VALUE) {
                    start[0] = nanos;
                }
                return EventJson.restamped(e, seq, nanos);
            });
            if (start[0] == Long.MIN_VALUE) { // nobody watched that one: the pace starts here all the same
                start[0] = System.nanoTime() - (e.nanos() - base);
            }
        }
        return ended < 0 ? System.nanoTime() : ended;
    }
}
