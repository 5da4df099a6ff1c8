package echolab.sync;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the shared counter's read-modify-write is protected. */
public enum Protection {
    /** Read, wait the race window, write: overlapping workers lose updates. */
    NONE("none", "No protection"),
    /** A {@code ReentrantLock} around the read-modify-write. */
    LOCK("lock", "Lock"),
    /** A binary semaphore (one permit) around the read-modify-write. */
    SEMAPHORE("semaphore", "Binary semaphore"),
    /** Compare-and-set: a write that finds the value changed retries instead of overwriting. */
    ATOMIC("atomic", "Atomic (compare-and-set)");

    private final String id;
    private final String title;

    Protection(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The lower-case name used on the command line and in events. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Whether workers wait for each other (and so can be drawn waiting). */
    public boolean blocks() {
        return this == LOCK || this == SEMAPHORE;
    }

    /** Parses a lower-case name; the exception names the allowed values. */
    public static Protection parse(String text) {
        for (Protection p : values()) {
            if (p.id.equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected one of " + allowed() + " but was '" + text + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Protection::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
