package echolab.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The watch's livelock rule, on seconds measured in the deadlock lesson's runs with two busy loops
 * beside them (retries and lines done in one second): in step (fixed back-off) a line slips
 * through now and then; out of step (random back-off) there are about as many lines as retries.
 */
class DeadlockWatchTest {

    @ParameterizedTest(name = "{0} retries, {1} lines: livelock {2}")
    @CsvSource({
            "80, 0, true", "78, 0, true", "63, 1, true", "60, 2, true", // fixed back-off, in step
            "25, 23, false", "24, 22, false", "16, 38, false", "4, 38, false", // random back-off
            "0, 0, false", "0, 48, false", "10, 0, false", // idle, deadlock-free work, a few stray retries
    })
    void aSecondOfManyRetriesAndNextToNoLinesIsALivelock(long retries, long completed, boolean livelock) {
        assertEquals(livelock, DeadlockWatch.livelock(retries, completed));
    }
}
