package echolab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.testing.FoldedSteps;
import echolab.ui.model.ProcessModel;

/** The diagram's fold: processes, workers, the counter and its lost updates, fed by hand-made events, without the toolkit. */
class DiagramFoldTest {

    private final FoldedSteps s = new FoldedSteps();
    private final DiagramFold diagram = s.folds.diagram();

    @Test
    void childProcessesHaveTheirOwnCounterAndLeaveAfterTheyAreReaped() {
        s.start("processes");
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 1, "127.0.0.1:50001", 50001, "processes"));
        s.apply(new Event.ProcessSpawned(s.seq(), s.tick(), 1, 4712, 900));
        s.apply(new Event.WorkerAssigned(s.seq(), s.tick(), 1, "pid 4712", "processes"));
        s.apply(new Event.ProcessReady(s.seq(), s.tick(), 1, 4712, 80_000));
        s.apply(new Event.ChildCounterReported(s.seq(), s.tick(), 1, 4712, 1));
        ProcessModel child = diagram.processes().get(1);
        assertEquals(4712, child.pid());
        assertEquals(1, child.counterProperty().get());
        assertEquals(0, diagram.serverProcess().counterProperty().get(), "the parent's counter does not move");
        assertEquals(80_000, child.spawnMicrosProperty().get());
        s.apply(new Event.ProcessReaped(s.seq(), s.tick(), 1, 4712, 0));
        assertTrue(child.reaped());
        s.endFrame(s.now() + TimeUnit.MILLISECONDS.toNanos(100));
        assertTrue(diagram.processes().contains(child), "still shown while it fades");
        s.endFrame(s.now() + TimeUnit.SECONDS.toNanos(3));
        assertFalse(diagram.processes().contains(child));
    }

    /**
     * A stale write that erases two increments is itself overwritten by a write that read the
     * higher value: the counter climbs back one. The overwrites erased 2 in all, but the counter
     * lacks only 1 of its 4 increments, as the server's books say.
     */
    @Test
    void lostUpdatesAreCountedNetAsTheServerCountsThem() {
        s.start("threads");
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 2, "echolab-thread-c2", 1)); // B read 0 (A read 0 too)
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 3, "echolab-thread-c3", 2)); // C read 1 (D reads 2 now)
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 1, "echolab-thread-c1", 1)); // A, stale
        s.apply(new Event.LostUpdate(s.seq(), s.tick(), 1, "echolab-thread-c1", "echolab-thread-c3", 1, 2));
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 4, "echolab-thread-c4", 3)); // D read 2 before A wrote
        assertEquals(3, diagram.serverProcess().counterProperty().get());
        assertEquals(1, diagram.lostSeen(), "4 increments, the counter at 3");
    }

    @Test
    void aLostUpdateNamesBothWorkersAndSwitchingModesDrainsTheOldWorkers() {
        s.start("threads");
        s.apply(new Event.WorkerStarted(s.seq(), s.tick(), "echolab-thread-c1", "threads", "thread"));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 1, "127.0.0.1:50001", 50001, "threads"));
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 1, "echolab-thread-c2", 1)); // both read 0
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 1, "echolab-thread-c1", 1));
        s.apply(new Event.LostUpdate(s.seq(), s.tick(), 1, "echolab-thread-c1", "echolab-thread-c2", 1, 1));
        LostMark mark = diagram.lostMarks().get(0);
        assertEquals("thread-c1", mark.writer());
        assertEquals("thread-c2", mark.overwritten());
        assertEquals(1, diagram.lostSeen());
        assertFalse(diagram.worker("echolab-thread-c1").drainingProperty().get());
        s.apply(new Event.ModeChanged(s.seq(), s.tick(), "threads", "pool"));
        assertTrue(diagram.worker("echolab-thread-c1").drainingProperty().get());
        assertFalse(diagram.worker("echolab-main").drainingProperty().get(), "the acceptor belongs to no model");
    }
}
