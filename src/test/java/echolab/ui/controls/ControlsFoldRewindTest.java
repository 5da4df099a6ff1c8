package echolab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import echolab.sync.Protection;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.testing.RewindCheck;

/** The settings' checkpoints: restored and folded on, they are the live settings. */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class ControlsFoldRewindTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static ControlsFold fresh() {
        return new ControlsFold(Mode.POOL, Protection.NONE, 0, 50, 2, false);
    }

    @Tag("jdk21") // depends on the JDK: virtual threads from Java 21 (.ci/run runs these on 21+ too)
    @ParameterizedTest
    @MethodSource("echolab.testing.PassModes#modes")
    void aCheckpointRestoredAndFoldedOnIsTheLiveStateInEveryModel(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().get());
        int checkpoints = RewindCheck.holds("controls, " + mode, ControlsFoldRewindTest::fresh,
                RecordedRun.shared(mode), 250);
        assertTrue(checkpoints > 5, "checkpoints: " + checkpoints);
    }

    @Test
    void everySettingChangedIsRestoredAsItWasThen() {
        List<Event> steps = List.of(
                new Event.ServerStarted(1, START + MS, "127.0.0.1", 7000, "threads", 4711),
                new Event.ModeChanged(2, START + 2 * MS, "threads", "events"),
                new Event.ProtectionChanged(3, START + 3 * MS, "none", "lock"),
                new Event.SettingChanged(4, START + 4 * MS, "delayMs", 20),
                new Event.SettingChanged(5, START + 5 * MS, "raceWindowUs", 700),
                new Event.SettingChanged(6, START + 6 * MS, "poolSize", 6),
                new Event.SettingChanged(7, START + 7 * MS, "blockingLoop", 1),
                new Event.SettingChanged(8, START + 8 * MS, "permits", 3), // a scenario's: not the server's
                new Event.ServerStarted(9, START + 9 * MS, "0.0.0.0", 7001, "iterative", 4712));
        assertEquals(steps.size() + 1, RewindCheck.holds("controls, hand-made", ControlsFoldRewindTest::fresh, steps, 1));

        ControlsFold controls = fresh();
        for (Event e : steps.subList(0, 7)) {
            controls.apply(e, e.nanos());
        }
        ControlsFold.Snapshot then = controls.snapshot();
        ControlsFold.Snapshot copy = controls.snapshot();
        controls.apply(steps.get(8), steps.get(8).nanos());
        assertEquals(copy, then, "a snapshot is not changed by later events");
        assertNotEquals(then, controls.snapshot());
        controls.restore(then);
        assertEquals(Mode.EVENTS, controls.modeProperty().get());
        assertEquals(Protection.parse("lock"), controls.protectionProperty().get());
        assertEquals(6, controls.poolSizeProperty().get());
        assertTrue(controls.blockingLoopProperty().get());
        assertEquals("127.0.0.1:7000", controls.addressProperty().get());
    }
}
