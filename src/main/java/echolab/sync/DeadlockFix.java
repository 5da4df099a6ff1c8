package echolab.sync;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the workers of the deadlock scenario take their two resources. */
public enum DeadlockFix {
    /** Each kind of worker in its own order: the two orders meet in a cycle. */
    NONE("none", "None: opposite orders"),
    /** Everybody takes the log first, then the counter: no cycle can form. */
    ORDER("order", "One global order"),
    /** Wait a little for the second resource, let go of the first on failure, retry after a fixed pause. */
    TRYLOCK_FIXED("trylock-fixed", "tryLock, fixed back-off"),
    /** The same, but each worker pauses a random time, so they fall out of step. */
    TRYLOCK_RANDOM("trylock-random", "tryLock, random back-off");

    private final String id;
    private final String title;

    DeadlockFix(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static DeadlockFix parse(String text) {
        for (DeadlockFix f : values()) {
            if (f.id.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected one of " + allowed() + " but was '" + text + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(DeadlockFix::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
