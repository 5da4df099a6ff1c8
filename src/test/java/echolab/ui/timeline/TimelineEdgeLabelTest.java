package echolab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What the timeline's right edge says: "now" only for a live server shown as it is; the instant in
 * seconds when taken back, and always in a replay, whose clock may be another machine's and ahead of
 * this one's (a recording made on a machine up for longer read "now" throughout).
 */
class TimelineEdgeLabelTest {

    private static final long S = 1_000_000_000L;

    @Test
    void nowOnlyForALiveServerShownAsItIs() {
        long origin = 100 * S;
        assertEquals("now", TimelinePainter.edgeLabel(130 * S, origin, 130 * S + S / 10, false));
        assertEquals("28.0 s", TimelinePainter.edgeLabel(128 * S, origin, 130 * S, false), "taken back");
        assertEquals("30.0 s", TimelinePainter.edgeLabel(130 * S, origin, 130 * S, true), "a replay is never now");
        assertEquals("3.1 s", TimelinePainter.edgeLabel(10_000 * S + 31 * S / 10, 10_000 * S, 500 * S, true),
                "a recording whose clock is ahead of this machine's");
    }
}
