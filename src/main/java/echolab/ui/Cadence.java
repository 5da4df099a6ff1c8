package echolab.ui;

import java.util.concurrent.TimeUnit;

/**
 * Lets a panel redraw at most so many times a second, on its own phase, so that panels do not all
 * redraw in the same frame. The pulse stays at the screen's rate for what moves (dots, the
 * timeline); text and layout change at a rate people can read, and each frame stays short even
 * when a hundred thousand events a second arrive. Threading: FX thread only.
 */
public final class Cadence {

    private final long periodNanos;
    private final long phaseNanos;
    private long lastSlot = Long.MIN_VALUE;

    /**
     * @param perSecond redraws per second at most
     * @param phase     where in the period this panel redraws, 0 to 1, to spread panels apart
     */
    public Cadence(double perSecond, double phase) {
        this.periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.phaseNanos = (long) (periodNanos * phase);
    }

    /** Whether the panel should redraw in the frame at {@code now} (any monotonic nanos). */
    public boolean due(long now) {
        long slot = Math.floorDiv(now - phaseNanos, periodNanos);
        if (slot == lastSlot) {
            return false;
        }
        lastSlot = slot;
        return true;
    }
}
