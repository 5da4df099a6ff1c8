package echolab.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import echolab.events.Event;

/** The synchronization scenario as its events tell it, without the toolkit. */
class ScenarioFoldTest {

    private final ScenarioFold fold = new ScenarioFold();

    @Test
    void aScenariosSettingsFollowTheirEventsAndTheServersOwnPassBy() {
        fold.apply(new Event.SettingChanged(1, 10, "permits", 3), 10);
        fold.apply(new Event.SettingChanged(2, 11, "holdMs", 40), 11);
        fold.apply(new Event.SettingChanged(3, 12, "delayMs", 999), 12);
        assertEquals(3, fold.scenario().permitsProperty().get());
        assertEquals(40, fold.scenario().holdMillisProperty().get());
    }

    @Test
    void aSuspectedLivelockShowsForTwoSecondsOfPlayTime() {
        long play = TimeUnit.SECONDS.toNanos(100);
        fold.apply(new Event.LivelockSuspected(1, play, 40, 12), play);
        fold.endFrame(play + TimeUnit.SECONDS.toNanos(1));
        assertTrue(fold.scenario().livelockProperty().get());
        fold.endFrame(play + TimeUnit.SECONDS.toNanos(3));
        assertFalse(fold.scenario().livelockProperty().get());
    }
}
