package echolab.ui.diagram;

import echolab.engine.Mode;
import echolab.sync.Protection;

/** The diagram's words per mode and protection, in one place so they read as one voice. */
final class Captions {

    private Captions() {
    }

    /** One line saying what the picture shows in {@code mode}. */
    static String caption(Mode mode) {
        return switch (mode) {
            case ITERATIVE -> "Iterative: one thread serves one client at a time; the others wait in the "
                    + "kernel's backlog.";
            case PROCESSES -> "Process per client: each client gets its own child process, with its own "
                    + "memory and counter.";
            case THREADS -> "Thread per client: a new thread for every client, all inside one process, all "
                    + "sharing one data region.";
            case POOL -> "Thread pool: a fixed set of workers shares one memory; when all are busy, new "
                    + "clients wait in the queue.";
            case EVENTS -> "Event loop: one thread watches every connection and serves only those that are "
                    + "ready in each turn.";
            case VIRTUAL -> "Virtual threads: a cheap thread per client; a few carriers run the ready ones, "
                    + "the rest park on the heap.";
        };
    }

    /** Who does what among the server's threads in {@code mode}. */
    static String threadsHint(Mode mode, int poolSize) {
        return switch (mode) {
            case ITERATIVE -> "main accepts and serves, one client at a time";
            case PROCESSES -> "main accepts; each client is served by a child process";
            case THREADS -> "main accepts, then starts a thread per client";
            case POOL -> "main accepts; a fixed pool of " + poolSize + " workers serves";
            case EVENTS -> "main accepts; event-loop serves every connection";
            case VIRTUAL -> "main accepts; the virtual threads are drawn below";
        };
    }

    /** What guards the shared counter, as a short tag. */
    static String guard(Protection protection) {
        return switch (protection) {
            case NONE -> "unprotected";
            case LOCK -> "guarded by a lock";
            case SEMAPHORE -> "guarded by a semaphore";
            case ATOMIC -> "atomic compare-and-set";
        };
    }

    /** The parent's counter in {@code processes} mode, and why it does not move. */
    static String parentCounterNote() {
        return "Stays put: every child counts in its own copy.";
    }

    /**
     * What the picture of a student's server is: read from outside, {@code perSecond} times a
     * second, from {@code source} ({@code /proc}), rather than told by the server itself.
     */
    static String observed(String source, int perSecond) {
        return "Your server, read from " + source + " " + perSecond + " times a second: a box per process, a lane "
                + "per thread.";
    }

    /** The same picture played from a recording: read from {@code source} when the server ran, not now. */
    static String recorded(String source) {
        return "Your server as it was read from " + source + " when it ran, played from a recording: a box per "
                + "process, a lane per thread.";
    }
}
