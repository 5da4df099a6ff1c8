package echolab.ui;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The style sheets a window adds on top of its own: the theme's, then the presenter view's. The
 * presenter view's stronger colours are for the light theme only; the dark theme is high-contrast
 * already. Windows opened from this one (the user guide) copy the list and follow it.
 *
 * <p>Threading: FX thread only.
 */
public final class Looks {

    static final String PRESENTER = "/css/presenter.css";
    static final String PRESENTER_LIGHT = "/css/presenter-light.css";

    private final ObservableList<String> sheets;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private boolean presenter;

    Looks(ObservableList<String> sheets) {
        this.sheets = sheets;
        theme.addListener((obs, was, is) -> apply());
    }

    /** The theme; set it to change the window's colours. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    void presenter(boolean on) {
        presenter = on;
        apply();
    }

    private void apply() {
        for (Theme t : Theme.values()) {
            t.sheet().map(Looks::url).ifPresent(sheets::remove);
        }
        sheets.removeAll(url(PRESENTER), url(PRESENTER_LIGHT));
        theme.get().sheet().map(Looks::url).ifPresent(sheets::add);
        if (presenter) {
            sheets.addAll(theme.get() == Theme.LIGHT ? List.of(url(PRESENTER_LIGHT), url(PRESENTER)) : List.of(url(PRESENTER)));
        }
    }

    private static String url(String sheet) {
        return Looks.class.getResource(sheet).toExternalForm();
    }
}
