package echolab.ui.fx;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Scales the whole window's content, text, diagram and controls alike: the content is laid out
 * as if the window were {@code 1 / zoom} of its size and drawn {@code zoom} times larger, so it
 * still fills the window. The style sheets give sizes in pixels, so a font size on the root would
 * leave most of it as it was; a scale does not. Zoom from {@value #MIN} to {@value #MAX}.
 *
 * <p>Threading: FX thread only.
 */
public final class ZoomPane extends Region {

    public static final double MIN = 0.5;
    public static final double MAX = 2.5;
    private static final double STEP = 0.1;

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
            scale.setX(z);
            scale.setY(z);
            requestLayout();
        }
    };

    public ZoomPane(Parent content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("zoom-pane");
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
        double z = zoom.get();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
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
