package echolab.sync;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The synchronization hazards the server can be made to show, one at a time. */
public enum Scenario {
    /** The plain echo server: only the counter's race, governed by the protection. */
    NONE("none", "None"),
    /** The acceptor passes each connection to its worker through one shared slot (the lecture's connfd race). */
    HANDOFF("handoff", "Hand-off race"),
    /** Each echo needs the log and the counter; two kinds of worker take them in opposite order. */
    DEADLOCK("deadlock", "Deadlock"),
    /** Every echo needs one lock, which the worker that just released it takes again at once. */
    STARVATION("starvation", "Starvation"),
    /** At most K workers may do the echo work at once. */
    SEMAPHORE("semaphore", "Counting semaphore");

    private final String id;
    private final String title;

    Scenario(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Scenario parse(String text) {
        for (Scenario s : values()) {
            if (s.id.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of " + allowed() + " but was '" + text + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
