package echolab.ui.sync;

import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * A straight arrow between two points, for the tab's small drawings. Its colour and dashes come
 * from the stylesheet (the {@code arrow-line} and {@code arrow-head} inside). FX thread only.
 */
final class Arrow extends Group {

    private static final double HEAD_LENGTH = 11;
    private static final double HEAD_HALF_WIDTH = 6;

    private final Line line = new Line();
    private final Polygon head = new Polygon();
    private final boolean pointed;

    private Arrow(boolean pointed, String... styleClasses) {
        this.pointed = pointed;
        head.setVisible(pointed);
        getStyleClass().add("arrow");
        getStyleClass().addAll(styleClasses);
        line.getStyleClass().add("arrow-line");
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(line, head);
    }

    /** An arrow, with a head at its end. */
    static Arrow pointing(String... styleClasses) {
        return new Arrow(true, styleClasses);
    }

    /** A connector without a head. */
    static Arrow plain(String... styleClasses) {
        return new Arrow(false, styleClasses);
    }

    /** An arrow from ({@code x1}, {@code y1}) whose tip touches ({@code x2}, {@code y2}). */
    Arrow from(double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        double baseX = x2 - ux * HEAD_LENGTH;
        double baseY = y2 - uy * HEAD_LENGTH;
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(pointed ? baseX + ux * 2 : x2); // into the head, so no gap shows between them
        line.setEndY(pointed ? baseY + uy * 2 : y2);
        head.getPoints().setAll(x2, y2,
                baseX - uy * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH,
                baseX + uy * HEAD_HALF_WIDTH, baseY - ux * HEAD_HALF_WIDTH);
        return this;
    }
}
