package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagram parts whose model changed during a frame and refreshes each of them once,
 * when the frame ends. However many events touched a lane in a frame, it is redrawn once.
 *
 * <p>Threading: FX thread only.
 */
final class FrameCoalescer {

    /** A diagram part that redraws itself from its model. */
    @FunctionalInterface
    interface Refreshable {
        void refresh();
    }

    /** A refresh may mark further parts (a new lane marks itself); those are done in the same frame. */
    private static final int MAX_PASSES = 4;

    private final Set<Refreshable> dirty = new LinkedHashSet<>();
    private final List<Refreshable> batch = new ArrayList<>();

    void mark(Refreshable part) {
        dirty.add(part);
    }

    /** Refreshes everything marked since the last flush. */
    void flush() {
        for (int pass = 0; pass < MAX_PASSES && !dirty.isEmpty(); pass++) {
            batch.addAll(dirty);
            dirty.clear();
            for (Refreshable part : batch) {
                part.refresh();
            }
            batch.clear();
        }
    }
}
