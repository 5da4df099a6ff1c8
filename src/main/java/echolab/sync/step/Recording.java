package echolab.sync.step;

import java.util.List;

/**
 * An interleaving as the student chose it: which worker was stepped, click after click, with or
 * without the lock. Replayed in the same mode, it reproduces the same states step for step.
 */
public record Recording(boolean locked, List<Worker> steps) {

    public Recording {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
