package echolab.ui.timeline;

/** Picks the spacing of the time axis's ticks so their labels never crowd, whatever the window. */
final class TimeTicks {

    private static final long[] STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60};
    /** Room a label such as "125 s" needs, with a gap, at the axis font. */
    static final double MIN_SPACING_PX = 64;

    private TimeTicks() {
    }

    /** The smallest step, in seconds, at which ticks are at least {@link #MIN_SPACING_PX} apart. */
    static long stepSeconds(double pixelsPerSecond) {
        for (long step : STEPS_SECONDS) {
            if (step * pixelsPerSecond >= MIN_SPACING_PX) {
                return step;
            }
        }
        return STEPS_SECONDS[STEPS_SECONDS.length - 1];
    }
}
