package echolab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;

/** The server's settings as its events tell them, without the toolkit. */
class ControlsFoldTest {

    private final ControlsFold fold = new ControlsFold(Mode.POOL, Protection.NONE, 0, 50, 2, false);

    @Test
    void startsFromTheSettingsGivenAndFollowsTheServersEvents() {
        assertEquals(50, fold.raceWindowMicrosProperty().get());
        fold.apply(new Event.ServerStarted(1, 10, "127.0.0.1", 7000, "threads", 4711), 10);
        assertEquals("127.0.0.1:7000", fold.addressProperty().get());
        assertEquals(Mode.THREADS, fold.modeProperty().get());
        fold.apply(new Event.ModeChanged(2, 11, "threads", "events"), 11);
        fold.apply(new Event.ProtectionChanged(3, 12, "none", "lock"), 12);
        fold.apply(new Event.SettingChanged(4, 13, "delayMs", 200), 13);
        fold.apply(new Event.SettingChanged(5, 14, "raceWindowUs", 1000), 14);
        fold.apply(new Event.SettingChanged(6, 15, "poolSize", 8), 15);
        fold.apply(new Event.SettingChanged(7, 16, "blockingLoop", 1), 16);
        assertEquals(Mode.EVENTS, fold.modeProperty().get());
        assertEquals(Protection.LOCK, fold.protectionProperty().get());
        assertEquals(200, fold.delayMillisProperty().get());
        assertEquals(1000, fold.raceWindowMicrosProperty().get());
        assertEquals(8, fold.poolSizeProperty().get());
        assertTrue(fold.blockingLoopProperty().get());
    }

    @Test
    void aScenariosSettingIsNotTheServers() {
        fold.apply(new Event.SettingChanged(1, 10, "permits", 3), 10);
        assertEquals(2, fold.poolSizeProperty().get());
        assertEquals(0, fold.delayMillisProperty().get());
    }
}
