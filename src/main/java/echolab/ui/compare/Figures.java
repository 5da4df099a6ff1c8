package echolab.ui.compare;

import java.util.Locale;

/** How the Compare tab writes its numbers: as many digits as a reader can use, and no more. */
final class Figures {

    private Figures() {
    }

    /** Three significant digits at most, whole numbers grouped: 0.02, 0.37, 5.6, 27.9, 141, 35,302. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a < 0.01) {
            return v < 0 ? "> −0.01" : "< 0.01";
        }
        if (a < 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a < 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a < 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A whole number, grouped: 35,302. */
    static String whole(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A ratio as "350×", rounded to what it is worth. */
    static String times(double ratio) {
        return (ratio < 10 ? String.format(Locale.ROOT, "%.1f", ratio) : whole(ratio)) + "×";
    }
}
