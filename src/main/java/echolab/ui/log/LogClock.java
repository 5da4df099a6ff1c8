package echolab.ui.log;

import java.util.List;
import java.util.Locale;

import echolab.ui.model.LogModel.Entry;

/**
 * The log's time column: seconds since the first event the log has shown (normally the server's
 * start), kept fixed as rows come and go so that a row's time never changes under the reader.
 */
final class LogClock {

    private long origin;
    private boolean set;

    /** Takes the earliest of {@code rows} as the origin if it is earlier; true if the origin moved. */
    boolean observe(List<? extends Entry> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        long first = rows.get(0).event().nanos(); // rows come oldest first
        if (!set || first - origin < 0) {
            boolean moved = set;
            origin = first;
            set = true;
            return moved;
        }
        return false;
    }

    /** {@code 12.345}: seconds since the origin, to the millisecond. */
    String format(long nanos) {
        long since = set ? nanos - origin : 0;
        return String.format(Locale.ROOT, "%.3f", since / 1e9);
    }
}
