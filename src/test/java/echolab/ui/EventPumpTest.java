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

    /**
     * A recording made ten minutes ago, loaded before the window's first frame as {@code open --replay}
     * does, then the pump started: its play clock stays the recording's, and the timeline keeps the
     * recording's lanes. Starting used to set the clock to this machine's now, and the first frame
     * then forgot every lane that had ended over two minutes before it: the whole recording's.
     */
    @Test
    void aRecordingLoadedBeforeTheFirstFrameKeepsItsClockAndItsLanes() throws Exception {
        List<Event> run = echolab.testing.RecordedRun.of(echolab.engine.Mode.POOL, 4, 20);
        long tenMinutesAgo = -600_000_000_000L;
        List<Event> old = run.stream()
                .map(e -> echolab.record.EventJson.restamped(e, e.seq(), e.nanos() + tenMinutesAgo)).toList();
        long[] shown = new long[2];
        int[] lanes = new int[2];
        onFx(() -> {
            EventPump pump = new EventPump(window);
            LabFolds folds = new LabFolds(echolab.engine.Mode.POOL, echolab.sync.Protection.NONE, 0, 50, 4, false)
                    .addTo(pump);
            pump.replay(old);
            pump.start();
            pump.stop(); // frames by hand from here
            pump.frame(System.nanoTime());
            shown[0] = pump.shownNanos();
            lanes[0] = folds.timeline().timeline().lanes().size();
            pump.rewindTo(old.get(old.size() / 2).nanos());
            pump.frame(System.nanoTime());
            shown[1] = pump.shownNanos();
            lanes[1] = folds.timeline().timeline().lanes().size();
            return null;
        });
        long first = old.get(0).nanos();
        long last = old.get(old.size() - 1).nanos();
        assertTrue(shown[0] >= first && shown[0] <= last, "at the start, on the recording's clock: " + (shown[0] - first));
        assertTrue(lanes[0] >= 5, "the workers' and clients' lanes are there at the start: " + lanes[0]);
        assertTrue(shown[1] >= first && shown[1] <= last, "rewound within the recording");
        assertTrue(lanes[1] >= 5, "and there in its middle: " + lanes[1]);
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
