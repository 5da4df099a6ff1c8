package echolab.ui.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.ui.LabFolds;
import echolab.ui.model.LogModel;
import echolab.ui.model.TimelineModel;

/**
 * Which server an event, a lane and a client belong to, and the window's folds shown for one subject
 * at a time: the two servers' events arrive mixed on one subscription, and their lanes and log rows
 * never mix. No JavaFX toolkit: the folds are fed by hand.
 */
@Timeout(10)
class SubjectTest {

    private static final long MS = 1_000_000L;

    /** EchoLab's pool worker and client, and the student's thread and client, interleaved as they arrive. */
    private static final List<Event> MIXED = List.of(
            new Event.ServerStarted(1, 1 * MS, "127.0.0.1", 7707, "pool", 100),
            new Event.WorkerStarted(2, 2 * MS, "pool-worker-1", "pool", "worker"),
            new Event.ObservedServerStarted(3, 3 * MS, 42, 40001, "python3 server.py 40001"),
            new Event.ClientConnecting(4, 4 * MS, "client-1", 50001),
            new Event.ObservedThreadWaits(5, 5 * MS, 42, 42, "python3 (42)", "ACCEPT", 0),
            new Event.ClientConnecting(6, 6 * MS, "s-client-1", 50002),
            new Event.ClientConnectReturned(7, 7 * MS, "client-1", 50001, 10),
            new Event.ClientConnectReturned(8, 8 * MS, "s-client-1", 50002, 10),
            new Event.ObservedProcessAppeared(9, 9 * MS, 43, 42, "python3 server.py 40001"));

    @Test
    void theStudentsServerOwnsItsObservedEventsAndItsSClientsAndEchoLabOwnsTheRest() {
        assertEquals(Subject.STUDENT, Subject.of(new Event.ObservedThreadEnded(1, 1, 42, 43, "python3 (42)")));
        assertEquals(Subject.STUDENT, Subject.of(new Event.ClientFinished(1, 1, "s-client-3", 50003, 5, 5, "done")));
        assertEquals(Subject.ECHOLAB, Subject.of(new Event.ClientFinished(1, 1, "client-3", 50003, 5, 5, "done")));
        assertEquals(Subject.ECHOLAB, Subject.of(new Event.WorkerStarted(1, 1, "pool-worker-1", "pool", "worker")));
        assertEquals(Subject.ECHOLAB, Subject.of(new Event.ClientClosed(1, 1, 7, "pool-worker-1", "eof")));
        assertEquals(Subject.STUDENT, Subject.ofLane("observed:python3 (42)", "python3 (42)"));
        assertEquals(Subject.STUDENT, Subject.ofLane("client:50002", "s-client-1"));
        assertEquals(Subject.ECHOLAB, Subject.ofLane("client:50001", "client-1"));
        assertEquals(Subject.ECHOLAB, Subject.ofLane("pool-worker-1", "pool-worker-1"));
        assertTrue(Subject.STUDENT.ownsClient("s-client-12"));
        assertFalse(Subject.ECHOLAB.ownsClient("s-client-12"));
        assertTrue(Subject.ECHOLAB.ownsClient("client-12"));
    }

    @Test
    void aSavedNameReadsBackAndAnythingElseIsEchoLabsOwn() {
        for (Subject s : Subject.values()) {
            assertEquals(s, Subject.parse(s.id()));
        }
        assertEquals(Subject.ECHOLAB, Subject.parse("someone-elses"));
        assertEquals(Subject.ECHOLAB, Subject.parse(null));
    }

    @Test
    void theTimelineAndTheLogShowOnlyTheSubjectsLanesAndRowsAndKeepTheOthersForASwitchBack() {
        LabFolds folds = new LabFolds(Mode.POOL, Protection.NONE, 0, 50, 4, false);
        long play = 0;
        for (Event e : MIXED) {
            play = e.nanos();
            folds.apply(e, play);
        }
        folds.endFrame(play + 1_000 * MS); // the log's rows show on its cadence
        TimelineModel timeline = folds.timeline().timeline();
        LogModel log = folds.log().log();
        List<String> all = labels(timeline);
        assertTrue(all.containsAll(List.of("client-1", "s-client-1", "python3 (42)")), "every lane is kept: " + all);

        show(folds, Subject.STUDENT);
        assertEquals(List.of("python3 (42)", "s-client-1"), labels(timeline));
        assertRowsOf(Subject.STUDENT, log, 5);

        show(folds, Subject.ECHOLAB);
        List<String> echoLabs = labels(timeline);
        assertTrue(echoLabs.contains("client-1"), "EchoLab's client is back: " + echoLabs);
        assertTrue(echoLabs.stream().noneMatch(l -> l.startsWith("s-client-") || l.startsWith("python3")), echoLabs.toString());
        assertRowsOf(Subject.ECHOLAB, log, 4);
    }

    @Test
    void aSwitchRedrawsTheTimelineEvenWhenNothingNewArrived() {
        LabFolds folds = new LabFolds(Mode.POOL, Protection.NONE, 0, 50, 4, false);
        MIXED.forEach(e -> folds.apply(e, e.nanos()));
        long before = folds.timeline().timeline().revision();
        show(folds, Subject.STUDENT);
        assertTrue(folds.timeline().timeline().revision() > before, "the timeline's picture must be redrawn");
    }

    /** What the window does on a switch, for the timeline and the log. */
    private static void show(LabFolds folds, Subject s) {
        folds.timeline().timeline().showOnly(lane -> s.ownsLane(lane.key, lane.label()));
        folds.log().log().showOnly(s::owns);
    }

    private static List<String> labels(TimelineModel timeline) {
        return timeline.lanes().stream().map(TimelineModel.Lane::label).toList();
    }

    private static void assertRowsOf(Subject s, LogModel log, int count) {
        assertEquals(count, log.shown().size(), "rows: " + log.shown());
        assertTrue(log.shown().stream().allMatch(row -> Subject.of(row.event()) == s), "rows: " + log.shown());
    }
}
