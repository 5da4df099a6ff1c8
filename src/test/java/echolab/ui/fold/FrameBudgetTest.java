package echolab.ui.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The fold of frame intervals that slows the text panels while the window cannot keep up, and the cadences that follow it. */
class FrameBudgetTest {

    private static final long ON_TIME = TimeUnit.MICROSECONDS.toNanos(16_667);
    private static final long LATE = TimeUnit.MILLISECONDS.toNanos(FrameBudget.LATE_MILLIS);

    private final FrameBudget strain = new FrameBudget(); // the fold under test
    private long now = 1_000_000_000L;

    private void frames(int n, long interval) {
        for (int i = 0; i < n; i++) {
            now += interval;
            strain.frame(now);
        }
    }

    @Test
    void aWindowThatKeepsUpIsNeverStrained() {
        strain.frame(now);
        frames(10_000, ON_TIME);
        frames(1, LATE); // a late frame now and then is not strain
        frames(100, ON_TIME);
        frames(FrameBudget.STRAINED_AT - 1, LATE);
        frames(100, ON_TIME);
        assertFalse(strain.strained());
        assertEquals(1, strain.slowdown());
        assertEquals(0, strain.strains());
    }

    @Test
    void lateFramesInOneWindowStrainItAndWholeWindowsOnTimeRelaxItAfterTheHold() {
        strain.frame(now);
        frames(10, ON_TIME);
        frames(FrameBudget.STRAINED_AT, LATE);
        assertTrue(strain.strained());
        assertEquals(2, strain.slowdown());

        frames(FrameBudget.WINDOW, ON_TIME); // a second on time, but the hold (5 s) has not passed
        assertTrue(strain.strained());
        frames((int) (FrameBudget.FIRST_HOLD_NANOS / ON_TIME), ON_TIME);
        assertFalse(strain.strained());
        assertEquals(1, strain.slowdown());
        assertEquals(1, strain.strains());
    }

    @Test
    void strainedAgainRightAfterRelaxingItHoldsTwiceAsLongUpToItsLimit() {
        strain.frame(now);
        long expectedHold = FrameBudget.FIRST_HOLD_NANOS;
        for (int round = 0; round < 8; round++) {
            frames(FrameBudget.STRAINED_AT, LATE);
            assertTrue(strain.strained());
            long since = now;
            while (strain.strained()) {
                frames(1, ON_TIME);
            }
            long held = now - since;
            assertTrue(held >= expectedHold && held < expectedHold + TimeUnit.SECONDS.toNanos(2),
                    "round " + round + ": held " + held / 1e9 + " s, expected " + expectedHold / 1e9 + " s");
            expectedHold = Math.min(FrameBudget.MAX_HOLD_NANOS, expectedHold * 2);
        }
        frames((int) (FrameBudget.RETRY_NANOS / ON_TIME) + 1, ON_TIME); // long enough on time: forgiven
        frames(FrameBudget.STRAINED_AT, LATE);
        long since = now;
        while (strain.strained()) {
            frames(1, ON_TIME);
        }
        assertTrue(now - since < FrameBudget.FIRST_HOLD_NANOS + TimeUnit.SECONDS.toNanos(2), "back to the first hold");
    }

    @Test
    void strainedTimeIsCounted() {
        strain.frame(now);
        frames(FrameBudget.STRAINED_AT, LATE);
        long before = strain.strainedNanos();
        frames(240, ON_TIME); // four seconds: within the first hold
        assertTrue(strain.strained());
        assertEquals(240 * ON_TIME, strain.strainedNanos() - before);
    }

    @Test
    void aCadenceThatFollowsTheBudgetRedrawsHalfAsOftenWhileTheWindowIsStrained() {
        Cadence free = new Cadence(10, 0.3);
        Cadence following = new Cadence(10, 0.3).followsBudget(strain);
        strain.frame(now);
        assertAbout(100, redrawsInTenSeconds(free, ON_TIME));
        assertAbout(100, redrawsInTenSeconds(following, ON_TIME));
        assertFalse(strain.strained());
        frames(FrameBudget.STRAINED_AT, LATE);
        assertTrue(strain.strained());
        assertAbout(100, redrawsInTenSeconds(free, LATE));
        assertAbout(50, redrawsInTenSeconds(following, LATE)); // late frames all along: still strained
        assertTrue(strain.strained());
    }

    @Test
    void panelsThatFollowTheBudgetNeverRedrawInTheSameFrameAndEachKeepsItsRate() {
        Cadence diagram = new Cadence(10, 0.0).followsBudget(strain);
        Cadence counts = new Cadence(10, 0.0).followsBudget(strain); // same rate, same phase: would always collide
        Cadence timeline = new Cadence(25, 0.5).followsBudget(strain);
        int[] redraws = new int[3];
        strain.frame(now);
        for (int i = 0; i < 600; i++) {
            now += ON_TIME;
            strain.frame(now);
            int inThisFrame = 0;
            Cadence[] panels = {diagram, counts, timeline};
            for (int p = 0; p < panels.length; p++) {
                if (panels[p].due(now)) {
                    redraws[p]++;
                    inThisFrame++;
                }
            }
            assertTrue(inThisFrame <= 1, "two panels redrew in frame " + i);
        }
        assertAbout(100, redraws[0]);
        assertAbout(100, redraws[1]);
        assertAbout(250, redraws[2]);
    }

    /** Redraws in ten seconds of frames {@code interval} apart, the budget told of each frame. */
    private int redrawsInTenSeconds(Cadence cadence, long interval) {
        int due = 0;
        long end = now + TimeUnit.SECONDS.toNanos(10);
        while (now + interval <= end) {
            now += interval;
            strain.frame(now);
            if (cadence.due(now)) {
                due++;
            }
        }
        now = end;
        return due;
    }

    /** Within one: where the ten seconds start and end in a slot decides the one at either end. */
    private static void assertAbout(int expected, int actual) {
        assertTrue(Math.abs(expected - actual) <= 1, "expected about " + expected + ", was " + actual);
    }
}
