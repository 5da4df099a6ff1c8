package echolab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.testing.RewindCheck;
import echolab.ui.model.ScenarioModel;

/** The figures' checkpoints: restored and folded on, they are the live figures, the scenario's included. */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class FiguresFoldRewindTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static FiguresFold fresh() {
        return new FiguresFold(new ArrayList<>(), new ScenarioModel());
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aCheckpointRestoredAndFoldedOnIsTheLiveStateInEveryModel(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        List<Event> run = RecordedRun.shared(mode);
        assertTrue(run.stream().filter(Event.ServerFigures.class::isInstance).count() >= 2,
                "the run carries the sampler's figures");
        int checkpoints = RewindCheck.holds("figures, " + mode, FiguresFoldRewindTest::fresh, run, 250);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints);
    }

    @Test
    void aRestoreShowsTheFiguresOfThenAndBeforeTheFirstTheStartingOnes() {
        ScenarioModel scenario = new ScenarioModel();
        FiguresFold figures = new FiguresFold(new ArrayList<>(), scenario);
        FiguresFold.Snapshot none = figures.snapshot();
        List<Event> steps = List.of(server(1, 3, 40, 2), sync(2, 4, "greedy-1"), server(3, 5, 90, 7),
                sync(4, 6, null));
        assertEquals(steps.size() + 1, RewindCheck.holds("figures, hand-made", FiguresFoldRewindTest::fresh, steps, 1));
        for (Event e : steps.subList(0, 2)) {
            figures.apply(e, e.nanos());
        }
        FiguresFold.Snapshot first = figures.snapshot();
        FiguresFold.Snapshot copy = figures.snapshot();
        for (Event e : steps.subList(2, 4)) {
            figures.apply(e, e.nanos());
        }
        assertEquals(copy, first, "a snapshot is not changed by later events");
        assertNotEquals(first, figures.snapshot());

        figures.restore(first);
        assertEquals(3, figures.activeClientsProperty().get());
        assertEquals(40, figures.echoedProperty().get());
        assertEquals(2, figures.lostProperty().get());
        assertEquals(2, figures.processesAliveProperty().get());
        assertEquals(4, scenario.orphanedProperty().get(), "the scenario's figures of then");
        assertEquals("1", scenario.greedyProperty().get().replace("greedy-", ""));

        figures.restore(none);
        assertNull(figures.server());
        assertEquals(0, figures.echoedProperty().get());
        assertEquals(1, figures.processesAliveProperty().get(), "the server alone");
        assertEquals(-1, figures.latencyP99MicrosProperty().get());
        assertEquals(0, scenario.orphanedProperty().get());
        assertEquals("", scenario.greedyProperty().get());
        assertTrue(scenario.shares().isEmpty());
    }

    private static Event.ServerFigures server(long seq, int active, long echoed, long lost) {
        return new Event.ServerFigures(seq, START + seq * MS, active, echoed, echoed - lost, echoed, lost, 0, 1, 12.5,
                0, 22, 100_000, Map.of(4712L, 30_000L), 150, 900, 1234.0);
    }

    private static Event.SyncFigures sync(long seq, long orphaned, String greedy) {
        return new Event.SyncFigures(seq, START + seq * MS, "starvation", false, "none", orphaned, 0, 0, 0, 0, false,
                greedy, Map.of("greedy-1", 9L, "echolab-pool-2", 1L), Map.of("echolab-pool-2", 40.0), 2, 0, 0, 9);
    }
}
