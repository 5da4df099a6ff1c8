package echolab.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The concurrency models of the lab, by the names the lab gives them. */
public enum Mode {
    ITERATIVE("iterative", "Iterative"),
    PROCESSES("processes", "Process per client"),
    THREADS("threads", "Thread per client"),
    POOL("pool", "Thread pool"),
    EVENTS("events", "Event loop"),
    VIRTUAL("virtual", "Virtual threads");

    private final String id;
    private final String title;

    Mode(String id, String title) {
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

    /** Why this mode cannot run on this JVM, or empty when it can. */
    public Optional<String> unavailableReason() {
        if (this == VIRTUAL && !VirtualThreads.supported()) {
            return Optional.of("virtual threads need Java 21 or newer; this is Java " + Runtime.version().feature());
        }
        return Optional.empty();
    }

    /** Parses a lower-case name; the exception names the allowed values. */
    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.id.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("expected one of " + allowed() + " but was '" + text + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
