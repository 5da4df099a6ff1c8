package echolab.testing;

import java.io.IOException;
import java.util.concurrent.Callable;

import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.ui.EventPump;
import echolab.ui.LabFolds;

/**
 * A running lab wired to the window's side as the app wires it: a subscription opened before the
 * server starts, the folds and an event pump. Start it on the FX thread (the pump is an
 * animation timer); {@link #close} from any thread.
 */
public final class LiveLab implements AutoCloseable {

    public final Lab lab;
    public final LabFolds folds;
    public final EventPump pump;

    private LiveLab(Lab lab, LabFolds folds, EventPump pump) {
        this.lab = lab;
        this.folds = folds;
        this.pump = pump;
    }

    /** Starts a lab with {@code options} and a running pump; call on the FX thread. */
    public static LiveLab start(ServerOptions options) throws IOException {
        EventBus bus = new EventBus();
        Subscription sub = bus.subscribe("window", 1 << 16);
        Lab lab = Lab.start(options, bus);
        LabFolds folds = new LabFolds(lab.mode(), lab.protection(), lab.delayMillis(),
                lab.raceWindowMicros(), lab.poolSize(), lab.blockingLoop());
        EventPump pump = new EventPump(sub);
        folds.addTo(pump);
        pump.start();
        return new LiveLab(lab, folds, pump);
    }

    /** Stops the pump on the FX thread, then the lab (clients, server, port), whatever the pump does. */
    @Override
    public void close() {
        try {
            onFx(() -> {
                pump.stop();
                return null;
            });
        } finally {
            lab.close();
        }
    }

    /** Runs {@code read} on the FX thread and returns its answer: see {@link FxThread#onFx}. */
    public static <T> T onFx(Callable<T> read) {
        return FxThread.onFx(read);
    }
}
