package echolab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;

/**
 * The time machine's promise for one fold, checked on a real run's events: a checkpoint restored,
 * with the events after it folded again, is the state the live fold reached; and folding the same
 * events afresh reaches the same checkpoints (the fold is a function of its events). A frame is
 * closed every {@code every} events, at the last one's time, on both sides.
 */
public final class RewindCheck {

    private RewindCheck() {
    }

    /**
     * Checks {@code fresh}'s folds on {@code events}, with a checkpoint every {@code every} events;
     * {@code what} names the fold in failures. Returns the number of checkpoints compared.
     */
    public static <F extends Fold & Rewindable<S>, S> int holds(String what, Supplier<F> fresh, List<Event> events,
                                                              int every) {
        F live = fresh.get();
        List<S> checkpoints = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        checkpoints.add(live.snapshot());
        at.add(0);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            live.apply(e, e.nanos());
            if ((i + 1) % every == 0 || i == events.size() - 1) {
                live.endFrame(e.nanos());
                checkpoints.add(live.snapshot());
                at.add(i + 1);
            }
        }
        assertTrue(checkpoints.size() >= 3, what + ": too few events for checkpoints: " + events.size());
        // afresh, the same events reach the same checkpoints (and the kept ones were not changed since)
        F again = fresh.get();
        for (int k = 1; k < checkpoints.size(); k++) {
            foldFrame(again, events, at.get(k - 1), at.get(k));
            assertEquals(checkpoints.get(k), again.snapshot(), what + ": folded afresh, checkpoint " + k
                    + " (after " + at.get(k) + " events) differs");
        }
        // each checkpoint restored into a fold that had gone elsewhere, then the next frame's events
        F restored = fresh.get();
        foldFrame(restored, events, 0, events.size());
        for (int k = checkpoints.size() - 2; k >= 0; k--) {
            restored.restore(checkpoints.get(k));
            assertEquals(checkpoints.get(k), restored.snapshot(), what + ": checkpoint " + k + " as restored");
            foldFrame(restored, events, at.get(k), at.get(k + 1));
            assertEquals(checkpoints.get(k + 1), restored.snapshot(), what + ": checkpoint " + k
                    + " restored and folded on to " + at.get(k + 1) + " events differs from the live fold");
        }
        return checkpoints.size();
    }

    private static void foldFrame(Fold fold, List<Event> events, int from, int to) {
        for (int i = from; i < to; i++) {
            Event e = events.get(i);
            fold.apply(e, e.nanos());
        }
        if (to > from) {
            fold.endFrame(events.get(to - 1).nanos());
        }
    }
}
