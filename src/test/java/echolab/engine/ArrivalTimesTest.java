package echolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ArrivalTimesTest {

    @Test
    void timesComeBackInOrderAndAFullRingKeepsNoMore() {
        ArrivalTimes t = new ArrivalTimes(4);
        assertEquals(-1, t.poll(-1), "empty");
        for (long i = 1; i <= 4; i++) {
            assertTrue(t.offer(i));
        }
        assertFalse(t.offer(5), "full");
        assertEquals(1, t.poll(-1));
        assertTrue(t.offer(6), "room again, round the ring");
        assertEquals(2, t.poll(-1));
        assertEquals(3, t.poll(-1));
        assertEquals(4, t.poll(-1));
        assertEquals(6, t.poll(-1));
        assertEquals(-1, t.poll(-1));
    }

    /** One thread offers a million times, another polls them: every time arrives once, in order. */
    @Test
    @Timeout(30)
    void oneOffererAndOnePollerSeeEveryTimeInOrder() throws Exception {
        ArrivalTimes t = new ArrivalTimes(1024);
        int n = 1_000_000;
        Thread offerer = new Thread(() -> {
            for (long i = 0; i < n; i++) {
                while (!t.offer(i)) {
                    Thread.onSpinWait();
                }
            }
        }, "echolab-test-offerer");
        offerer.start();
        for (long expected = 0; expected < n; ) {
            long v = t.poll(-1);
            if (v >= 0) {
                assertEquals(expected, v);
                expected++;
            }
        }
        offerer.join();
    }
}
