package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.observe.WaitKind;

/** The tab's fold, fed events by hand: no toolkit, no server. */
class ObservedTreeModelTest {

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

    /** A forking server listening, its main thread in accept. */
    private void forkingServerListens() {
        apply(new Event.ObservedServerStarted(s(), 0, SERVER, 40000, "./fork_noreap 40000"),
                new Event.ObservedProcessAppeared(s(), 0, SERVER, 1, "./fork_noreap 40000"),
                new Event.ObservedThreadAppeared(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "fork_noreap"),
                new Event.ObservedThreadWaits(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "ACCEPT", 3),
                new Event.ObservedDescriptors(s(), 0, SERVER, 4));
    }

    /** client-1 connects from port 50001 and a child forked for it serves it. */
    private void childServesAClient() {
        apply(new Event.ClientConnecting(s(), 0, "s-client-1", 50001),
                new Event.ClientConnectReturned(s(), 0, "s-client-1", 50001, 1000),
                new Event.ObservedProcessAppeared(s(), 0, CHILD, SERVER, "./fork_noreap 40000"),
                new Event.ObservedThreadAppeared(s(), 0, CHILD, CHILD, "fork_noreap (4712)", "fork_noreap"),
                new Event.ObservedThreadWaits(s(), 0, CHILD, CHILD, "fork_noreap (4712)", "READ", 4),
                new Event.ObservedConnectionHeld(s(), 0, 50001, CHILD, "fork_noreap (4712)"));
    }

    @Test
    void theServerAppearsWithItsThreadWaitingInAccept() {
        forkingServerListens();
        List<ObservedProcess> processes = tree.processes();
        assertEquals(1, processes.size());
        ObservedProcess root = processes.get(0);
        assertTrue(root.root());
        assertEquals("./fork_noreap 40000", root.command());
        assertEquals("observed-process-4711", root.nodeId());
        ObservedThread main = root.threads().get(0);
        assertEquals(WaitKind.ACCEPT, main.waitsIn());
        assertEquals(3, main.argument());
        assertEquals("observed-thread-4711", main.nodeId());
        assertEquals(4, root.descriptors());
        assertTrue(tree.running());
        assertEquals("state-accepting", WaitStates.styleClass(main.waitsIn()));
    }

    @Test
    void aChildAppearsWithTheClientItServesInItsLane() {
        forkingServerListens();
        childServesAClient();
        ObservedProcess child = tree.process(CHILD);
        assertFalse(child.root());
        assertEquals(SERVER, child.ppid());
        ObservedThread lane = child.thread(CHILD);
        assertEquals(1, lane.clients().size());
        HeldClient c = lane.clients().get(0);
        assertEquals("s-client-1", c.name());
        assertEquals(HeldClient.Stage.TALKING, c.stage());
        assertEquals("observed-client-50001", c.nodeId());
        assertEquals(1, tree.childrenAlive());
        assertEquals(List.of(SERVER, CHILD), tree.processes().stream().map(ObservedProcess::pid).toList());
    }

    @Test
    void aChildThatEndedUnreapedIsAZombieUntilItsParentReapsIt() {
        forkingServerListens();
        childServesAClient();
        apply(new Event.ClientFinished(s(), 0, "s-client-1", 50001, 60, 60, "done"),
                new Event.ObservedProcessZombie(s(), 0, CHILD, SERVER),
                new Event.ObservedThreadEnded(s(), 0, CHILD, CHILD, ""),
                new Event.ObservedConnectionReleased(s(), 0, 50001));
        ObservedProcess ghost = tree.process(CHILD);
        assertTrue(ghost.zombie());
        assertTrue(ghost.threads().isEmpty());
        assertEquals(0, ghost.clientCount());
        assertEquals(1, tree.zombies());
        assertEquals(0, tree.childrenAlive());
        assertTrue(tree.summary().contains("1 of them a zombie"), tree.summary());

        apply(new Event.ObservedProcessReaped(s(), 0, CHILD, true));
        assertNull(tree.process(CHILD));
        assertEquals(0, tree.zombies());
        assertEquals(1, tree.reaped());
        assertEquals(1, tree.zombiesReaped());
    }

    @Test
    void aClientMovesWithItsConnectionFromProcessToThreadAndIsDroppedWhenReleased() {
        forkingServerListens();
        apply(new Event.ClientConnecting(s(), 0, "s-client-1", 50001),
                new Event.ObservedConnectionHeld(s(), 0, 50001, SERVER, ""));
        assertEquals(1, tree.process(SERVER).clients().size(), "held by the process, no thread in a call on it");
        apply(new Event.ObservedConnectionHeld(s(), 0, 50001, SERVER, "fork_noreap (4711)"));
        assertTrue(tree.process(SERVER).clients().isEmpty());
        assertEquals(1, tree.process(SERVER).thread(SERVER).clients().size());
        apply(new Event.ObservedConnectionReleased(s(), 0, 50001));
        assertEquals(0, tree.process(SERVER).clientCount());
        assertTrue(tree.held().isEmpty());
    }

    @Test
    void aClientEchoLabDidNotStartIsNamedByItsPort() {
        forkingServerListens();
        apply(new Event.ObservedConnectionHeld(s(), 0, 50123, SERVER, ""));
        assertEquals("port 50123", tree.held().get(50123).name());
    }

    @Test
    void aThreadThatEndsLeavesItsClientsWithItsProcess() {
        forkingServerListens();
        apply(new Event.ObservedThreadAppeared(s(), 0, SERVER, 4720, "worker (4720)", "worker"),
                new Event.ObservedConnectionHeld(s(), 0, 50001, SERVER, "worker (4720)"),
                new Event.ObservedThreadEnded(s(), 0, SERVER, 4720, ""));
        assertNull(tree.process(SERVER).thread(4720));
        assertEquals(1, tree.process(SERVER).clients().size());
    }

    @Test
    void descriptorsRememberTheFirstCountAndTheMostSoALeakShows() {
        forkingServerListens();
        apply(new Event.ObservedDescriptors(s(), 0, SERVER, 9), new Event.ObservedDescriptors(s(), 0, SERVER, 7));
        ObservedProcess root = tree.process(SERVER);
        assertEquals(7, root.descriptors());
        assertEquals(4, root.firstDescriptors());
        assertEquals(9, root.peakDescriptors());
    }

    @Test
    void outputKeepsTheLastLinesNumberedSoAViewAppendsOnlyNewOnes() {
        forkingServerListens(); // line 1: EchoLab's own "listens" line
        for (int i = 0; i < ObservedTreeModel.OUTPUT_KEPT + 20; i++) {
            apply(new Event.ObservedOutput(s(), 0, SERVER, i % 2 == 0 ? "stdout" : "stderr", "line " + i));
        }
        List<OutputLine> kept = tree.output();
        assertEquals(ObservedTreeModel.OUTPUT_KEPT, kept.size());
        OutputLine last = kept.get(kept.size() - 1);
        assertEquals("line " + (ObservedTreeModel.OUTPUT_KEPT + 19), last.text());
        assertTrue(last.stderr());
        List<OutputLine> fresh = tree.outputAfter(last.number() - 2);
        assertEquals(2, fresh.size());
        assertEquals(last, fresh.get(1));
        assertTrue(tree.outputAfter(tree.lastOutputNumber()).isEmpty());
    }

    @Test
    void aStopClearsTheTreeOnceAndANewStartBeginsAfresh() {
        forkingServerListens();
        childServesAClient();
        apply(new Event.ObservedServerStopped(s(), 0, SERVER, "the server exited with code 1"));
        long after = tree.revision();
        assertFalse(tree.running());
        assertTrue(tree.processes().isEmpty());
        assertTrue(tree.held().isEmpty());
        assertEquals("the server exited with code 1", tree.stopReason());
        apply(new Event.ObservedServerStopped(s(), 0, SERVER, "had already exited with code 1"));
        assertEquals(after, tree.revision(), "the second word on the same end changes nothing");
        assertEquals("the server exited with code 1", tree.stopReason());
        assertTrue(tree.output().get(tree.output().size() - 1).text().contains("exited with code 1"));

        apply(new Event.ObservedServerStarted(s(), 0, 5000, 40001, "./threads 40001"),
                new Event.ObservedProcessAppeared(s(), 0, 5000, 1, "./threads 40001"));
        assertTrue(tree.running());
        assertEquals(5000, tree.serverPid());
        assertEquals(List.of(5000L), tree.processes().stream().map(ObservedProcess::pid).toList());
    }

    @Test
    void eventsOfNoConcernLeaveTheRevisionAlone() {
        forkingServerListens();
        long before = tree.revision();
        apply(new Event.ModeChanged(s(), 0, "pool", "threads"),
                new Event.ClientConnecting(s(), 0, "client-1", 60000), // the embedded server's client
                new Event.ClientWriteReturned(s(), 0, "client-1", 60000, 32, 1));
        assertEquals(before, tree.revision());
        apply(new Event.ObservedThreadWaits(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "RUNNING", -1));
        assertEquals(before + 1, tree.revision());
        assertEquals(WaitStates.RUNNING, WaitStates.styleClass(tree.process(SERVER).thread(SERVER).waitsIn()));
    }

    @Test
    void aThreadHeardOfBeforeItsProcessIsKeptWhenTheProcessAppears() {
        apply(new Event.ObservedServerStarted(s(), 0, SERVER, 40000, "./pool 40000"),
                new Event.ObservedThreadWaits(s(), 0, SERVER, 4713, "pool (4713)", "FUTEX", 0x7f00),
                new Event.ObservedProcessAppeared(s(), 0, SERVER, 1, "./pool 40000"));
        ObservedProcess root = tree.process(SERVER);
        assertEquals("./pool 40000", root.command());
        assertEquals("pool", root.thread(4713).name());
        assertEquals(WaitKind.FUTEX, root.thread(4713).waitsIn());
    }

    @Test
    void anUnknownWaitIsDrawnAsUnknownRatherThanBreakingTheFold() {
        forkingServerListens();
        apply(new Event.ObservedThreadWaits(s(), 0, SERVER, SERVER, "fork_noreap (4711)", "SOMETHING_NEW", -1));
        assertEquals(WaitKind.UNKNOWN, tree.process(SERVER).thread(SERVER).waitsIn());
    }

    @Test
    void aCrashKeepsTheProgramsBoxSayingWhichSignalUntilTheNextStart() {
        forkingServerListens();
        childServesAClient();
        apply(new Event.ObservedOutput(s(), 0, SERVER, "stderr", "*** stack smashing detected ***: terminated"),
                new Event.ObservedServerStopped(s(), 0, SERVER, "the server crashed: SIGABRT (signal 6)"));
        assertFalse(tree.running());
        assertEquals("crashed: SIGABRT (signal 6)", tree.crash());
        assertEquals("PID 4711 crashed: SIGABRT (signal 6)", tree.summary());
        List<ObservedProcess> left = tree.processes();
        assertEquals(1, left.size(), "the program's box alone; its children went with it");
        ObservedProcess ghost = left.get(0);
        assertTrue(ghost.root() && ghost.ended());
        assertEquals("crashed: SIGABRT (signal 6)", ghost.crash());
        assertEquals(6, ghost.crashSignal());
        assertEquals("./fork_noreap 40000", ghost.command());
        assertTrue(ghost.threads().isEmpty() && ghost.clients().isEmpty(), "nothing of it runs");
        assertTrue(tree.output().stream().anyMatch(l -> l.stderr() && l.text().contains("stack smashing detected")));
        // the second word on the same end (EchoLab's stop after the sampler's) changes nothing
        assertFalse(tree.apply(new Event.ObservedServerStopped(s(), 0, SERVER, "had already crashed: SIGABRT (signal 6)")));

        apply(new Event.ObservedServerStarted(s(), 0, SERVER + 10, 40001, "./fork_noreap 40001"));
        assertEquals("", tree.crash());
        assertTrue(tree.processes().isEmpty(), "a fresh start draws a fresh tree");
    }

    @Test
    void anExitOrAStopByEchoLabLeavesNoBox() {
        forkingServerListens();
        apply(new Event.ObservedServerStopped(s(), 0, SERVER, "ended on SIGTERM"));
        assertEquals("", tree.crash());
        assertTrue(tree.processes().isEmpty());
        assertEquals("PID 4711 stopped", tree.summary());
    }
}
