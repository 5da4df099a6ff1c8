package echolab.ui.rewind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.ui.LabFolds;

/**
 * The time machine on real runs of EchoLab's own server, every model: the window's folds taken
 * back to any instant show what they showed live there (at a checkpoint, and at any frame between
 * two), going forward again reaches the live state, and the history forgets its oldest events
 * without losing the instants it still offers. Without the toolkit: the folds are plain objects.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class TimeMachineTest {

    /** Frames of the live fold: a frame is closed every so many events, at the last one's time. */
    private static final int FRAME = 50;
    private static final int EVERY = 250;

    private static LabFolds folds() {
        return new LabFolds(Mode.POOL, Protection.NONE, 0, 50, 2, false);
    }

    /** Folds {@code events} live through {@code machine}, a frame every {@link #FRAME}; returns each frame's state. */
    private static List<List<Object>> foldLive(TimeMachine<List<Object>> machine, LabFolds live, List<Event> events) {
        List<List<Object>> frames = new ArrayList<>();
        frames.add(live.snapshot());
        for (int i = 0; i < events.size(); i++) {
            machine.receive(events.get(i));
            if ((i + 1) % FRAME == 0 || i == events.size() - 1) {
                machine.foldUntil(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE);
                machine.endFrame(events.get(i).nanos());
                frames.add(live.snapshot());
            }
        }
        return frames;
    }

    private static long frameEnd(int frame, int size) {
        return Math.min((long) frame * FRAME, size);
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    @EnumSource(value = Mode.class, names = "VIRTUAL", mode = EnumSource.Mode.EXCLUDE)
    void everyInstantOfARealRunShowsAgainWhatItShowedLive(Mode mode) throws Exception {
        List<Event> events = RecordedRun.of(mode, 6, 30);
        LabFolds live = folds();
        TimeMachine<List<Object>> machine = new TimeMachine<>(live, EVERY, 1 << 20);
        List<List<Object>> frames = foldLive(machine, live, events);
        assertTrue(machine.checkpoints() > 3, "checkpoints of " + events.size() + " events: " + machine.checkpoints());

        // back to every frame, newest first, then forward again in random jumps: the same states
        for (int f = frames.size() - 1; f >= 0; f--) {
            machine.seek(frameEnd(f, events.size()));
            assertEquals(frames.get(f), live.snapshot(), mode + ": back to frame " + f + " of " + (frames.size() - 1));
        }
        Random random = new Random(mode.ordinal());
        for (int n = 0; n < 40; n++) {
            int f = random.nextInt(frames.size());
            machine.seek(frameEnd(f, events.size()));
            assertEquals(frames.get(f), live.snapshot(), mode + ": a jump to frame " + f);
        }
        machine.seek(events.size());
        assertEquals(frames.get(frames.size() - 1), live.snapshot(), mode + ": forward to the end, as live");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void anInstantInsideAFrameIsTheCheckpointBeforeItFoldedOnToIt() throws Exception {
        List<Event> events = RecordedRun.of(Mode.THREADS, 6, 30);
        LabFolds live = folds();
        TimeMachine<List<Object>> machine = new TimeMachine<>(live, EVERY, 1 << 20);
        foldLive(machine, live, events);
        for (long index : new long[] {1, 7, EVERY + 3, 2L * EVERY + 57, events.size() - 1}) {
            machine.seek(index);
            // the same folds, afresh: the frames up to the checkpoint before the instant, then the rest at once
            LabFolds fresh = folds();
            long checkpoint = (index / EVERY) * EVERY;
            for (int i = 0; i < index; i++) {
                fresh.apply(events.get(i), events.get(i).nanos());
                if (i + 1 <= checkpoint && (i + 1) % FRAME == 0) {
                    fresh.endFrame(events.get(i).nanos());
                }
            }
            fresh.endFrame(events.get((int) index - 1).nanos());
            assertEquals(fresh.snapshot(), live.snapshot(), "the instant after event " + index);
            assertEquals(index, machine.cursor());
            assertEquals(events.get((int) index - 1).nanos(), machine.shownTime());
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // side by side: each waits on a run of its own
    void aFullHistoryForgetsItsOldestEventsAndStillShowsEveryInstantItKeeps() throws Exception {
        List<Event> events = RecordedRun.of(Mode.POOL, 10, 800);
        assertTrue(events.size() > 3 * EventHistory.CHUNK, "a run long enough to overflow: " + events.size());
        LabFolds live = folds();
        TimeMachine<List<Object>> machine = new TimeMachine<>(live, EVERY, EventHistory.CHUNK);
        List<List<Object>> frames = foldLive(machine, live, events);
        EventHistory history = machine.history();
        assertTrue(history.first() > 0, "the oldest events are forgotten");
        assertTrue(machine.earliest() >= history.first(), "no instant is offered that cannot be shown");
        int firstFrame = (int) ((machine.earliest() + FRAME - 1) / FRAME);
        for (int f = frames.size() - 1; f >= firstFrame; f -= 7) {
            machine.seek(frameEnd(f, events.size()));
            assertEquals(frames.get(f), live.snapshot(), "frame " + f + " after the history forgot its start");
        }
        machine.seek(0);
        assertEquals(machine.earliest(), machine.cursor(), "before the earliest instant kept: the earliest");
    }
}
