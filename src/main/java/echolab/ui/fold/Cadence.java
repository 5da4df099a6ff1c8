package echolab.ui.fold;

import java.util.concurrent.TimeUnit;

/**
 * Lets a panel redraw at most so many times a second, on its own phase, so that panels do not all
 * redraw in the same frame. The pulse stays at the screen's rate for what moves (dots, the
 * timeline); text and layout change at a rate people can read, and each frame stays short even
 * when a hundred thousand events a second arrive. A cadence that {@link #followsBudget follows} the
 * window's {@link FrameBudget} takes turns with the other panels (one redraw a frame) and redraws
 * half as often while the window cannot keep its frames.
 * Threading: FX thread only.
 */
public final class Cadence {

    private final long periodNanos;
    private final long phaseNanos;
    private long lastSlot = Long.MIN_VALUE;
    private FrameBudget budget;

    /**
     * @param perSecond redraws per second at most
     * @param phase     where in the period this panel redraws, 0 to 1, to spread panels apart
     */
    public Cadence(double perSecond, double phase) {
        this.periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.phaseNanos = (long) (periodNanos * phase);
    }

    /**
     * From now on redraws within {@code budget}: half as often while the window cannot keep up, and
     * never in the same frame as another panel that follows it. Returns this.
     */
    public Cadence followsBudget(FrameBudget budget) {
        this.budget = budget;
        return this;
    }

    /** Whether the panel should redraw in the frame at {@code now} (any monotonic nanos). */
    public boolean due(long now) {
        double slowdown = budget == null ? 1 : budget.slowdown();
        long slot = Math.floorDiv(now - (long) (phaseNanos * slowdown), (long) (periodNanos * slowdown));
        if (slot == lastSlot) {
            return false;
        }
        if (budget != null && !budget.takeTurn()) {
            return false; // another panel redraws in this frame: this one in the next
        }
        lastSlot = slot;
        return true;
    }
}
