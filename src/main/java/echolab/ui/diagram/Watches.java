package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners one diagram part holds on its model: each change marks the part for the end of
 * the frame, and {@link #dispose} takes them all off again when the part leaves the diagram.
 *
 * <p>Values get change listeners rather than invalidation listeners on purpose: an invalidation
 * listener stays silent until somebody reads the value again, so a refresh that skipped a read
 * would silently stop the updates.
 *
 * <p>Threading: FX thread only.
 */
final class Watches {

    private final FrameCoalescer frames;
    private final FrameCoalescer.Refreshable part;
    private final List<Runnable> removals = new ArrayList<>();

    Watches(FrameCoalescer frames, FrameCoalescer.Refreshable part) {
        this.frames = frames;
        this.part = part;
    }

    /** Marks the part whenever any of {@code sources} changes. */
    Watches on(Observable... sources) {
        for (Observable source : sources) {
            if (source instanceof ObservableValue<?> value) {
                onValue(value);
            } else {
                InvalidationListener l = o -> frames.mark(part);
                source.addListener(l);
                removals.add(() -> source.removeListener(l));
            }
        }
        return this;
    }

    private <T> void onValue(ObservableValue<T> value) {
        ChangeListener<T> l = (o, was, is) -> frames.mark(part);
        value.addListener(l);
        removals.add(() -> value.removeListener(l));
    }

    void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
