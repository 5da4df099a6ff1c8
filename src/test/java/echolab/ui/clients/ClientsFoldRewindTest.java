package echolab.ui.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import echolab.ui.model.Activity;
import echolab.ui.model.ClientModel;
import echolab.ui.timeline.TimelineFold;

/**
 * The clients' checkpoints: a checkpoint restored and folded on is the live state, on real runs of
 * every model and on hand-made steps; the lists show the restored clients, one instance each.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ClientsFoldRewindTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static ClientsFold fresh() {
        return new ClientsFold(new TimelineFold().timeline());
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aCheckpointRestoredAndFoldedOnIsTheLiveStateInEveryModel(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        List<Event> run = RecordedRun.shared(mode);
        int checkpoints = RewindCheck.holds("clients, " + mode, ClientsFoldRewindTest::fresh, run, 250);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints);
    }

    @Test
    void clientsThatCameGoAndWaitedAreRestoredAcrossTheirWholeLife() {
        List<Event> steps = List.of(
                new Event.ClientConnecting(1, START + MS, "client-1", 50001),
                new Event.ClientConnectReturned(2, START + 2 * MS, "client-1", 50001, 1000),
                new Event.ClientWriteReturned(3, START + 3 * MS, "client-1", 50001, 10, 1),
                new Event.ClientAccepted(4, START + 4 * MS, 1, "127.0.0.1:50001", 50001, "pool"),
                new Event.Queued(5, START + 5 * MS, 1, "pool", 1),
                // a student's machine, twice at once: the second connection is "#2" while the first is open
                new Event.ClientAccepted(6, START + 6 * MS, 2, "192.168.1.23:40000", 40000, "pool"),
                new Event.ClientAccepted(7, START + 7 * MS, 3, "192.168.1.23:40001", 40001, "pool"),
                new Event.WorkerAssigned(8, START + 8 * MS, 1, "echolab-pool-1", "pool"),
                new Event.LineEchoed(9, START + 9 * MS, 2, "echolab-pool-2", 10, 300_000),
                new Event.ClientEchoReceived(10, START + 10 * MS, "client-1", 50001, 10, 400_000, true),
                new Event.ClientClosed(11, START + 11 * MS, 2, "echolab-pool-2", "eof"),
                new Event.ClientAccepted(12, START + 12 * MS, 4, "192.168.1.23:40002", 40002, "pool"),
                new Event.ClientFinished(13, START + 13 * MS, "client-1", 50001, 1, 1, "ok"),
                // the same local port again, for a new client, while the closed one is still listed
                new Event.ClientConnecting(14, START + 14 * MS, "client-2", 50001),
                new Event.ClientConnectReturned(15, START + 15 * MS, "client-2", 50001, 1000),
                // nine seconds later: the closed ones have left the list
                new Event.ClientWriteReturned(16, START + 9_000 * MS, "client-2", 50001, 10, 1));
        assertEquals(steps.size() + 1, RewindCheck.holds("clients, hand-made", ClientsFoldRewindTest::fresh, steps, 1));
    }

    @Test
    void aRestoredFoldShowsTheClientsOfThenOneInstanceInEveryListAndNamesTheNextConnectionAsThen() {
        ClientsFold clients = fresh();
        apply(clients, new Event.ClientAccepted(1, START + MS, 1, "192.168.1.23:40000", 40000, "pool"));
        apply(clients, new Event.Queued(2, START + 2 * MS, 1, "pool", 1));
        ClientsFold.Snapshot queued = clients.snapshot();
        apply(clients, new Event.WorkerAssigned(3, START + 3 * MS, 1, "echolab-pool-1", "pool"));
        apply(clients, new Event.ClientClosed(4, START + 4 * MS, 1, "echolab-pool-1", "eof"));
        clients.endFrame(START + TimeUnit.SECONDS.toNanos(10));
        assertTrue(clients.clients().isEmpty(), "closed eight seconds ago: gone");

        clients.restore(queued);
        assertEquals(1, clients.clients().size());
        ClientModel c = clients.clients().get(0);
        assertEquals("192.168.1.23", c.name());
        assertEquals(Activity.QUEUED, c.state());
        assertSame(c, clients.poolQueue().get(0), "the queue shows the same client as the list");
        assertSame(c, clients.byId(1));
        assertSame(c, clients.bySerial(c.serial()));
        // the first connection is open again: the machine's next one is #2, as it was then
        apply(clients, new Event.ClientAccepted(5, START + 5 * MS, 2, "192.168.1.23:40001", 40001, "pool"));
        assertEquals("192.168.1.23 #2", clients.clients().get(1).name());
    }

    @Test
    void aClientShownAtBothInstantsIsPutBackInPlaceSoItsRowAndChipStay() {
        ClientsFold clients = fresh();
        apply(clients, new Event.ClientConnecting(1, START + MS, "client-1", 50001));
        apply(clients, new Event.ClientConnectReturned(2, START + 2 * MS, "client-1", 50001, 1000));
        ClientsFold.Snapshot inBacklog = clients.snapshot();
        ClientModel c = clients.clients().get(0);
        apply(clients, new Event.ClientAccepted(3, START + 3 * MS, 1, "127.0.0.1:50001", 50001, "threads"));
        apply(clients, new Event.WorkerAssigned(4, START + 4 * MS, 1, "echolab-thread-c1", "threads"));
        apply(clients, new Event.ClientConnecting(5, START + 5 * MS, "client-2", 50002));
        assertEquals(2, clients.clients().size());

        clients.restore(inBacklog);
        assertEquals(List.of(c), clients.clients(), "the same instance, the later client gone");
        assertEquals(List.of(c), clients.backlog());
        assertEquals(Activity.BACKLOG, c.state());
        assertEquals("", c.workerProperty().get(), "served later: not yet");
        assertEquals(null, clients.byId(1), "not accepted yet");
    }

    @Test
    void aRestoredClientShowsItsCountsAtOnceThoughTheLiveOneShowedThemOnItsCadence() {
        ClientsFold clients = fresh();
        apply(clients, new Event.ClientConnecting(1, START + MS, "client-1", 50001));
        apply(clients, new Event.ClientWriteReturned(2, START + 2 * MS, "client-1", 50001, 30, 3));
        clients.endFrame(START + 2 * MS);
        apply(clients, new Event.ClientWriteReturned(3, START + 3 * MS, "client-1", 50001, 20, 2));
        clients.endFrame(START + 3 * MS); // within the same tenth of a second: not shown yet
        assertEquals(3, clients.clients().get(0).sentProperty().get());

        clients.restore(clients.snapshot());
        assertEquals(5, clients.clients().get(0).sentProperty().get(), "the counts folded up to then");
    }

    @Test
    void aSnapshotTakenIsNotChangedByLaterEvents() {
        ClientsFold clients = fresh();
        apply(clients, new Event.ClientConnecting(1, START + MS, "client-1", 50001));
        apply(clients, new Event.ClientConnectReturned(2, START + 2 * MS, "client-1", 50001, 1000));
        ClientsFold.Snapshot before = clients.snapshot();
        ClientsFold.Snapshot copy = clients.snapshot();
        apply(clients, new Event.ClientWriteReturned(3, START + 3 * MS, "client-1", 50001, 10, 1));
        apply(clients, new Event.ClientAccepted(4, START + 4 * MS, 1, "192.168.1.9:40000", 40000, "pool"));
        apply(clients, new Event.ClientFinished(5, START + 5 * MS, "client-1", 50001, 1, 1, "ok"));
        assertEquals(copy, before);
        assertNotEquals(before, clients.snapshot());
    }

    private static void apply(ClientsFold clients, Event e) {
        clients.apply(e, e.nanos());
    }
}
