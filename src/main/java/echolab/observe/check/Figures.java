package echolab.observe.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** How the report writes its figures: milliseconds, seconds, percentages, names and PIDs. */
final class Figures {

    private static final int NAMES_SHOWN = 8;

    private Figures() {
    }

    static String millis(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Up to eight names, then how many more. */
    static String names(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    static String pids(Collection<Long> pids) {
        return names(pids.stream().map(String::valueOf).toList());
    }
}
