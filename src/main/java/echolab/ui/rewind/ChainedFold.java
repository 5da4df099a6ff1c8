package echolab.ui.rewind;

import java.util.ArrayList;
import java.util.List;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;

/**
 * The window's folds in the order they fold each event, as one fold with one checkpoint: the
 * snapshots of those that can be put back ({@link Rewindable}). One that cannot (the timeline's
 * spans) sees each event once, the first time it is folded, in its place in the order, and is left
 * alone while events are folded again.
 *
 * <p>Threading: as the folds' (the FX thread).
 */
public final class ChainedFold implements Fold, Rewindable<List<Object>> {

    private final List<Fold> folds = new ArrayList<>();
    private boolean replaying;

    /** Adds {@code fold} after those added before it. */
    public void add(Fold fold) {
        folds.add(fold);
    }

    /** While true, the events folded are folded again: only the folds that can be put back see them. */
    public void replaying(boolean again) {
        replaying = again;
    }

    @Override
    public void apply(Event e, long playNanos) {
        for (Fold f : folds) {
            if (!replaying || f instanceof Rewindable) {
                f.apply(e, playNanos);
            }
        }
    }

    @Override
    public void endFrame(long playNanos) {
        for (Fold f : folds) {
            f.endFrame(playNanos);
        }
    }

    @Override
    public List<Object> snapshot() {
        List<Object> states = new ArrayList<>();
        for (Fold f : folds) {
            states.add(f instanceof Rewindable<?> r ? r.snapshot() : null);
        }
        return states; // each state a value; the list is the chain's own copy
    }

    @Override
    public void restore(List<Object> snapshot) {
        restore(snapshot, null);
    }

    /**
     * As {@link #restore(List)}, with {@code first} put back before the others, whatever its place in the
     * order of folding, and each fold once: folds restored after it may look things up in it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restore(List<Object> snapshot, Fold first) {
        int at = first == null ? -1 : folds.indexOf(first);
        if (at >= 0 && at < snapshot.size() && first instanceof Rewindable r) {
            r.restore(snapshot.get(at));
        }
        for (int i = 0; i < folds.size() && i < snapshot.size(); i++) {
            if (i != at && folds.get(i) instanceof Rewindable r) {
                r.restore(snapshot.get(i));
            }
        }
    }
}
