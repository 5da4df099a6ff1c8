package echolab.ui.controls;

import java.util.Locale;

/** Numbers as the figures show them. */
public final class Units {

    private Units() {
    }

    public static String megabytes(long bytes) {
        return bytes <= 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    /** Two latencies in one unit: {@code 302 / 312 ms}, or {@code 80 / 450 µs}. */
    public static String microsPair(long a, long b) {
        if (a < 0 || b < 0) {
            return "–";
        }
        if (b < 1000) {
            return a + " / " + b + " µs";
        }
        return a >= 1000 || a == 0 ? String.format(Locale.ROOT, "%.0f / %.0f ms", a / 1000.0, b / 1000.0)
                : String.format(Locale.ROOT, "%.1f / %.0f ms", a / 1000.0, b / 1000.0);
    }

    /** A latency in microseconds, as µs below a millisecond and ms above; a dash when unknown. */
    public static String micros(long micros) {
        if (micros < 0) {
            return "–";
        }
        return micros < 1000 ? micros + " µs" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
