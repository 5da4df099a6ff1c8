package echolab.ui.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.testing.FoldedSteps;
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;

/** The clients' fold (with the diagram's, for the workers that serve them), fed by hand-made events, without the toolkit. */
class ClientsFoldTest {

    private final FoldedSteps s = new FoldedSteps();
    private final ClientsFold clients = s.folds.clients();
    private final echolab.ui.diagram.DiagramFold diagram = s.folds.diagram();

    @Test
    void aClientWhoseConnectReturnedButIsNotAcceptedWaitsInTheBacklog() {
        s.start("iterative");
        s.apply(new Event.ClientConnecting(s.seq(), s.tick(), "client-2", 50002));
        assertEquals(Activity.CONNECTING, clients.clients().get(0).state());
        s.apply(new Event.ClientConnectReturned(s.seq(), s.tick(), "client-2", 50002, 1000));
        s.apply(new Event.ClientWriteReturned(s.seq(), s.tick(), "client-2", 50002, 10, 1));
        s.apply(new Event.ClientWaitingForEcho(s.seq(), s.tick(), "client-2", 50002));
        s.endFrame(s.now());
        ClientModel c = clients.clients().get(0);
        assertEquals(List.of(c), clients.backlog());
        assertEquals(Activity.BACKLOG, c.state());
        assertEquals("connect returned · write buffered · read blocked", c.detailProperty().get());
        assertEquals(1, c.sentProperty().get());

        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 2, "127.0.0.1:50002", 50002, "iterative"));
        s.apply(new Event.WorkerAssigned(s.seq(), s.tick(), 2, "echolab-main", "iterative"));
        assertTrue(clients.backlog().isEmpty());
        assertEquals(Activity.SERVED, c.state());
        assertEquals("client-2", diagram.worker("echolab-main").clientProperty().get());
    }

    @Test
    void aSimulatedClientKeepsItsNameWhenTheServerAcceptsItBeforeItsConnectReturns() {
        s.start("threads");
        s.apply(new Event.ClientConnecting(s.seq(), s.tick(), "client-7", 50007));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 1, "127.0.0.1:50007", 50007, "threads"));
        s.apply(new Event.WorkerStarted(s.seq(), s.tick(), "echolab-thread-c1", "threads", "thread"));
        s.apply(new Event.WorkerAssigned(s.seq(), s.tick(), 1, "echolab-thread-c1", "threads"));
        s.apply(new Event.ClientConnectReturned(s.seq(), s.tick(), "client-7", 50007, 1000));
        ClientModel c = clients.clients().get(0);
        assertEquals(1, clients.clients().size());
        assertEquals("client-7", c.name());
        assertEquals(Activity.SERVED, c.state(), "accepted already: not put back into the backlog");
        assertTrue(clients.backlog().isEmpty());
        assertEquals("client-7", diagram.worker("echolab-thread-c1").clientProperty().get());
    }

    @Test
    void aStudentsClientIsNamedByItsMachinesAddressAndThisMachinesKeepTheirNames() {
        s.start("threads");
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 1, "192.168.1.23:50001", 50001, "threads"));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 2, "192.168.1.23:50002", 50002, "threads"));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 3, "127.0.0.1:50003", 50003, "threads"));
        assertEquals(List.of("192.168.1.23", "192.168.1.23 #2", "127.0.0.1:50003 (external)"),
                clients.clients().stream().map(ClientModel::name).toList());
        s.apply(new Event.ClientClosed(s.seq(), s.tick(), 1, "echolab-thread-c1", "end of stream"));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 4, "192.168.1.23:50004", 50004, "threads"));
        assertEquals("192.168.1.23", clients.clients().get(clients.clients().size() - 1).name(), "the student reconnected");
    }

    @Test
    void aPoolQueueHoldsClientsUntilAWorkerTakesThem() {
        s.start("pool");
        s.apply(new Event.WorkerStarted(s.seq(), s.tick(), "echolab-pool-worker-1", "pool", "pool-worker"));
        s.apply(new Event.ClientAccepted(s.seq(), s.tick(), 1, "127.0.0.1:50001", 50001, "pool"));
        s.apply(new Event.Queued(s.seq(), s.tick(), 1, "pool", 1));
        ClientModel c = clients.clients().get(0);
        assertEquals("127.0.0.1:50001 (external)", c.name(), "a client the server saw first is a real one");
        assertEquals(List.of(c), clients.poolQueue());
        assertEquals(Activity.QUEUED, c.state());
        s.apply(new Event.WorkerAssigned(s.seq(), s.tick(), 1, "echolab-pool-worker-1", "pool"));
        assertTrue(clients.poolQueue().isEmpty());
        assertEquals(Activity.READING, diagram.worker("echolab-pool-worker-1").state());
        s.apply(new Event.LineReceived(s.seq(), s.tick(), 1, "echolab-pool-worker-1", 6));
        s.apply(new Event.CounterRead(s.seq(), s.tick(), 1, "echolab-pool-worker-1", 0));
        assertEquals(Activity.COUNTER, diagram.worker("echolab-pool-worker-1").state());
        s.apply(new Event.CounterWritten(s.seq(), s.tick(), 1, "echolab-pool-worker-1", 1));
        s.apply(new Event.LineEchoed(s.seq(), s.tick(), 1, "echolab-pool-worker-1", 6, 1000));
        s.endFrame(s.now());
        assertEquals(1, diagram.serverProcess().counterProperty().get());
        assertEquals(1, c.echoedProperty().get(), "a real client's echoes are counted from the server's side");
        s.apply(new Event.ClientClosed(s.seq(), s.tick(), 1, "echolab-pool-worker-1", "client closed"));
        assertEquals(Activity.CLOSED, c.state());
        assertEquals(Activity.IDLE, diagram.worker("echolab-pool-worker-1").state());
        s.endFrame(s.now() + TimeUnit.SECONDS.toNanos(10));
        assertTrue(clients.clients().isEmpty(), "closed clients leave the list after a while");
    }
}
