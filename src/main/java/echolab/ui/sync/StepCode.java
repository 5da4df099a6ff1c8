package echolab.ui.sync;

import java.util.List;

import echolab.sync.step.Action;
import echolab.sync.step.Phase;

/** The few lines of Java each worker runs, and which of them it has run, runs next or waits in. */
final class StepCode {

    private StepCode() {
    }

    /** One line of a worker's code; a click runs every line of one {@link Action}. */
    record Line(String text, Action step, boolean takesLock) {
    }

    enum LineState { DONE, NEXT, WAITING, LATER }

    private static final List<Line> PLAIN = List.of(
            new Line("local = counter;", Action.READ, false),
            new Line("local = local + 1;", Action.ADD, false),
            new Line("counter = local;", Action.WRITE, false));

    private static final List<Line> LOCKED = List.of(
            new Line("lock.lock();", Action.READ, true),
            new Line("local = counter;", Action.READ, false),
            new Line("local = local + 1;", Action.ADD, false),
            new Line("counter = local;", Action.WRITE, false),
            new Line("lock.unlock();", Action.WRITE, false));

    static List<Line> lines(boolean locked) {
        return locked ? LOCKED : PLAIN;
    }

    static LineState state(Line line, Phase phase) {
        if (phase == Phase.BLOCKED) {
            return line.takesLock() ? LineState.WAITING : LineState.LATER;
        }
        if (done(line.step(), phase)) {
            return LineState.DONE;
        }
        return phase.next() == line.step() ? LineState.NEXT : LineState.LATER;
    }

    private static boolean done(Action step, Phase phase) {
        int reached = switch (phase) {
            case READY, BLOCKED -> 0;
            case READ -> 1;
            case ADDED -> 2;
            case DONE -> 3;
        };
        int needed = switch (step) {
            case READ -> 1;
            case ADD -> 2;
            case WRITE, BLOCKED -> 3;
        };
        return reached >= needed;
    }
}
