package echolab.ui.timeline;

import java.util.Locale;

/** Says how far the picture runs behind the server, in the words of the lag label. */
final class LagText {

    /** Below this the picture counts as live: a frame or two of folding is not "behind". */
    static final double LIVE_SECONDS = 0.05;

    private LagText() {
    }

    /** {@code live}, {@code paused}, {@code 3.2 s behind}, {@code paused · 3.2 s behind}, {@code 0.25× · 1.0 s behind}, {@code 10× · 4.0 s behind} (a rewound picture played forward). */
    static String of(double lagSeconds, boolean paused, double speed) {
        String behind = lagSeconds < LIVE_SECONDS ? "" : String.format(Locale.ROOT, "%.1f s behind", lagSeconds);
        String prefix = paused ? "paused" : speed != 1.0 ? factor(speed) + "×" : "";
        if (prefix.isEmpty()) {
            return behind.isEmpty() ? "live" : behind;
        }
        return behind.isEmpty() ? prefix : prefix + " · " + behind;
    }

    /** A speed as a factor without a useless ".0": {@code 0.25}, {@code 2}. */
    static String factor(double s) {
        String t = Double.toString(s);
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }
}
