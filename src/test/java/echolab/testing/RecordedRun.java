package echolab.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import echolab.clients.Behaviour;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.lab.Lab;
import echolab.sync.Protection;

/**
 * The events of a real run of EchoLab's own server, in one model, with real clients on 127.0.0.1:
 * what the time machine's and the exporters' tests fold, record and compare. Nothing is dropped
 * (the recorder's queue holds a million) and the run has ended when it returns: no thread or port
 * is left.
 */
public final class RecordedRun {

    private RecordedRun() {
    }

    /**
     * A run of {@code mode}: {@code clients} clients, each sending {@code lines} lines with a little
     * think time between them, the counter unprotected (so updates may be lost), then every client
     * gone and the server stopped.
     */
    public static List<Event> of(Mode mode, int clients, int lines) throws Exception {
        return of(ServerOptions.defaults().toBuilder().port(0).mode(mode).poolSize(2)
                .protection(Protection.NONE).build(), clients, lines);
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

    /** A run with {@code options}, as {@link #of(Mode, int, int)}. */
    public static List<Event> of(ServerOptions options, int clients, int lines) throws Exception {
        EventBus bus = new EventBus();
        try (EventRecorder recorder = new EventRecorder(bus)) {
            try (Lab lab = Lab.start(options, bus)) {
                for (int i = 0; i < clients; i++) {
                    lab.addClient(new Behaviour.Steady(lines, 2, 32));
                }
                if (!lab.clients().awaitAll(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the clients of a " + options.mode() + " run did not finish in 60 s");
                }
                recorder.await(Event.ClientFinished.class, clients, Duration.ofSeconds(10));
            }
            List<Event> events = recorder.all();
            if (recorder.dropped() > 0) {
                throw new AssertionError("the recorder dropped " + recorder.dropped() + " events");
            }
            return events;
        }
    }
}
