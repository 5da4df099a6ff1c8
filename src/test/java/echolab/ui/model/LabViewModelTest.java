package echolab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;

/** The fold, fed by hand-made events: what each sequence of server steps must look like. */
class LabViewModelTest {

    private final LabViewModel vm = new LabViewModel(Mode.POOL, Protection.NONE, 0, 50, 2, false);
    private long seq;
    private long now = 1_000_000_000L;

    private long tick() {
        now += 1_000_000;
        return now;
    }

    private void apply(Event e) {
        vm.apply(e, e.nanos());
    }

    private void start(String mode) {
        apply(new Event.ServerStarted(++seq, tick(), "127.0.0.1", 7000, mode, 4711));
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-main", mode, "acceptor"));
    }

    @Test
    void aClientWhoseConnectReturnedButIsNotAcceptedWaitsInTheBacklog() {
        start("iterative");
        apply(new Event.ClientConnecting(++seq, tick(), "client-2", 50002));
        assertEquals(Activity.CONNECTING, vm.clients().get(0).state());
        apply(new Event.ClientConnectReturned(++seq, tick(), "client-2", 50002, 1000));
        apply(new Event.ClientWriteReturned(++seq, tick(), "client-2", 50002, 10, 1));
        apply(new Event.ClientWaitingForEcho(++seq, tick(), "client-2", 50002));
        vm.endFrame(now);
        ClientModel c = vm.clients().get(0);
        assertEquals(List.of(c), vm.backlog());
        assertEquals(Activity.BACKLOG, c.state());
        assertEquals("connect returned · write buffered · read blocked", c.detailProperty().get());
        assertEquals(1, c.sentProperty().get());

        apply(new Event.ClientAccepted(++seq, tick(), 2, "127.0.0.1:50002", 50002, "iterative"));
        apply(new Event.WorkerAssigned(++seq, tick(), 2, "echolab-main", "iterative"));
        assertTrue(vm.backlog().isEmpty());
        assertEquals(Activity.SERVED, c.state());
        assertEquals("client-2", vm.worker("echolab-main").clientProperty().get());
    }

    @Test
    void aSimulatedClientKeepsItsNameWhenTheServerAcceptsItBeforeItsConnectReturns() {
        start("threads");
        apply(new Event.ClientConnecting(++seq, tick(), "client-7", 50007));
        apply(new Event.ClientAccepted(++seq, tick(), 1, "127.0.0.1:50007", 50007, "threads"));
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-thread-c1", "threads", "thread"));
        apply(new Event.WorkerAssigned(++seq, tick(), 1, "echolab-thread-c1", "threads"));
        apply(new Event.ClientConnectReturned(++seq, tick(), "client-7", 50007, 1000));
        ClientModel c = vm.clients().get(0);
        assertEquals(1, vm.clients().size());
        assertEquals("client-7", c.name());
        assertEquals(Activity.SERVED, c.state(), "accepted already: not put back into the backlog");
        assertTrue(vm.backlog().isEmpty());
        assertEquals("client-7", vm.worker("echolab-thread-c1").clientProperty().get());
    }

    @Test
    void aStudentsClientIsNamedByItsMachinesAddressAndThisMachinesKeepTheirNames() {
        start("threads");
        apply(new Event.ClientAccepted(++seq, tick(), 1, "192.168.1.23:50001", 50001, "threads"));
        apply(new Event.ClientAccepted(++seq, tick(), 2, "192.168.1.23:50002", 50002, "threads"));
        apply(new Event.ClientAccepted(++seq, tick(), 3, "127.0.0.1:50003", 50003, "threads"));
        assertEquals(List.of("192.168.1.23", "192.168.1.23 #2", "127.0.0.1:50003 (external)"),
                vm.clients().stream().map(ClientModel::name).toList());
        apply(new Event.ClientClosed(++seq, tick(), 1, "echolab-thread-c1", "end of stream"));
        apply(new Event.ClientAccepted(++seq, tick(), 4, "192.168.1.23:50004", 50004, "threads"));
        assertEquals("192.168.1.23", vm.clients().get(vm.clients().size() - 1).name(), "the student reconnected");
    }

    @Test
    void aPoolQueueHoldsClientsUntilAWorkerTakesThem() {
        start("pool");
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        apply(new Event.ClientAccepted(++seq, tick(), 1, "127.0.0.1:50001", 50001, "pool"));
        apply(new Event.Queued(++seq, tick(), 1, "pool", 1));
        ClientModel c = vm.clients().get(0);
        assertEquals("127.0.0.1:50001 (external)", c.name(), "a client the server saw first is a real one");
        assertEquals(List.of(c), vm.poolQueue());
        assertEquals(Activity.QUEUED, c.state());
        apply(new Event.WorkerAssigned(++seq, tick(), 1, "echolab-pool-worker-1", "pool"));
        assertTrue(vm.poolQueue().isEmpty());
        assertEquals(Activity.READING, vm.worker("echolab-pool-worker-1").state());
        apply(new Event.LineReceived(++seq, tick(), 1, "echolab-pool-worker-1", 6));
        apply(new Event.CounterRead(++seq, tick(), 1, "echolab-pool-worker-1", 0));
        assertEquals(Activity.COUNTER, vm.worker("echolab-pool-worker-1").state());
        apply(new Event.CounterWritten(++seq, tick(), 1, "echolab-pool-worker-1", 1));
        apply(new Event.LineEchoed(++seq, tick(), 1, "echolab-pool-worker-1", 6, 1000));
        vm.endFrame(now);
        assertEquals(1, vm.serverProcess().counterProperty().get());
        assertEquals(1, c.echoedProperty().get(), "a real client's echoes are counted from the server's side");
        apply(new Event.ClientClosed(++seq, tick(), 1, "echolab-pool-worker-1", "client closed"));
        assertEquals(Activity.CLOSED, c.state());
        assertEquals(Activity.IDLE, vm.worker("echolab-pool-worker-1").state());
        vm.endFrame(now + TimeUnit.SECONDS.toNanos(10));
        assertTrue(vm.clients().isEmpty(), "closed clients leave the list after a while");
    }

    @Test
    void childProcessesHaveTheirOwnCounterAndLeaveAfterTheyAreReaped() {
        start("processes");
        apply(new Event.ClientAccepted(++seq, tick(), 1, "127.0.0.1:50001", 50001, "processes"));
        apply(new Event.ProcessSpawned(++seq, tick(), 1, 4712, 900));
        apply(new Event.WorkerAssigned(++seq, tick(), 1, "pid 4712", "processes"));
        apply(new Event.ProcessReady(++seq, tick(), 1, 4712, 80_000));
        apply(new Event.ChildCounterReported(++seq, tick(), 1, 4712, 1));
        ProcessModel child = vm.processes().get(1);
        assertEquals(4712, child.pid());
        assertEquals(1, child.counterProperty().get());
        assertEquals(0, vm.serverProcess().counterProperty().get(), "the parent's counter does not move");
        assertEquals(80_000, child.spawnMicrosProperty().get());
        apply(new Event.ProcessReaped(++seq, tick(), 1, 4712, 0));
        assertTrue(child.reaped());
        vm.endFrame(now + TimeUnit.MILLISECONDS.toNanos(100));
        assertTrue(vm.processes().contains(child), "still shown while it fades");
        vm.endFrame(now + TimeUnit.SECONDS.toNanos(3));
        assertFalse(vm.processes().contains(child));
    }

    /**
     * A stale write that erases two increments is itself overwritten by a write that read the
     * higher value: the counter climbs back one. The overwrites erased 2 in all, but the counter
     * lacks only 1 of its 4 increments, as the server's books say.
     */
    @Test
    void lostUpdatesAreCountedNetAsTheServerCountsThem() {
        start("threads");
        apply(new Event.CounterWritten(++seq, tick(), 2, "echolab-thread-c2", 1)); // B read 0 (A read 0 too)
        apply(new Event.CounterWritten(++seq, tick(), 3, "echolab-thread-c3", 2)); // C read 1 (D reads 2 now)
        apply(new Event.CounterWritten(++seq, tick(), 1, "echolab-thread-c1", 1)); // A, stale
        apply(new Event.LostUpdate(++seq, tick(), 1, "echolab-thread-c1", "echolab-thread-c3", 1, 2));
        apply(new Event.CounterWritten(++seq, tick(), 4, "echolab-thread-c4", 3)); // D read 2 before A wrote
        assertEquals(3, vm.serverProcess().counterProperty().get());
        assertEquals(1, vm.lostSeen(), "4 increments, the counter at 3");
    }

    @Test
    void aLostUpdateNamesBothWorkersAndSwitchingModesDrainsTheOldWorkers() {
        start("threads");
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-thread-c1", "threads", "thread"));
        apply(new Event.ClientAccepted(++seq, tick(), 1, "127.0.0.1:50001", 50001, "threads"));
        apply(new Event.CounterWritten(++seq, tick(), 1, "echolab-thread-c2", 1)); // both read 0
        apply(new Event.CounterWritten(++seq, tick(), 1, "echolab-thread-c1", 1));
        apply(new Event.LostUpdate(++seq, tick(), 1, "echolab-thread-c1", "echolab-thread-c2", 1, 1));
        LabViewModel.LostMark mark = vm.lostMarks().get(0);
        assertEquals("thread-c1", mark.writer());
        assertEquals("thread-c2", mark.overwritten());
        assertEquals(1, vm.lostSeen());
        assertFalse(vm.worker("echolab-thread-c1").drainingProperty().get());
        apply(new Event.ModeChanged(++seq, tick(), "threads", "pool"));
        assertTrue(vm.worker("echolab-thread-c1").drainingProperty().get());
        assertFalse(vm.worker("echolab-main").drainingProperty().get(), "the acceptor belongs to no model");
    }

    @Test
    void aBusyLaneIsDrawnInSpansOfAtLeastTwoMillisecondsShowingWhatLastedLongest() {
        start("pool");
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        long t = now;
        for (int i = 0; i < 1000; i++) { // 10 µs of counter work, then 90 µs waiting for the next line
            apply(new Event.CounterRead(++seq, t += 1_000, 1, "echolab-pool-worker-1", i));
            apply(new Event.LineEchoed(++seq, t += 10_000, 1, "echolab-pool-worker-1", 6, 1000));
            t += 89_000;
        }
        vm.endFrame(t);
        List<TimelineModel.Span> spans = new java.util.ArrayList<>();
        vm.timeline().forEachSpan(spans::add);
        assertTrue(spans.size() < 60, "100 ms of work in spans of 2 ms or more: " + spans.size());
        long reading = spans.stream().filter(s -> s.state == Activity.READING).count();
        assertTrue(reading > spans.size() / 2, "mostly waiting for the client's next line");
    }

    @Test
    void theTimelineKeepsABoundedHistory() {
        start("pool");
        apply(new Event.WorkerStarted(++seq, tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        for (int i = 0; i < 100_000; i++) {
            apply(new Event.CounterRead(++seq, tick(), 1, "echolab-pool-worker-1", i));
            apply(new Event.LineEchoed(++seq, tick(), 1, "echolab-pool-worker-1", 6, 1000));
        }
        assertEquals(vm.timeline().capacity(), vm.timeline().spanCount(), "the ring is full, not larger");
    }
}
