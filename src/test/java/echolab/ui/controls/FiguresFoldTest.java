package echolab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.testing.FoldedSteps;

/** The figures, folded from the figures' events, without the toolkit. */
class FiguresFoldTest {

    private final FoldedSteps s = new FoldedSteps();
    private final FiguresFold figures = new FiguresFold(s.folds.diagram().processes(), s.folds.scenario().scenario());

    @Test
    void theServersFiguresAndEachProcesssMemoryComeFromTheirEvent() {
        s.start("processes");
        s.apply(new Event.ProcessSpawned(s.seq(), s.tick(), 1, 4712, 900));
        assertNull(figures.server(), "nothing published yet");
        figures.apply(new Event.ServerFigures(s.seq(), s.tick(), 3, 40, 38, 40, 2, 5, 1, 12.5, 7, 22,
                100_000, Map.of(4712L, 30_000L), 150, 900, 1234.0), s.now());
        assertEquals(3, figures.activeClientsProperty().get());
        assertEquals(40, figures.echoedProperty().get());
        assertEquals(38, figures.counterProperty().get());
        assertEquals(40, figures.expectedProperty().get());
        assertEquals(2, figures.lostProperty().get());
        assertEquals(2, figures.processesAliveProperty().get(), "the server and its child");
        assertEquals(22, figures.threadsAliveProperty().get());
        assertEquals(30_000, figures.childMemoryBytesProperty().get());
        assertEquals(900, figures.latencyP99MicrosProperty().get());
        assertEquals(7, figures.eventsDroppedProperty().get());
        assertEquals(100_000, s.folds.diagram().serverProcess().rssBytesProperty().get());
        assertEquals(30_000, s.folds.diagram().processes().get(1).rssBytesProperty().get());
    }

    @Test
    void theScenariosFiguresGoToTheScenario() {
        figures.apply(new Event.SyncFigures(s.seq(), s.tick(), "handoff", false, "none", 4, 2, 0, 0, 0, false, null,
                Map.of(), Map.of(), 2, 0, 0, 0), s.now());
        assertEquals(4, s.folds.scenario().scenario().orphanedProperty().get());
        assertEquals(2, s.folds.scenario().scenario().doubleServedProperty().get());
        assertTrue(figures.sync() != null);
    }
}
