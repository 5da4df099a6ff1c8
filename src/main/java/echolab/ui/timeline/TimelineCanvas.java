package echolab.ui.timeline;

import java.util.List;

import echolab.ui.fold.Cadence;
import echolab.ui.fold.FrameBudget;
import echolab.ui.model.TimelineModel;
import echolab.ui.model.TimelineModel.Lane;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * The drawing surface of the timeline: a {@link Canvas} that fills this region, a scroll bar for
 * lanes that do not fit even at their thinnest, and the decision of when to draw. Once per frame
 * ({@link #frame}) it repaints only if something it shows changed: the model's revision, the play
 * time, its size, the colours, the window or the lanes scrolled to. Paused with nothing arriving,
 * it does not draw at all.
 *
 * <p>Its own colours and font come from CSS ({@code -timeline-label-color}, {@code -timeline-grid-color},
 * {@code -timeline-lane-color}, {@code -timeline-lost-color}, {@code -timeline-now-color},
 * {@code -timeline-font}); the state colours from the {@link StatePalette}.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineCanvas extends Region {

    private static final StyleablePropertyFactory<TimelineCanvas> STYLE =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final CssMetaData<TimelineCanvas, Paint> LABEL_COLOR =
            STYLE.createPaintCssMetaData("-timeline-label-color", c -> c.labelColor, Color.BLACK);
    private static final CssMetaData<TimelineCanvas, Paint> GRID_COLOR =
            STYLE.createPaintCssMetaData("-timeline-grid-color", c -> c.gridColor, Color.gray(0.5, 0.3));
    private static final CssMetaData<TimelineCanvas, Paint> LANE_COLOR =
            STYLE.createPaintCssMetaData("-timeline-lane-color", c -> c.laneColor, Color.gray(0.5, 0.08));
    private static final CssMetaData<TimelineCanvas, Paint> LOST_COLOR =
            STYLE.createPaintCssMetaData("-timeline-lost-color", c -> c.lostColor, Color.RED);
    private static final CssMetaData<TimelineCanvas, Paint> NOW_COLOR =
            STYLE.createPaintCssMetaData("-timeline-now-color", c -> c.nowColor, Color.BLACK);
    private static final CssMetaData<TimelineCanvas, Font> FONT =
            STYLE.createFontCssMetaData("-timeline-font", c -> c.font, Font.font(12));

    private final StyleableObjectProperty<Paint> labelColor = styleable(LABEL_COLOR, "labelColor");
    private final StyleableObjectProperty<Paint> gridColor = styleable(GRID_COLOR, "gridColor");
    private final StyleableObjectProperty<Paint> laneColor = styleable(LANE_COLOR, "laneColor");
    private final StyleableObjectProperty<Paint> lostColor = styleable(LOST_COLOR, "lostColor");
    private final StyleableObjectProperty<Paint> nowColor = styleable(NOW_COLOR, "nowColor");
    private final StyleableObjectProperty<Font> font = styleable(FONT, "font");

    private final Canvas canvas = new Canvas();
    private double pressX;
    private Runnable panStart = () -> { };
    private final ScrollBar laneScroll = new ScrollBar();
    private final IntegerProperty windowSeconds = new SimpleIntegerProperty(TimelineControls.DEFAULT_WINDOW);
    private final TimelinePainter painter = new TimelinePainter();
    private final StatePalette palette;

    private TimelineModel model;
    private final Cadence cadence = new Cadence(25, 0.5);
    private long origin;
    private boolean originSet;
    /** Set by anything but the model and the clock that changes the picture. */
    private boolean dirty = true;
    private long paintedRevision = -1;
    private long paintedPlay;
    private int spansDrawn;
    private long redraws;

    public TimelineCanvas(StatePalette palette) {
        this.palette = palette;
        getStyleClass().add("timeline-canvas");
        canvas.setId("timelineCanvas");
        laneScroll.setId("laneScrollBar");
        laneScroll.setOrientation(Orientation.VERTICAL);
        laneScroll.setVisible(false);
        laneScroll.setManaged(false);
        laneScroll.valueProperty().addListener(obs -> dirty = true);
        getChildren().addAll(canvas, laneScroll);

        canvas.widthProperty().addListener(obs -> dirty = true);
        canvas.heightProperty().addListener(obs -> dirty = true);
        palette.revisionProperty().addListener(obs -> dirty = true);
        windowSeconds.addListener(obs -> dirty = true);
        addEventHandler(ScrollEvent.SCROLL, this::scrollLanes);
        setMinSize(120, 60);
    }

    private <T> StyleableObjectProperty<T> styleable(CssMetaData<TimelineCanvas, T> meta, String name) {
        StyleableObjectProperty<T> p = new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this));
        p.addListener(obs -> dirty = true);
        return p;
    }

    /**
     * Tells {@code panned} how far, in nanoseconds of the time shown, the lanes have been dragged
     * since the press (positive: to the right, back in time).
     */
    void onPan(java.util.function.LongConsumer panned) {
        canvas.setCursor(javafx.scene.Cursor.OPEN_HAND);
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            // the arrows step what was dragged: a list or a choice that had the focus keeps them otherwise
            canvas.requestFocus();
            panStart.run();
        });
        canvas.setOnMouseDragged(e -> {
            double nanosPerPixel = painter.nanosPerPixel() > 0 ? painter.nanosPerPixel()
                    : windowSeconds.get() * 1e9 / Math.max(1, canvas.getWidth());
            panned.accept((long) ((e.getX() - pressX) * nanosPerPixel));
        });
    }

    /** Runs {@code start} when a drag of the lanes begins. */
    void onPanStart(Runnable start) {
        panStart = start;
    }

    /** Repaints within the window's frame budget (see {@link Cadence#followsBudget}). */
    void followsBudget(FrameBudget budget) {
        cadence.followsBudget(budget);
    }

    /** Draws {@code model} from now on. */
    void show(TimelineModel model) {
        this.model = model;
        dirty = true;
    }

    /**
     * Repaints for play time {@code play} if anything shown changed since the last paint; called once
     * per frame by the event pump, after the fold.
     */
    /** The lanes are a recording's (see {@link TimelinePainter#replaying}). */
    void replaying() {
        painter.replaying();
        dirty = true;
    }

    void frame(long play) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (model == null || w < 1 || h < 1) {
            return;
        }
        if (!dirty && model.revision() == paintedRevision && play == paintedPlay) {
            return;
        }
        if (!dirty && !cadence.due(System.nanoTime())) {
            return; // time flows at a pixel a frame or less; 25 repaints a second look the same
        }
        if (!originSet && model.spanCount() > 0) {
            // the axis counts seconds from the first thing the timeline saw: the server starting
            origin = Long.MAX_VALUE;
            model.forEachSpan(s -> origin = Math.min(origin, s.start));
            originSet = true;
        }
        List<Lane> lanes = model.lanes();
        double available = h - TimelinePainter.AXIS_HEIGHT - TimelinePainter.LANES_TOP;
        LaneLayout layout = LaneLayout.of(lanes.size(), available, (int) Math.round(laneScroll.getValue()));
        showScrollBar(layout);
        long window = windowSeconds.get() * 1_000_000_000L;
        spansDrawn = painter.paint(canvas.getGraphicsContext2D(), model, lanes, layout, palette, style(),
                play, window, originSet ? origin : play, w, h);
        redraws++;
        dirty = false;
        paintedRevision = model.revision();
        paintedPlay = play;
    }

    private TimelineStyle style() {
        return new TimelineStyle(labelColor.get(), gridColor.get(), laneColor.get(), lostColor.get(), nowColor.get(),
                font.get());
    }

    private void showScrollBar(LaneLayout layout) {
        boolean needed = layout.scrollMax() > 0;
        if (needed) {
            laneScroll.setMax(layout.scrollMax());
            laneScroll.setVisibleAmount(layout.shown());
            laneScroll.setBlockIncrement(Math.max(1, layout.shown() - 1));
            laneScroll.setUnitIncrement(1);
        }
        if (needed != laneScroll.isVisible()) {
            laneScroll.setVisible(needed);
            requestLayout(); // the canvas gives the bar its width back, or takes it
        }
    }

    private void scrollLanes(ScrollEvent e) {
        if (!laneScroll.isVisible() || e.getDeltaY() == 0) {
            return;
        }
        double lanes = Math.max(1, Math.round(Math.abs(e.getDeltaY()) / 10));
        double next = laneScroll.getValue() + (e.getDeltaY() < 0 ? lanes : -lanes);
        laneScroll.setValue(Math.max(0, Math.min(laneScroll.getMax(), next)));
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double bar = laneScroll.isVisible() ? laneScroll.prefWidth(-1) : 0;
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, getWidth() - x - snappedRightInset() - bar);
        double h = Math.max(0, getHeight() - y - snappedBottomInset());
        canvas.relocate(x, y);
        canvas.setWidth(Math.floor(w));
        canvas.setHeight(Math.floor(h));
        laneScroll.resizeRelocate(x + w, y, bar, Math.max(0, h - TimelinePainter.AXIS_HEIGHT));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 220;
    }

    // Properties

    public IntegerProperty windowSecondsProperty() {
        return windowSeconds;
    }

    /** Rectangles of state filled by the last paint, after merging: 0 means nothing was drawn. */
    public int spansDrawn() {
        return spansDrawn;
    }

    /** How many times the canvas has been painted. */
    public long redraws() {
        return redraws;
    }

    public Canvas canvas() {
        return canvas;
    }

    public ScrollBar laneScrollBar() {
        return laneScroll;
    }

    // CSS

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
