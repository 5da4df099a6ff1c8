package echolab.engine;

import java.util.concurrent.TimeUnit;

/**
 * What the acceptor does when {@code accept} fails (out of descriptors, say): it waits before
 * trying again, twice as long each time up to a second, instead of spinning on a failure that the
 * next call will repeat at once; and the error is told once per burst of failures, with how many
 * there were when the burst ends, instead of thousands of times a second. The connections already
 * open are served meanwhile. Acceptor thread only.
 */
final class AcceptBackoff {

    static final long FIRST_MILLIS = 10;
    static final long MOST_MILLIS = 1_000;

    private long waitMillis;
    private int failures;

    /**
     * Accept failed: waits, and says whether this failure starts a burst (so is to be told).
     *
     * @throws InterruptedException when the acceptor is stopped while it waits
     */
    boolean failed() throws InterruptedException {
        boolean first = failures == 0;
        failures++;
        waitMillis = first ? FIRST_MILLIS : Math.min(MOST_MILLIS, waitMillis * 2);
        TimeUnit.MILLISECONDS.sleep(waitMillis);
        return first;
    }

    /** Accept worked: returns how many failures the burst that just ended had (0 when none), and starts afresh. */
    int succeeded() {
        int burst = failures;
        failures = 0;
        waitMillis = 0;
        return burst;
    }
}
