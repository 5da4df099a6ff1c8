package echolab.ui.observe;

import echolab.observe.WaitKind;
import echolab.ui.model.Activity;
import echolab.ui.model.ObservedLanes;

/**
 * What an observed thread waits in, in the diagram's colours: the embedded server's states where
 * they mean the same (accept, read, write, a lock or semaphore), idle for the rest, and a look of
 * its own for a thread that runs on a CPU, which the embedded server never shows.
 */
final class WaitStates {

    /** The style class of a running thread. */
    static final String RUNNING = Activity.RUNNING.styleClass();

    private WaitStates() {
    }

    /** The diagram's state for {@code kind}: the timeline's, {@link ObservedLanes#activity}. */
    static Activity activity(WaitKind kind) {
        return ObservedLanes.activity(kind);
    }

    /** The {@code state-*} style class that colours a thread waiting in {@code kind}. */
    static String styleClass(WaitKind kind) {
        return activity(kind).styleClass();
    }

    /** What the lane says: {@code waits in read() on descriptor 4}, {@code runs on a CPU}, ... */
    static String words(WaitKind kind, long argument) {
        return switch (kind) {
            case RUNNING -> "runs on a CPU";
            case ACCEPT, READ, WRITE -> "waits in " + kind.words() + (argument >= 0 ? " on descriptor " + argument : "");
            case FUTEX -> "waits on a " + kind.words();
            case POLL -> "waits in " + kind.words();
            case SLEEP -> "sleeps";
            case WAIT_CHILD -> "waits in " + kind.words() + " for a child";
            case OTHER -> "waits in another call";
            case UNKNOWN -> "what it waits in is " + kind.words();
        };
    }
}
