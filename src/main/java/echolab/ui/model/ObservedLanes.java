package echolab.ui.model;

import echolab.events.Event;
import echolab.observe.WaitKind;

/**
 * The timeline's side of a student's server: a lane per observed thread, coloured by what it
 * waits in, in the same colours as the embedded server's workers (accept, read, write, a lock or
 * semaphore), idle for the rest, and a colour of its own for a thread on a CPU. FX thread only.
 */
public final class ObservedLanes {

    private final Lanes timeline;

    public ObservedLanes(Lanes timeline) {
        this.timeline = timeline;
    }

    /** The state that colours a thread waiting in {@code kind}. */
    public static Activity activity(WaitKind kind) {
        return switch (kind) {
            case ACCEPT -> Activity.ACCEPTING;
            case READ -> Activity.READING;
            case WRITE -> Activity.ECHOING;
            case FUTEX -> Activity.SEMAPHORE_WAIT;
            case RUNNING -> Activity.RUNNING;
            case POLL, SLEEP, WAIT_CHILD, OTHER, UNKNOWN -> Activity.IDLE;
        };
    }

    /** Folds one event; true if it was one of the observed threads'. */
    public boolean apply(Event e) {
        if (e instanceof Event.ObservedThreadWaits x) {
            timeline.set(key(x.workerId()), x.workerId(), true, activity(WaitKind.valueOf(x.waitsIn())), x.nanos());
            return true;
        } else if (e instanceof Event.ObservedThreadEnded x) {
            timeline.end(key(x.workerId()), x.nanos());
            return true;
        }
        return false;
    }

    private static String key(String workerId) {
        return "observed:" + workerId;
    }
}
