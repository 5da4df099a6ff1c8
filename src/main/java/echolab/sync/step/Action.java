package echolab.sync.step;

import java.util.Locale;

/** What a worker did in one entry of the history. */
public enum Action {
    /** {@code local = counter}: copied the shared counter onto its own stack (after taking the lock, if on). */
    READ,
    /** {@code local = local + 1}: changed only its own copy. */
    ADD,
    /** {@code counter = local}: copied its local back (then released the lock, if on). */
    WRITE,
    /** Asked for the lock while the other worker held it, and was blocked. */
    BLOCKED;

    /** The lower-case name used in events and the log: {@code read}, {@code add}, {@code write}, {@code blocked}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
