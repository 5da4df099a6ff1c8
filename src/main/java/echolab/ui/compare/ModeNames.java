package echolab.ui.compare;

import echolab.engine.Mode;

/** The short names of the modes, as the mode buttons of the window write them. */
final class ModeNames {

    private ModeNames() {
    }

    static String of(Mode mode) {
        return switch (mode) {
            case ITERATIVE -> "Iterative";
            case PROCESSES -> "Processes";
            case THREADS -> "Threads";
            case POOL -> "Thread pool";
            case EVENTS -> "Event loop";
            case VIRTUAL -> "Virtual threads";
        };
    }
}
