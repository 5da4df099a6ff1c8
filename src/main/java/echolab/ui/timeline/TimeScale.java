package echolab.ui.timeline;

/**
 * Maps time to the canvas's x: "now" (the play time) at {@code right}, {@code window} nanos earlier
 * at {@code left}, so that time flows to the right and the past scrolls off to the left.
 */
record TimeScale(double left, double right, long play, long window) {

    double pixelsPerSecond() {
        return (right - left) * 1e9 / window;
    }

    /** The earliest time still on the canvas. */
    long start() {
        return play - window;
    }

    double x(long nanos) {
        return right - (double) (play - nanos) * (right - left) / window;
    }
}
