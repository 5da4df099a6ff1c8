package echolab.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.testing.RewindCheck;
import echolab.ui.clients.ClientsFold;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;
import echolab.ui.model.ClientModel;
import echolab.ui.model.LogModel;
import echolab.ui.timeline.TimelineFold;

/**
 * The log's checkpoints, with the clients its rows name: a checkpoint restored and folded on is
 * the live log, on real runs of every model and on hand-made steps; a restored row names its
 * client as the client list does, renames included.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class LogFoldRewindTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** The log and the clients it names, folded and restored as the window does: the log first, restored last. */
    static final class LogAndClients implements Fold, Rewindable<LogAndClients.Both> {
        record Both(LogModel.Snapshot log, ClientsFold.Snapshot clients) {}

        final ClientsFold clients = new ClientsFold(new TimelineFold().timeline());
        final LogFold log = new LogFold(clients::clientOf, clients::bySerial);

        @Override
        public void apply(Event e, long playNanos) {
            log.apply(e, playNanos);
            clients.apply(e, playNanos);
        }

        @Override
        public void endFrame(long playNanos) {
            log.endFrame(playNanos);
            clients.endFrame(playNanos);
        }

        @Override
        public Both snapshot() {
            return new Both(log.snapshot(), clients.snapshot());
        }

        @Override
        public void restore(Both s) {
            clients.restore(s.clients());
            log.restore(s.log());
        }
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aCheckpointRestoredAndFoldedOnIsTheLiveLogInEveryModel(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        List<Event> run = RecordedRun.shared(mode);
        int checkpoints = RewindCheck.holds("log, " + mode, LogAndClients::new, run, 250);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints);
    }

    @Test
    void aRowOfAClientRenamedAfterTheCheckpointIsRenamedOnceFoldedOn() {
        List<Event> steps = renamedLater();
        assertEquals(steps.size() + 1, RewindCheck.holds("log, renamed", LogAndClients::new, steps, 1));

        LogAndClients folds = new LogAndClients();
        fold(folds, steps.subList(0, 3));
        LogAndClients.Both echoed = folds.snapshot();
        fold(folds, steps.subList(3, steps.size()));
        folds.restore(echoed);
        LogModel.Entry row = folds.log.log().shown().get(2);
        assertEquals("127.0.0.1:50001 (external)", row.client(), "as the server saw it before its own side spoke");
        assertSame(folds.clients.clients().get(1), row.clientModel(), "the row names the client the list shows");
        fold(folds, steps.subList(3, 4));
        assertEquals("client-1", row.client());
    }

    @Test
    void aRestoreShowsTheNewestKeptRowsThatPassTheFilterInForce() {
        LogAndClients folds = new LogAndClients();
        fold(folds, renamedLater());
        LogAndClients.Both all = folds.snapshot();
        folds.log.log().filter("lineEchoed", "");
        folds.restore(new LogAndClients.Both(new LogModel.Snapshot(List.of()), all.clients()));
        assertTrue(folds.log.log().shown().isEmpty());
        folds.restore(all);
        assertEquals(1, folds.log.log().shown().size(), "the filter the user chose holds: " + folds.log.log().shown());
        assertEquals("client-1", folds.log.log().shown().get(0).client());
    }

    @Test
    void aRowOfAClientThatHasLeftTheListKeepsItsName() {
        List<Event> steps = List.of(
                new Event.ClientAccepted(1, START + MS, 1, "192.168.1.23:40000", 40000, "pool"),
                new Event.ClientClosed(2, START + 2 * MS, 1, "echolab-pool-1", "eof"),
                new Event.ClientAccepted(3, START + 9_000 * MS, 2, "192.168.1.23:40001", 40001, "pool"));
        assertEquals(steps.size() + 1, RewindCheck.holds("log, a client gone", LogAndClients::new, steps, 1));
        LogAndClients folds = new LogAndClients();
        fold(folds, steps);
        folds.restore(folds.snapshot());
        assertEquals("192.168.1.23", folds.log.log().shown().get(1).client(), "the row of its closing");
        assertEquals(List.of("192.168.1.23"), folds.clients.clients().stream().map(ClientModel::name).toList(),
                "the first has left the list; the second, after the first closed, is the bare address too");
    }

    @Test
    void aSnapshotTakenIsNotChangedByLaterEventsNorARename() {
        LogAndClients folds = new LogAndClients();
        List<Event> steps = renamedLater();
        fold(folds, steps.subList(0, 3));
        LogModel.Snapshot before = folds.log.snapshot();
        LogModel.Snapshot copy = folds.log.snapshot();
        fold(folds, steps.subList(3, steps.size()));
        assertEquals(copy, before);
        assertEquals("127.0.0.1:50001 (external)", before.kept().get(2).name());
        assertNotEquals(before, folds.log.snapshot());
    }

    @Test
    void aSnapshotSharesTheRowsThatHaveNotChangedAndMakesARenamedClientsRowsAgain() {
        LogAndClients folds = new LogAndClients();
        List<Event> steps = renamedLater();
        fold(folds, steps.subList(0, 3));
        LogModel.Snapshot before = folds.log.snapshot();
        fold(folds, steps.subList(3, 4));
        LogModel.Snapshot after = folds.log.snapshot();
        assertSame(before.kept().get(0), after.kept().get(0), "a row still true is shared");
        assertEquals("127.0.0.1:50001 (external)", before.kept().get(2).name());
        assertEquals("client-1", after.kept().get(2).name(), "renamed since: made again");
    }

    @Test
    void aSnapshotAfterTheOldestRowsLeftTheRingSharesTheRowsStillKept() {
        LogFold log = new LogFold(e -> null);
        LogFold unshared = new LogFold(e -> null);
        long t = START;
        for (int i = 0; i < 20_000; i++) {
            Event e = new Event.LineEchoed(i, t += 1000, i, "echolab-pool-1", 10, 1000);
            log.apply(e, t);
            unshared.apply(e, t);
        }
        LogModel.Snapshot full = log.snapshot();
        for (int i = 20_000; i < 20_005; i++) {
            Event e = new Event.LineEchoed(i, t += 1000, i, "echolab-pool-1", 10, 1000);
            log.apply(e, t);
            unshared.apply(e, t);
        }
        LogModel.Snapshot later = log.snapshot();
        assertEquals(20_000, later.kept().size(), "the ring keeps 20,000");
        assertSame(full.kept().get(5), later.kept().get(0));
        assertEquals(unshared.snapshot(), later, "the same rows as made afresh");
    }

    /** A client connecting, accepted by the server before its connect returned: named by the server first. */
    private static List<Event> renamedLater() {
        return List.of(
                new Event.ClientConnecting(1, START + MS, "client-0", 50002),
                new Event.ClientAccepted(2, START + 2 * MS, 1, "127.0.0.1:50001", 50001, "pool"),
                new Event.LineEchoed(3, START + 3 * MS, 1, "echolab-pool-1", 10, 300_000),
                new Event.ClientConnectReturned(4, START + 4 * MS, "client-1", 50001, 1000),
                new Event.ClientWriteReturned(5, START + 5 * MS, "client-1", 50001, 10, 1));
    }

    private static void fold(LogAndClients folds, List<Event> events) {
        for (Event e : events) {
            folds.apply(e, e.nanos());
        }
        folds.endFrame(events.get(events.size() - 1).nanos());
    }

}
