package echolab.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Scenario;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.testing.RewindCheck;
import echolab.ui.model.ScenarioModel;

/**
 * The scenario's checkpoints: restored and folded on, they are the live scenario, on runs of every
 * model, on a run of the Synchronization lab and on hand-made steps.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ScenarioFoldRewindTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aCheckpointRestoredAndFoldedOnIsTheLiveStateInEveryModel(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        int checkpoints = RewindCheck.holds("scenario, " + mode, ScenarioFold::new, RecordedRun.shared(mode), 250);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints);
    }

    @Test
    void aCheckpointOfASyncLabRunWithADeadlockAndTheHandoffRaceIsTheLiveState() throws Exception {
        List<Event> run = RecordedRun.syncLab();
        assertEquals(1, run.stream().filter(Event.DeadlockDetected.class::isInstance).limit(1).count(), "a deadlock");
        int checkpoints = RewindCheck.holds("scenario, sync lab", ScenarioFold::new, run, 50);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints + " of " + run.size() + " events");

        ScenarioFold scenario = new ScenarioFold();
        int found = 0;
        while (!(run.get(found) instanceof Event.DeadlockDetected)) {
            found++;
        }
        for (Event e : run.subList(0, found + 1)) {
            scenario.apply(e, e.nanos());
        }
        ScenarioModel.Snapshot deadlocked = scenario.snapshot();
        for (Event e : run.subList(found + 1, run.size())) {
            scenario.apply(e, e.nanos());
        }
        assertEquals(Scenario.HANDOFF, scenario.scenario().scenarioProperty().get());
        scenario.restore(deadlocked);
        assertEquals(Scenario.DEADLOCK, scenario.scenario().scenarioProperty().get());
        assertEquals(2, scenario.scenario().cycle().size(), "the cycle of then: " + scenario.scenario().cycle());
        assertEquals(3, scenario.scenario().permitsProperty().get());
        assertEquals(10, scenario.scenario().holdMillisProperty().get());
    }

    @Test
    void aDeadlockRestoredShowsItsCycleAndTheWorkersStuckBehindIt() {
        Event.WaitFor a = new Event.WaitFor("echolab-pool-1", "log", "counter");
        Event.WaitFor b = new Event.WaitFor("echolab-pool-2", "counter", "log");
        Event.WaitFor behind = new Event.WaitFor("echolab-pool-3", "", "log");
        List<Event> steps = List.of(
                new Event.ScenarioChanged(1, START + MS, "deadlock", false, "none"),
                new Event.DeadlockDetected(2, START + 2 * MS, List.of(a, b), List.of(behind)),
                new Event.DeadlockReset(3, START + 3 * MS, 3),
                new Event.DeadlockDetected(4, START + 4 * MS, List.of(b, a), List.of()),
                new Event.ScenarioChanged(5, START + 5 * MS, "handoff", false, "none"));
        assertEquals(steps.size() + 1, RewindCheck.holds("scenario, deadlocks", ScenarioFold::new, steps, 1));
        ScenarioFold scenario = new ScenarioFold();
        fold(scenario, steps.subList(0, 2));
        ScenarioModel.Snapshot first = scenario.snapshot();
        fold(scenario, steps.subList(2, 5));
        assertTrue(scenario.scenario().cycle().isEmpty(), "another scenario: no cycle");
        scenario.restore(first);
        assertEquals(List.of(a, b), scenario.scenario().cycle());
        assertEquals(List.of(behind), scenario.scenario().blocked());
    }

    @Test
    void aSuspectedLivelockRestoredIsShownUntilItsTimeAsLive() {
        List<Event> steps = List.of(
                new Event.ScenarioChanged(1, START + MS, "deadlock", false, "trylock-fixed"),
                new Event.LivelockSuspected(2, START + 2 * MS, 400, 0),
                new Event.SettingChanged(3, START + 1_000 * MS, "holdMs", 30),
                new Event.SettingChanged(4, START + 2_500 * MS, "holdMs", 40),
                new Event.DeadlockReset(5, START + 2_600 * MS, 2));
        assertEquals(steps.size() + 1, RewindCheck.holds("scenario, livelock", ScenarioFold::new, steps, 1));
        ScenarioFold scenario = new ScenarioFold();
        fold(scenario, steps.subList(0, 3));
        ScenarioModel.Snapshot suspected = scenario.snapshot();
        fold(scenario, steps.subList(3, 5));
        assertFalse(scenario.scenario().livelockProperty().get(), "two seconds later: hidden");
        scenario.restore(suspected);
        assertTrue(scenario.scenario().livelockProperty().get());
        fold(scenario, steps.subList(3, 4));
        assertFalse(scenario.scenario().livelockProperty().get(), "hidden at the same time as live");
    }

    @Test
    void aSnapshotTakenIsNotChangedByLaterEvents() {
        ScenarioFold scenario = new ScenarioFold();
        Event.WaitFor a = new Event.WaitFor("echolab-pool-1", "log", "counter");
        Event.WaitFor b = new Event.WaitFor("echolab-pool-2", "counter", "log");
        fold(scenario, List.of(new Event.ScenarioChanged(1, START + MS, "deadlock", false, "none"),
                new Event.DeadlockDetected(2, START + 2 * MS, List.of(a, b), List.of())));
        ScenarioModel.Snapshot before = scenario.snapshot();
        ScenarioModel.Snapshot copy = scenario.snapshot();
        fold(scenario, List.of(new Event.DeadlockReset(3, START + 3 * MS, 2),
                new Event.SettingChanged(4, START + 4 * MS, "permits", 5)));
        assertEquals(copy, before);
        assertEquals(List.of(a, b), before.cycle());
        assertNotEquals(before, scenario.snapshot());
    }

    private static void fold(ScenarioFold scenario, List<Event> events) {
        for (Event e : events) {
            scenario.apply(e, e.nanos());
        }
        scenario.endFrame(events.get(events.size() - 1).nanos());
    }
}
