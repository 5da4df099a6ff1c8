package echolab.ui.timeline;

import java.util.EnumMap;
import java.util.Map;

import echolab.ui.model.Activity;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The state colours as the stylesheet defines them. Each state has a small swatch {@link Region}
 * carrying its {@code .state-*} class; once the swatch is in a scene, CSS resolves its background
 * and this palette reads the colour from there. So the canvas never hard-codes a colour: the legend,
 * the diagram and the timeline share the one definition in the stylesheet, and a theme switch (a
 * new resolved background) recolours the canvas too.
 *
 * <p>The swatches must be placed in the scene graph (the legend does that) for CSS to reach them.
 * Threading: FX thread only.
 */
public final class StatePalette {

    /** Drawn for a state whose swatch has not been styled yet: nothing rather than a wrong colour. */
    private static final Paint UNSTYLED = Color.TRANSPARENT;

    private final Map<Activity, Region> swatches = new EnumMap<>(Activity.class);
    private final Paint[] colours = new Paint[Activity.values().length];
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    public StatePalette() {
        for (Activity state : Activity.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("state-swatch", state.styleClass());
            swatch.setId("swatch-" + state.styleClass());
            colours[state.ordinal()] = UNSTYLED;
            // The background is what CSS resolved; it changes when a stylesheet is added or removed.
            swatch.backgroundProperty().addListener((obs, was, is) -> read(state, is));
            swatches.put(state, swatch);
        }
    }

    private void read(Activity state, Background background) {
        Paint paint = background == null || background.getFills().isEmpty()
                ? UNSTYLED
                : background.getFills().get(0).getFill();
        if (!paint.equals(colours[state.ordinal()])) {
            colours[state.ordinal()] = paint;
            revision.set(revision.get() + 1);
        }
    }

    /** The swatch node of {@code state}, to be shown once (in the legend). */
    public Region swatch(Activity state) {
        return swatches.get(state);
    }

    /** The colour CSS gave {@code state}, or transparent before the swatch was styled. */
    public Paint colour(Activity state) {
        return colours[state.ordinal()];
    }

    /** Changes whenever any state's colour changes, e.g. on a theme switch. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public long revision() {
        return revision.get();
    }
}
