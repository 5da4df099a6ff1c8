package echolab.sync.step;

import static echolab.sync.step.Worker.A;
import static echolab.sync.step.Worker.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.util.WaitForAsyncUtils;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.testing.EventRecorder;
import echolab.testing.NoLeftovers;

/** The step-through race driven click by click, as the student drives it from the window. */
@ExtendWith(NoLeftovers.class)
@Timeout(30)
class StepThroughRaceTest {

    private final EventBus bus = new EventBus();
    private final StepThroughRace race = new StepThroughRace(bus);

    @AfterEach
    void close() {
        race.close();
    }

    private RaceState clicks(Worker... workers) {
        for (Worker w : workers) {
            assertTrue(race.step(w), w + " takes a step in " + race.state());
        }
        return race.state();
    }

    private static List<String> history(RaceState s) {
        return s.steps().stream().map(x -> x.worker() + "." + x.action().id()).toList();
    }

    @Test
    void interleavedStepsLoseExactlyOneUpdate() {
        RaceState s = clicks(A, B, A, B, A, B);

        assertEquals(1, s.counter());
        assertTrue(s.bothDone() && s.lostUpdate());
        assertEquals(1, s.lost());
        assertEquals(1, s.a().local());
        assertEquals(1, s.b().local());
        assertEquals(List.of("A.read", "B.read", "A.add", "B.add", "A.write", "B.write"), history(s));
        List<Step> overwrites = s.steps().stream().filter(Step::overwrote).toList();
        assertEquals(1, overwrites.size(), "exactly one write erased an update");
        assertEquals(B, overwrites.get(0).worker());
        assertEquals(Action.WRITE, overwrites.get(0).action());
        assertTrue(s.settled());
    }

    @Test
    void serializedStepsLoseNothing() {
        RaceState s = clicks(A, A, A, B, B, B);

        assertEquals(2, s.counter());
        assertTrue(s.bothDone());
        assertFalse(s.lostUpdate());
        assertEquals(0, s.lost());
        assertTrue(s.overwrite().isEmpty());
        assertEquals(0, s.steps().get(0).local(), "A read 0");
        assertEquals(1, s.steps().get(3).local(), "B read A's 1");
    }

    /** All 20 orders of three A and three B clicks: an update is lost exactly when both read before either wrote. */
    @Test
    void withoutTheLockAnUpdateIsLostExactlyWhenBothReadBeforeEitherWrote() {
        for (List<Worker> order : allInterleavings()) {
            race.reset();
            RaceState s = clicks(order.toArray(new Worker[0]));
            int secondRead = order.indexOf(A) < order.indexOf(B) ? order.indexOf(B) : order.indexOf(A);
            int firstWrite = Math.min(order.lastIndexOf(A), order.lastIndexOf(B));
            boolean overlapping = secondRead < firstWrite;
            assertEquals(overlapping ? 1 : 2, s.counter(), order.toString());
            assertEquals(overlapping, s.lostUpdate(), order.toString());
            assertEquals(overlapping ? 1 : 0, s.steps().stream().filter(Step::overwrote).count(), order.toString());
        }
    }

    @Test
    void withTheLockBIsBlockedAfterAsReadAndTheCounterEndsAtTwo() {
        race.start(true);
        RaceState s = clicks(A);
        assertEquals(Phase.READ, s.a().phase());
        assertTrue(s.a().holdsLock());

        s = clicks(B);
        assertEquals(Phase.BLOCKED, s.b().phase());
        assertFalse(s.b().canStep());
        assertTrue(s.settled());
        assertParkedInLock("echolab-step-B");
        assertFalse(race.step(B), "a blocked worker cannot be given another step");

        s = clicks(A, A);
        // A's write released the lock, and B carried out the read it was given, seeing A's 1.
        assertEquals(List.of("A.read", "B.blocked", "A.add", "A.write", "B.read"), history(s));
        assertEquals(Phase.DONE, s.a().phase());
        assertFalse(s.a().holdsLock());
        assertEquals(Phase.READ, s.b().phase());
        assertTrue(s.b().holdsLock());
        assertEquals(1, s.b().local());

        s = clicks(B, B);
        assertEquals(2, s.counter());
        assertFalse(s.lostUpdate());
        assertTrue(s.overwrite().isEmpty());
    }

    @Test
    void theLosingInterleavingUnderTheLockBlocksBAndLosesNothing() {
        race.start(true);
        List<Boolean> taken = new ArrayList<>();
        for (Worker w : List.of(A, B, A, B, A, B)) {
            taken.add(race.step(w));
            if (taken.size() == 2) {
                assertEquals(Phase.BLOCKED, race.state().b().phase(), "B is blocked after A's read");
            }
        }
        assertEquals(List.of(true, true, true, false, true, true), taken, "B's second click finds it blocked");
        RaceState s = clicks(B);
        assertTrue(s.bothDone());
        assertEquals(2, s.counter());
        assertEquals(0, s.lost());
    }

    /** Under the lock, whatever the order of the clicks, the counter ends at 2. */
    @Test
    void underTheLockNoOrderOfClicksLosesAnUpdate() {
        for (List<Worker> order : allInterleavings()) {
            race.start(true);
            for (Worker w : order) {
                race.step(w); // a click on a blocked worker does nothing
            }
            RaceState s = race.state();
            for (int guard = 0; !s.bothDone() && guard < 6; guard++) {
                race.step(s.a().canStep() ? A : B);
                s = race.state();
            }
            assertTrue(s.bothDone(), order + " " + s);
            assertEquals(2, s.counter(), order.toString());
        }
    }

    @Test
    void aReplayReproducesTheSameStatesStepByStep() {
        for (boolean locked : new boolean[] {false, true}) {
            race.start(locked);
            List<RaceState> original = new ArrayList<>();
            for (Worker w : List.of(A, B, A, B, A, B, B)) {
                if (race.step(w)) {
                    original.add(race.state());
                }
            }
            Recording recording = race.recording();
            assertEquals(locked, recording.locked());
            assertEquals(original.size(), recording.steps().size());

            race.replay(recording);
            RaceState fresh = race.state();
            assertEquals(0, fresh.counter());
            assertTrue(fresh.steps().isEmpty());
            assertEquals(recording.steps().size(), fresh.replayLength());
            List<RaceState> replayed = new ArrayList<>();
            while (race.replayNext()) {
                replayed.add(race.state());
            }
            assertEquals(original.size(), replayed.size());
            for (int i = 0; i < original.size(); i++) {
                RaceState o = original.get(i);
                RaceState r = replayed.get(i);
                assertEquals(o.counter(), r.counter(), "after click " + (i + 1));
                assertEquals(o.a(), r.a(), "after click " + (i + 1));
                assertEquals(o.b(), r.b(), "after click " + (i + 1));
                assertEquals(o.steps(), r.steps(), "after click " + (i + 1));
                assertEquals(i + 1, r.replayPosition());
            }
            assertFalse(race.state().replayHasNext());
            assertEquals(recording, race.recording(), "a replayed run records the same clicks");
        }
    }

    @Test
    void aStepByHandEndsAReplay() {
        clicks(A, A, B);
        race.replay(race.recording());
        assertTrue(race.replayNext());
        assertTrue(race.state().replaying());
        assertTrue(race.step(B));
        assertFalse(race.state().replaying());
        assertFalse(race.replayNext());
        assertEquals(List.of(A, B), race.recording().steps());
    }

    @Test
    void noThreadRunsBeforeTheFirstStepAndBothEndOnceTheyHaveWritten() throws Exception {
        assertTrue(NoLeftovers.ourThreads().isEmpty());
        clicks(A);
        assertEquals(List.of("echolab-step-A", "echolab-step-B"), NoLeftovers.ourThreads());
        clicks(A, A, B, B, B);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> NoLeftovers.ourThreads().isEmpty());
    }

    @Test
    void closingMidWayEndsBothThreads() {
        clicks(A, B, A);
        race.close();
        assertTrue(NoLeftovers.ourThreads().isEmpty(), NoLeftovers.ourThreads().toString());
        assertEquals(Phase.ADDED, race.state().a().phase(), "the state still answers after close");
    }

    @Test
    void closingWhileAWorkerIsBlockedOnTheLockEndsBothThreads() {
        race.start(true);
        clicks(A, B);
        assertParkedInLock("echolab-step-B");
        race.close();
        assertTrue(NoLeftovers.ourThreads().isEmpty(), NoLeftovers.ourThreads().toString());
    }

    @Test
    void resettingWhileBlockedEndsTheOldThreadsAndStartsFromZero() {
        race.start(true);
        clicks(A, B);
        race.reset();
        assertTrue(NoLeftovers.ourThreads().isEmpty(), NoLeftovers.ourThreads().toString());
        RaceState s = race.state();
        assertTrue(s.locked());
        assertEquals(0, s.counter());
        assertEquals(Phase.READY, s.a().phase());
        assertEquals(Phase.READY, s.b().phase());
        assertTrue(s.steps().isEmpty());
    }

    @Test
    void aDoneWorkerTakesNoMoreSteps() {
        clicks(A, A, A);
        assertFalse(race.step(A));
        assertEquals(3, race.state().steps().size());
    }

    @Test
    void everyStepIsPublishedInTheOrderOfTheHistory() throws Exception {
        try (EventRecorder events = new EventRecorder(bus)) {
            race.start(true);
            clicks(A, B, A, A, B, B);
            List<Event.StepTaken> taken = events.await(Event.StepTaken.class, 7, Duration.ofSeconds(5));
            assertEquals(List.of("step-A read", "step-B blocked", "step-A add", "step-A write", "step-B read",
                            "step-B add", "step-B write"),
                    taken.stream().map(e -> e.workerId().substring("echolab-".length()) + " " + e.step()).toList());
            assertEquals(2, taken.get(taken.size() - 1).counterValue());
        }
    }

    /** The thread is really waiting inside the lock, not at its gate. */
    private static void assertParkedInLock(String name) {
        Map.Entry<Thread, StackTraceElement[]> found = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals(name)).findFirst().orElseThrow();
        assertEquals(Thread.State.WAITING, found.getKey().getState());
        String stack = Arrays.toString(found.getValue());
        assertTrue(stack.contains("ReentrantLock.lockInterruptibly"), stack);
    }

    /** Every order of three A clicks and three B clicks. */
    private static List<List<Worker>> allInterleavings() {
        List<List<Worker>> all = new ArrayList<>();
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) != 3) {
                continue;
            }
            List<Worker> order = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                order.add((mask & (1 << i)) != 0 ? A : B);
            }
            all.add(order);
        }
        assertEquals(20, all.size());
        return all;
    }
}
