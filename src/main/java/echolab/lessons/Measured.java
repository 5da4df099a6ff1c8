package echolab.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Figures a run measured, by name; a labelled run's also under {@code label.name}. */
public final class Measured {

    private Measured() {
    }

    /** A figure as a reveal quotes it: whole numbers without decimals, others with at most two. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "not measured";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** {@code figures} under their own names and, when {@code label} is given, under {@code label.name} too. */
    static Map<String, Double> labelled(Map<String, Double> figures, String label) {
        Map<String, Double> out = new LinkedHashMap<>(figures);
        if (label != null) {
            figures.forEach((k, v) -> out.put(label + "." + k, v));
        }
        return Collections.unmodifiableMap(out);
    }
}
