package echolab.base;

/**
 * The range of every number a setting takes, from a command line option, a live command, the
 * window or a lesson: one place, so that each refuses the same values with the same words, and no
 * number can ask the server for more than it can give (a pool of a million threads, say).
 */
public final class Limits {

    /** A setting's allowed values, inclusive. */
    public record Range(String name, long min, long max) {

        /**
         * @return {@code value}
         * @throws IllegalArgumentException "pool size must be 1..256 but was 100000"
         */
        public long check(long value) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + " but was " + value);
            }
            return value;
        }

        public boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    public static final Range POOL_SIZE = new Range("pool size", 1, 256);
    public static final Range DELAY_MILLIS = new Range("delay (ms)", 0, 60_000);
    public static final Range RACE_WINDOW_MICROS = new Range("race window (µs)", 0, 1_000_000);
    public static final Range PERMITS = new Range("permits", 1, 256);
    public static final Range HOLD_MILLIS = new Range("hold (ms)", 0, 10_000);
    public static final Range HANDOFF_WINDOW_MICROS = new Range("hand-off window (µs)", 0, 1_000_000);
    public static final Range MAX_LINE_BYTES = new Range("max line (bytes)", 1, 64L * 1024 * 1024);
    public static final Range MAX_CONNECTIONS = new Range("max connections", 1, 10_000);
    public static final Range MAX_PER_HOST = new Range("max connections per host", 1, 10_000);
    public static final Range MAX_PROCESSES = new Range("max processes", 1, 512);
    public static final Range PORT = new Range("port", 0, 65_535);

    private Limits() {
    }
}
