package echolab.ui.log;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a list scrolled to its newest row while the reader is at the bottom, and leaves it alone
 * once the reader has scrolled up to read something; scrolling back to the bottom follows again.
 *
 * <p>The list changes in batches, once per frame, and the scroll waits for the end of the batch:
 * it is done once, just before the next layout (a pre-layout pulse listener). Scrolling from the
 * list's own change listener would run before the list's skin has counted the new rows, and the
 * skin would then reset the scroll. While the reader has scrolled up, rows dropped from the top
 * (the log keeps a bounded number) would slide the reader's rows away, so the same row is put back
 * at the top instead.
 *
 * <p>Whether the reader is at the bottom is read from the list's {@link VirtualFlow} position (0 at
 * the top, 1 at the bottom) whenever it moves.
 *
 * <p>Threading: FX thread only.
 */
final class LogFollower {

    /** Position at or past which the newest row counts as in view. */
    private static final double BOTTOM = 0.999;

    private final ListView<?> list;
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
    private final ListChangeListener<Object> onRows = this::rowsChanged;
    private final Runnable beforeLayout = this::beforeLayout;
    private ObservableList<?> observed;
    private VirtualFlow<?> flow;
    /** Whether rows changed since the last pulse. */
    private boolean pending;
    /** Rows dropped from the top since the last pulse. */
    private int droppedFromTop;
    /** The reader touched the scrolling (wheel, drag, keys) since the position last moved. */
    private boolean readerScrolled;

    LogFollower(ListView<?> list) {
        this.list = list;
        list.skinProperty().addListener(obs -> findFlow());
        // An invalidation listener, not a change listener: the latter compares the lists with
        // equals, and a new empty list "equals" the old empty one, so the swap would go unseen.
        list.itemsProperty().addListener(obs -> observe(list.getItems()));
        list.sceneProperty().addListener((obs, was, is) -> moveTo(was, is));
        // Only the reader decides to stop following; the position also moves when rows arrive or
        // the view is resized, and that must not unpin the bottom.
        list.addEventFilter(ScrollEvent.SCROLL, e -> readerScrolled = true);
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> readerScrolled = true);
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> readerScrolled = true);
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> readerScrolled = true);
        observe(list.getItems());
        moveTo(null, list.getScene());
    }

    private void moveTo(Scene was, Scene is) {
        if (was != null) {
            was.removePreLayoutPulseListener(beforeLayout);
        }
        if (is != null) {
            is.addPreLayoutPulseListener(beforeLayout);
        }
    }

    private void observe(ObservableList<?> items) {
        if (observed != null) {
            observed.removeListener(onRows);
        }
        observed = items;
        if (items != null) {
            items.addListener(onRows);
        }
        follow();
    }

    private void findFlow() {
        if (flow == null && list.getSkin() != null && list.lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
            flow = f;
            flow.positionProperty().addListener(obs -> readerMoved());
        }
    }

    private void rowsChanged(ListChangeListener.Change<?> change) {
        while (change.next()) {
            if (change.wasRemoved() && !change.wasAdded() && change.getFrom() == 0) {
                droppedFromTop += change.getRemovedSize();
            }
        }
        pending = true;
    }

    private void beforeLayout() {
        if (!pending) {
            return;
        }
        pending = false;
        int dropped = droppedFromTop;
        droppedFromTop = 0;
        if (following.get()) {
            scrollToNewest();
        } else if (dropped > 0 && flow != null && flow.getFirstVisibleCell() != null) {
            // the cells still hold the indexes of the last layout, from before the drop
            list.scrollTo(Math.max(0, flow.getFirstVisibleCell().getIndex() - dropped));
        }
    }

    private void readerMoved() {
        if (!readerScrolled) {
            return;
        }
        readerScrolled = false;
        following.set(!scrollable() || flow.getPosition() >= BOTTOM);
    }

    /**
     * Whether there are more rows than fit, so that a position short of the bottom means anything.
     * With a fixed row height (the log's stylesheet sets one) this is exact even in the middle of a
     * layout; otherwise the cells of the last layout tell.
     */
    private boolean scrollable() {
        int rows = list.getItems() == null ? 0 : list.getItems().size();
        double rowHeight = list.getFixedCellSize();
        if (rowHeight > 0) {
            return rows * rowHeight > flow.getHeight();
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && (first.getIndex() > 0 || last.getIndex() < rows - 1);
    }

    /** Scrolls to the newest row at the next pulse and follows from now on. */
    void follow() {
        following.set(true);
        pending = true;
        Platform.requestNextPulse();
    }

    private void scrollToNewest() {
        int n = list.getItems() == null ? 0 : list.getItems().size();
        if (n > 0) {
            list.scrollTo(n - 1);
        }
    }

    /** True while the newest row is kept in view. */
    ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }
}
