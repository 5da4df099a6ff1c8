package echolab.sync.step;

import java.util.List;
import java.util.Optional;

/**
 * The step-through race at one moment, immutable: the shared counter, both workers, and the history.
 *
 * @param locked         whether the workers take the lock around their read, add and write
 * @param settled        false only while a worker is still carrying out a step it was given (a
 *                       snapshot taken mid-step; {@link StepThroughRace#step} normally returns settled)
 * @param replayPosition clicks replayed so far, when {@code replayLength > 0}
 * @param replayLength   clicks in the recording being replayed; 0 when not replaying
 */
public record RaceState(boolean locked, long counter, WorkerState a, WorkerState b, List<Step> steps,
                        boolean settled, int replayPosition, int replayLength) {

    /** Both increments of the race: what the counter must reach when nothing is lost. */
    public static final long EXPECTED = 2;

    public RaceState {
        steps = List.copyOf(steps);
    }

    public WorkerState worker(Worker w) {
        return w == Worker.A ? a : b;
    }

    public boolean bothDone() {
        return a.phase() == Phase.DONE && b.phase() == Phase.DONE;
    }

    /** Increments that vanished: {@code 2 - counter} once both have written, else 0. */
    public long lost() {
        return bothDone() ? EXPECTED - counter : 0;
    }

    /** Both workers have written and the counter is not 2. */
    public boolean lostUpdate() {
        return bothDone() && counter != EXPECTED;
    }

    /** The write that landed on a value its worker had not read, erasing the other's update. */
    public Optional<Step> overwrite() {
        return steps.stream().filter(Step::overwrote).findFirst();
    }

    public boolean replaying() {
        return replayLength > 0;
    }

    /** Whether a replay has clicks left to make. */
    public boolean replayHasNext() {
        return replayPosition < replayLength;
    }
}
