package echolab.ui.fold;

/**
 * A fold whose state can be kept and put back: the time machine's checkpoints. The state of a
 * fold at an instant t is a checkpoint taken before t, restored, with the events after it up to t
 * folded again (each at its own time, as {@code apply(e, e.nanos())}) and the frame closed at t.
 *
 * <p>A snapshot is an immutable value (records, copied lists and maps) that holds everything that
 * decides what the fold shows and how it folds the events after it; equal snapshots are equal
 * states, which is how the tests compare a replay with the live run. What only paces the drawing
 * (a cadence's next turn, the frame budget) is left out: it starts afresh on restore.
 *
 * <p>Threading: as the fold's (the FX thread, or one test thread).
 *
 * @param <S> the fold's snapshot, a value type
 */
public interface Rewindable<S> {

    /** The fold's state now, as a value that later events do not change. */
    S snapshot();

    /** Puts the fold back into {@code snapshot}'s state; its observable values and lists show it at once. */
    void restore(S snapshot);
}
