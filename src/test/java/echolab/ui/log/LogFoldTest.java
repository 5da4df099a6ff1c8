package echolab.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import echolab.events.Event;
import echolab.testing.FoldedSteps;
import echolab.ui.model.ClientModel;

/** The log, folded first: each row names the client as it was before its event. Without the toolkit. */
class LogFoldTest {

    private final FoldedSteps s = new FoldedSteps();

    @Test
    void aRowNamesTheClientTheWindowKnewBeforeItsEventAndRowsShowOnTheLogsCadence() {
        s.start("threads");
        s.apply(new Event.ClientConnecting(s.seq(), s.tick(), "client-1", 50001));
        s.apply(new Event.ClientConnectReturned(s.seq(), s.tick(), "client-1", 50001, 1000));
        assertTrue(s.folds.log().log().shown().isEmpty(), "no frame yet");
        s.endFrame(s.now() + TimeUnit.SECONDS.toNanos(1));
        var shown = s.folds.log().log().shown();
        assertEquals(4, shown.size());
        assertNull(shown.get(2).clientModel(), "connecting: not known before it");
        ClientModel c = s.folds.clients().clients().get(0);
        assertSame(c, shown.get(3).clientModel());
    }
}
