package echolab.ui.observe;

import echolab.events.Event;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The student's server's run as the events make it: the observed tree ({@link ObservedTreeModel}),
 * its output, and its figures in one line; the "Your server" tab's one fold, which the window's
 * pump folds in its place among the others and its time machine takes back and forth.
 *
 * <p>A checkpoint ({@link ObservedTreeState}) is the tree. Left out, as they are not the run's but
 * the user's and the program's now, and a rewind must not undo them (they stay in
 * {@link YourServerViewModel}): the settings and the command history (typed, not folded), the
 * phase, the status line and the session (the program keeps running while the window shows the
 * past, and Stop still stops it), and the last check's verdicts (a report the user asked for and
 * may still save; the check's own traffic is in the tree like any other).
 *
 * <p>Threading: FX thread only (the pump's); no toolkit needed.
 */
public final class YourServerFold implements Fold, Rewindable<ObservedTreeState> {

    private final ObservedTreeModel tree = new ObservedTreeModel();
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper treeRevision = new ReadOnlyLongWrapper();
    private boolean closed;

    /** Folds one event into the tree (the student's server's events; the rest pass by). */
    @Override
    public void apply(Event e, long playNanos) {
        if (!closed) {
            tree.apply(e);
        }
    }

    @Override
    public ObservedTreeState snapshot() {
        return tree.snapshot();
    }

    /** Puts the tree back; the figures and the drawn models show the instant at once, not at the next frame. */
    @Override
    public void restore(ObservedTreeState snapshot) {
        if (closed) {
            return;
        }
        tree.restore(snapshot);
        show();
    }

    /** Shows what was folded into the tree since the last frame: its revision and figures. Once per frame. */
    void show() {
        if (tree.revision() != treeRevision.get()) {
            treeRevision.set(tree.revision());
            figures.set(tree.summary());
        }
    }

    /** Nothing more is folded: the window closes. */
    void close() {
        closed = true;
    }

    /** The folded tree; read on the FX thread, redraw when {@link #treeRevisionProperty()} moves. */
    public ObservedTreeModel tree() {
        return tree;
    }

    /** The tree in one line of figures. */
    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Moves whenever the tree changed. */
    public ReadOnlyLongProperty treeRevisionProperty() {
        return treeRevision.getReadOnlyProperty();
    }
}
