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
