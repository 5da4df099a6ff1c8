package echolab.ui.fold;

import java.util.List;

import javafx.collections.ObservableList;

/** Small helpers for putting a checkpoint back into a fold's observable state. */
public final class Restore {

    private Restore() {
    }

    /**
     * Makes {@code list} hold {@code items} (the same objects, in order), telling its listeners only
     * when that changes it: a restore that lands where the fold already is redraws nothing.
     */
    public static <T> void setAll(ObservableList<T> list, List<? extends T> items) {
        if (list.size() == items.size()) {
            boolean same = true;
            for (int i = 0; i < items.size() && same; i++) {
                same = list.get(i) == items.get(i);
            }
            if (same) {
                return;
            }
        }
        list.setAll(items);
    }
}
