package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.observe.WaitKind;
import echolab.ui.model.Activity;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.WorkerModel;

/** The tree as the process diagram's own models, fed events by hand: no toolkit, no server. */
class ObservedDiagramModelTest {

    private static final long SERVER = 4711;
    private static final long CHILD = 4712;

    private final ObservedTreeModel tree = new ObservedTreeModel();
    private long seq;

    private void apply(Event... events) {
        for (Event e : events) {
            tree.apply(e);
        }
    }

    private long s() {
        return ++seq;
    }

    private void forkingServerWithAChildReading() {
        apply(new Event.ObservedServerStarted(s(), 0, SERVER, 40000, "./fork_noreap 40000"),
                new Event.ObservedProcessAppeared(s(), 0, SERVER, 1, "./fork_noreap 40000"),
                new Event.ObservedThreadAppeared(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "fork_noreap"),
                new Event.ObservedThreadWaits(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "ACCEPT", 3),
                new Event.ObservedDescriptors(s(), 0, SERVER, 4),
                new Event.ClientConnecting(s(), 0, "s-client-1", 50001),
                new Event.ObservedProcessAppeared(s(), 0, CHILD, SERVER, "./fork_noreap 40000"),
                new Event.ObservedThreadAppeared(s(), 0, CHILD, CHILD, "fork_noreap (4712)", "fork_noreap"),
                new Event.ObservedThreadWaits(s(), 0, CHILD, CHILD, "fork_noreap (4712)", "READ", 4),
                new Event.ObservedConnectionHeld(s(), 0, 50001, CHILD, "fork_noreap (4712)"));
    }

    @Test
    void theProgramIsTheServersBoxAndItsForkedProcessesChildBoxesWithTheirLanes() {
        forkingServerWithAChildReading();
        List<ProcessModel> drawn = tree.drawn().processes();
        assertEquals(2, drawn.size());
        ProcessModel server = drawn.get(0);
        assertTrue(server.isServer() && server.observed());
        assertEquals("process-4711", server.nodeId());
        assertEquals("./fork_noreap 40000", server.kind());
        assertEquals(4, server.descriptorsProperty().get());
        WorkerModel main = server.threads().get(0);
        assertEquals("acceptor", main.role(), "the program's main thread leads its lanes, as the lab's acceptor does");
        assertEquals(Activity.ACCEPTING, main.state());
        assertEquals("waits in accept() on descriptor 3", main.doingProperty().get());

        ProcessModel child = drawn.get(1);
        assertFalse(child.isServer());
        assertEquals("child of 4711", child.kind());
        assertEquals("s-client-1", child.clientProperty().get(), "the child serves the client whose connection it holds");
        WorkerModel lane = child.threads().get(0);
        assertEquals("process", lane.role(), "a child's one thread is drawn as the lab draws a child's: main");
        assertEquals(Activity.READING, lane.state());
        assertEquals("s-client-1", lane.clientProperty().get());
    }

    @Test
    void aZombieKeepsItsBoxAndTheLanesItHadUntilItIsReaped() {
        forkingServerWithAChildReading();
        ProcessModel child = tree.drawn().process(CHILD);
        WorkerModel lane = child.threads().get(0);
        apply(new Event.ObservedProcessZombie(s(), 0, CHILD, SERVER),
                new Event.ObservedThreadEnded(s(), 0, CHILD, CHILD, "fork_noreap (4712)"),
                new Event.ObservedConnectionReleased(s(), 0, 50001));
        assertSame(child, tree.drawn().process(CHILD), "the same box, now a zombie");
        assertTrue(child.zombieProperty().get());
        assertEquals(List.of(lane), child.threads(), "its lane stays, to be drawn ended");
        assertEquals("", child.clientProperty().get());

        apply(new Event.ObservedProcessReaped(s(), 0, CHILD, true));
        assertEquals(List.of(SERVER), tree.drawn().processes().stream().map(ProcessModel::pid).toList());
    }

    /** The drawing is the tree's alone: a zombie first drawn after it ended still has the lanes it had then. */
    @Test
    void aZombieNeverDrawnWhileItRanIsDrawnWithTheLanesItHadWhenItEnded() {
        forkingServerWithAChildReading();
        apply(new Event.ObservedProcessZombie(s(), 0, CHILD, SERVER),
                new Event.ObservedThreadEnded(s(), 0, CHILD, CHILD, "fork_noreap (4712)"),
                new Event.ObservedConnectionReleased(s(), 0, 50001));
        ProcessModel child = tree.drawn().process(CHILD);
        assertTrue(child.zombieProperty().get());
        assertEquals(List.of("fork_noreap (4712)"), child.threads().stream().map(WorkerModel::id).toList());
        WorkerModel lane = child.threads().get(0);
        assertEquals(WaitStates.activity(WaitKind.READ), lane.stateProperty().get(), "what it waited in when it ended");
        assertEquals(WaitStates.words(WaitKind.READ, 4), lane.doingProperty().get());
        assertEquals("s-client-1", lane.clientProperty().get(), "the client it served then");
    }

    @Test
    void aConnectionTheProgramHoldsWithNoThreadInACallOnItIsAClientChip() {
        forkingServerWithAChildReading();
        apply(new Event.ClientConnecting(s(), 0, "s-client-2", 50002),
                new Event.ObservedConnectionHeld(s(), 0, 50002, SERVER, ""));
        assertEquals(List.of("s-client-2"), tree.drawn().held().stream().map(c -> c.name()).toList());
        assertEquals(Activity.CONNECTING, tree.drawn().held().get(0).state());
        apply(new Event.ObservedConnectionReleased(s(), 0, 50002));
        assertTrue(tree.drawn().held().isEmpty());
    }

    @Test
    void aCrashedProgramKeepsItsBoxSayingWhichSignal() {
        forkingServerWithAChildReading();
        ProcessModel server = tree.drawn().process(SERVER);
        apply(new Event.ObservedServerStopped(s(), 0, SERVER, "the server crashed: SIGSEGV (signal 11)"));
        assertSame(server, tree.drawn().process(SERVER));
        assertEquals("crashed: SIGSEGV (signal 11)", server.crashProperty().get());
        assertFalse(server.crashMeaningProperty().get().isEmpty(), "what the signal usually means");
        assertEquals(List.of(SERVER), tree.drawn().processes().stream().map(ProcessModel::pid).toList());
    }
}
