package echolab.testing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.lab.Lab;
import echolab.lab.ResourceSampler;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;

/**
 * The events of a real run of EchoLab's own server, in one model, with real clients on 127.0.0.1:
 * what the time machine's and the exporters' tests fold, record and compare. Nothing is dropped
 * (the recorder's queue holds a million) and the run has ended when it returns: no thread or port
 * is left.
 */
public final class RecordedRun {

    private static final Map<Mode, List<Event>> SHARED = new EnumMap<>(Mode.class);

    private RecordedRun() {
    }

    /**
     * A run of {@code mode} with 8 clients of 100 lines each and the figures the window's sampler
     * publishes five times a second, made once per test JVM and shared by the tests that only read it
     * (the events are immutable): several folds are checked on the same run.
     */
    public static synchronized List<Event> shared(Mode mode) throws Exception {
        List<Event> events = SHARED.get(mode);
        if (events == null) {
            events = List.copyOf(run(options(mode), 8, 100, true));
            SHARED.put(mode, events);
        }
        return events;
    }

    /**
     * A run of the Synchronization lab on a pool of four: the scenario's settings changed, a deadlock
     * (opposite lock orders) found and reset with the one-order fix, then the hand-off race under a
     * burst of connects; every client gone and the server stopped when it returns.
     */
    public static List<Event> syncLab() throws Exception {
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(Mode.POOL).poolSize(4)
                .protection(Protection.NONE).build();
        EventBus bus = new EventBus();
        try (EventRecorder recorder = new EventRecorder(bus)) {
            try (Lab lab = Lab.start(options, bus);
                 ResourceSampler sampler = lab.sampler()) {
                lab.setPermits(3);
                lab.setHoldMillis(10);
                lab.setScenario(Scenario.DEADLOCK);
                for (int i = 0; i < 4; i++) { // odd clients take the log first, even ones the counter
                    lab.addClient(new Behaviour.Steady(50, 5, 16));
                }
                recorder.await(Event.DeadlockDetected.class, 1, Duration.ofSeconds(30));
                lab.setDeadlockFix(DeadlockFix.ORDER);
                lab.resetDeadlock();
                recorder.await(Event.DeadlockReset.class, 1, Duration.ofSeconds(10));
                lab.clients().disconnectAll();
                if (!lab.clients().awaitAll(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the deadlocked clients did not go in 30 s");
                }
                lab.setScenario(Scenario.HANDOFF);
                lab.setHandoffWindowMicros(500);
                lab.addClients(6, new Behaviour.Steady(20, 2, 16));
                if (!lab.clients().awaitAll(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the hand-off's clients did not finish in 60 s");
                }
                recorder.await(Event.SyncFigures.class, 2, Duration.ofSeconds(10));
            }
            if (recorder.dropped() > 0) {
                throw new AssertionError("the recorder dropped " + recorder.dropped() + " events");
            }
            return recorder.all();
        }
    }

    /**
     * A run of {@code mode}: {@code clients} clients, each sending {@code lines} lines with a little
     * think time between them, the counter unprotected (so updates may be lost), then every client
     * gone and the server stopped.
     */
    public static List<Event> of(Mode mode, int clients, int lines) throws Exception {
        return of(options(mode), clients, lines);
    }

    private static ServerOptions options(Mode mode) {
        return ServerOptions.defaults().toBuilder().port(0).mode(mode).poolSize(2).protection(Protection.NONE).build();
    }

    /**
     * The first {@code wanted} events of a run under load (8 clients ping-ponging as fast as they
     * can, for the benchmarks that need a million events); the run ends once they are in. Events the
     * collector's queue could not hold are counted and said, not hidden: the run is still real.
     */
    public static List<Event> underLoad(ServerOptions options, int wanted) throws Exception {
        EventBus bus = new EventBus();
        List<Event> events = new java.util.ArrayList<>(wanted + 100_000);
        echolab.events.Subscription sub = bus.subscribe("bench collector", 1 << 20);
        try (Lab lab = Lab.start(options, bus)) {
            for (int i = 0; i < 8; i++) {
                lab.addClient(new Behaviour.Steady(1_000_000, 0, 32));
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (events.size() < wanted && System.nanoTime() < deadline) {
                if (sub.drain(events::add, Integer.MAX_VALUE) == 0) {
                    Thread.sleep(1);
                }
            }
        } finally {
            sub.close();
        }
        if (sub.dropped() > 0) {
            System.out.println("note: the collector's queue dropped " + sub.dropped() + " events (the run is still real)");
        }
        if (events.size() < wanted) {
            throw new IllegalStateException("only " + events.size() + " events in 120 s");
        }
        return List.copyOf(events.subList(0, wanted));
    }

    /**
     * A run of a thread per client, the counter unprotected, recorded into {@code file} as the
     * {@code --record} options do: {@code clients} clients of {@code lines} lines, all finished (and
     * their last event recorded) before the recording is closed.
     */
    public static void recordTo(java.nio.file.Path file, int clients, int lines) throws Exception {
        ServerOptions options = ServerOptions.defaults().toBuilder().port(0).mode(Mode.THREADS)
                .protection(Protection.NONE).build();
        EventBus bus = new EventBus();
        try (EventRecorder recorder = new EventRecorder(bus);
             echolab.record.RecordingWriter writer = echolab.record.RecordingWriter.start(file,
                     echolab.record.RecordingHeader.forThisMachine(echolab.record.RecordingHeader.SUBJECT_ECHOLAB,
                             options.mode().id(), echolab.record.RecordingHeader.settingsOf(options)), bus);
             Lab lab = Lab.start(options, bus)) {
            for (int i = 0; i < clients; i++) {
                lab.addClient(new Behaviour.Steady(lines, 2, 32));
            }
            if (!lab.clients().awaitAll(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the clients of the recorded run did not finish in 60 s");
            }
            recorder.await(Event.ClientFinished.class, clients, Duration.ofSeconds(10));
        }
    }

    /** A run with {@code options}, as {@link #of(Mode, int, int)}. */
    public static List<Event> of(ServerOptions options, int clients, int lines) throws Exception {
        return run(options, clients, lines, false);
    }

    /** A run as {@link #of(ServerOptions, int, int)}, with the sampler's figures when {@code figures}. */
    private static List<Event> run(ServerOptions options, int clients, int lines, boolean figures) throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder recorder = new EventRecorder(bus)) {
            try (Lab lab = Lab.start(options, bus);
                 AutoCloseable sampler = figures ? lab.sampler() : () -> { }) {
                for (int i = 0; i < clients; i++) {
                    lab.addClient(new Behaviour.Steady(lines, 2, 32));
                }
                if (!lab.clients().awaitAll(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the clients of a " + options.mode() + " run did not finish in 60 s");
                }
                recorder.await(Event.ClientFinished.class, clients, Duration.ofSeconds(10));
                if (figures) { // two more, so that a short run has figures and the last show its clients gone
                    int had = recorder.of(Event.ServerFigures.class).size();
                    recorder.await(Event.ServerFigures.class, had + 2, Duration.ofSeconds(10));
                }
            }
            List<Event> events = recorder.all();
            if (recorder.dropped() > 0) {
                throw new AssertionError("the recorder dropped " + recorder.dropped() + " events");
            }
            return events;
        }
    }
}
