package echolab.ui.fx;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Scales the whole window's content, text, diagram and controls alike: the content is laid out
 * as if the window were {@code 1 / zoom} of its size and drawn {@code zoom} times larger, so it
 * still fills the window. The style sheets give sizes in pixels, so a font size on the root would
 * leave most of it as it was; a scale does not. Zoom from {@value #MIN} to {@value #MAX}, the
 * user's choice; the presenter view multiplies it by {@value #PRESENTER}.
 *
 * <p>Threading: FX thread only.
 */
public final class ZoomPane extends Region {

    public static final double MIN = 0.5;
    public static final double MAX = 2.5;
    private static final double STEP = 0.1;
    /** How much larger the presenter view draws everything. */
    public static final double PRESENTER = 1.2;

    private final Parent content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1) {
        @Override
        protected void invalidated() {
            double z = clamp(get());
            if (z != get()) {
                set(z);
                return;
            }
            rescale();
        }
    };
    private final BooleanProperty presenter = new SimpleBooleanProperty() {
        @Override
        protected void invalidated() {
            rescale();
        }
    };
    private final ReadOnlyDoubleWrapper drawnScale = new ReadOnlyDoubleWrapper(1);

    public ZoomPane(Parent content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("zoom-pane");
    }

    private void rescale() {
        double z = drawnScale();
        drawnScale.set(z);
        scale.setX(z);
        scale.setY(z);
        requestLayout();
    }

    /** The scale the content is drawn at: the zoom, times {@value #PRESENTER} in the presenter view. */
    private double drawnScale() {
        return zoom.get() * (presenter.get() ? PRESENTER : 1);
    }

    /** Read-only: the scale the content is drawn at now. */
    public ReadOnlyDoubleProperty drawnScaleProperty() {
        return drawnScale.getReadOnlyProperty();
    }

    /** The presenter view: everything {@value #PRESENTER} times larger, on top of the zoom. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    private static double clamp(double z) {
        double rounded = Math.round(z / STEP) * STEP;
        return Math.max(MIN, Math.min(MAX, Double.isNaN(rounded) ? 1 : rounded));
    }

    public void zoomIn() {
        zoom.set(zoom.get() + STEP);
    }

    public void zoomOut() {
        zoom.set(zoom.get() - STEP);
    }

    public void actualSize() {
        zoom.set(1);
    }

    /** 1 is actual size. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    @Override
    protected void layoutChildren() {
        double z = drawnScale();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * drawnScale();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * drawnScale();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
