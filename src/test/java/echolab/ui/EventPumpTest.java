package echolab.ui;

import static echolab.testing.LiveLab.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.testing.FxWindow;
import echolab.ui.fold.Fold;
import echolab.ui.observe.ObservedTreeModel;

/**
 * The one pump, driven frame by frame by hand on the FX thread (its timer needs the toolkit):
 * every fold gets every event in the order the folds were added, on one clock, and a pause stops
 * all of them, the student's server's tree as well as the rest.
 */
@Tag("ui")
@Timeout(20)
class EventPumpTest {

    @RegisterExtension
    final FxWindow fx = FxWindow.stage(stage -> { });

    /** Writes down what it was given, for the assertions. */
    private static final class Recording implements Fold {
        private final String name;
        private final List<String> log;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void apply(Event e, long playNanos) {
            log.add(name + ":" + e.seq());
        }

        @Override
        public void endFrame(long playNanos) {
            log.add(name + ":end");
        }
    }

    private final EventBus bus = new EventBus();
    private final Subscription window = bus.subscribe("window", 1024);

    @Test
    void everyFoldSeesEveryEventInTheOrderTheFoldsWereAdded() {
        List<String> log = new ArrayList<>();
        onFx(() -> {
            EventPump pump = new EventPump(window, new Recording("a", log));
            pump.add(new Recording("b", log));
            bus.publish((seq, nanos) -> new Event.ObservedServerStopped(seq, nanos - 1_000, 1, "test"));
            bus.publish((seq, nanos) -> new Event.ObservedServerStopped(seq, nanos - 1_000, 1, "test"));
            pump.frame(System.nanoTime());
            return null;
        });
        assertEquals(List.of("a:1", "b:1", "a:2", "b:2", "a:end", "b:end"), log);
    }

    @Test
    void pauseStopsEveryFoldTheStudentsServersTreeToo() {
        ObservedTreeModel tree = new ObservedTreeModel();
        List<String> log = new ArrayList<>();
        EventPump pump = onFx(() -> new EventPump(window, new Recording("timeline", log)));
        onFx(() -> {
            pump.add((e, play) -> tree.apply(e));
            pump.frame(System.nanoTime()); // the play clock starts
            pump.pausedProperty().set(true);
            bus.publish((seq, nanos) -> new Event.ObservedServerStarted(seq, nanos, 4711, 7000, "./server"));
            for (int i = 0; i < 5; i++) {
                pump.frame(System.nanoTime() + 1_000_000L * i);
            }
            return null;
        });
        assertEquals(-1, tree.serverPid(), "paused: the tree has not moved");
        assertTrue(log.stream().noneMatch(s -> !s.endsWith(":end")), "paused: the timeline has not moved: " + log);
        onFx(() -> {
            pump.pausedProperty().set(false);
            pump.frame(System.nanoTime());
            return null;
        });
        assertEquals(4711, tree.serverPid(), "played: the tree shows the server");
        assertTrue(log.contains("timeline:1"), "played: the timeline too");
    }

    @Test
    void aLiveFoldSeesEventsAsTheyArriveEvenWhilePaused() {
        List<String> log = new ArrayList<>();
        onFx(() -> {
            EventPump pump = new EventPump(window, new Recording("picture", log));
            pump.addLive(new Recording("figures", log));
            pump.pausedProperty().set(true);
            bus.publish((seq, nanos) -> new Event.ObservedServerStopped(seq, nanos, 1, "test"));
            pump.frame(System.nanoTime());
            return null;
        });
        assertEquals(List.of("figures:1", "figures:end", "picture:end"), log);
    }
}
