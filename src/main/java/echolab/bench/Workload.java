package echolab.bench;

import java.util.Arrays;
import java.util.List;

import echolab.engine.Mode;
import echolab.sync.Protection;

/**
 * What the bench runs against each mode: the same for all of them.
 *
 * @param modes       modes to measure, in order; those this JVM cannot run are reported, not run
 * @param clients     connections at once (churn: slots at once)
 * @param lines       round trips per connection (churn: connections per slot)
 * @param bytes       bytes per line, newline included
 * @param delayMillis service delay before each echo
 * @param protection  the counter's protection
 * @param churn       one line per connection instead of many
 * @param repeat      runs per mode; the figures are their median and spread
 * @param events      whether the server's events are taken off the bus as the window does
 * @param poolSize    workers of the pool mode
 */
public record Workload(List<Mode> modes, int clients, int lines, int bytes, long delayMillis, Protection protection,
                       boolean churn, int repeat, boolean events, int poolSize) {

    public Workload {
        modes = List.copyOf(modes);
        if (modes.isEmpty() || clients < 1 || lines < 1 || bytes < 2 || repeat < 1 || poolSize < 1 || delayMillis < 0) {
            throw new IllegalArgumentException("a workload needs modes, at least one client, line and run, "
                    + "lines of at least 2 bytes, and no negative delay");
        }
    }

    /** The defaults of {@code bench}: every mode, 50 clients x 200 lines of 64 bytes, three runs. */
    public static Workload defaults() {
        return new Workload(Arrays.asList(Mode.values()), 50, 200, 64, 0, Protection.NONE, false, 3, false, 8);
    }

    /** Round trips one run makes in all (churn: connections). */
    public long roundTrips() {
        return (long) clients * lines;
    }

    public Workload withModes(List<Mode> m) {
        return new Workload(m, clients, lines, bytes, delayMillis, protection, churn, repeat, events, poolSize);
    }
}
