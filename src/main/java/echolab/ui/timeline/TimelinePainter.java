package echolab.ui.timeline;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import echolab.ui.model.Activity;
import echolab.ui.model.TimelineModel;
import echolab.ui.model.TimelineModel.Lane;
import echolab.ui.model.TimelineModel.Mark;
import echolab.ui.model.TimelineModel.Span;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Draws one picture of the timeline: lane names at the left, the spans of each lane coloured by
 * state, lost updates as red marks, second ticks and "now" at the right edge.
 *
 * <p>It stays cheap with thousands of spans: spans outside the window or on lanes scrolled away are
 * skipped, and the spans of a lane are snapped to whole pixel columns and merged, so a pixel is
 * filled once however many short spans fall into it (the first state to reach a pixel keeps it, and
 * every span that begins a new column gets at least one, so even a microsecond's lock wait shows).
 *
 * <p>Threading: FX thread only.
 */
final class TimelinePainter implements Consumer<Span> {

    /** Painting a recording rather than a server (see {@link #edgeLabel}). */
    private boolean replay;

    /** Height of the time axis under the lanes. */
    static final double AXIS_HEIGHT = 22;
    /** Room above the first lane, so a lost-update mark on it is not cut. */
    static final double LANES_TOP = 4;
    /** Space around the lane names. */
    static final double GUTTER_PAD = 10;

    private final Map<Lane, Integer> rowOf = new IdentityHashMap<>();
    private final LabelWidths labelWidths = new LabelWidths();

    // One paint's state, in fields so that visiting a span allocates nothing.
    private GraphicsContext g;
    private StatePalette palette;
    private LaneLayout layout;
    private TimeScale scale;
    private int[] pendingX0 = new int[0];
    private int[] pendingX1 = new int[0];
    private Activity[] pendingState = new Activity[0];
    private int rects;

    /**
     * Paints {@code model} on {@code g}, a canvas of {@code width} by {@code height}, and returns
     * how many rectangles of state it filled.
     *
     * @param play   the play time, drawn at the right edge
     * @param window nanos from the left edge to the right edge
     * @param origin the time shown as "0 s" on the axis
     */
    int paint(GraphicsContext g, TimelineModel model, List<Lane> lanes, LaneLayout layout,
              StatePalette palette, TimelineStyle style, long play, long window, long origin, double width,
              double height) {
        this.g = g;
        this.palette = palette;
        this.layout = layout;
        this.rects = 0;
        g.clearRect(0, 0, width, height);
        g.setFont(style.font());
        g.setTextBaseline(VPos.CENTER);

        double gutter = gutterWidth(lanes, style);
        double right = Math.floor(width) - 1;
        scale = new TimeScale(Math.floor(gutter), right, play, window);
        if (lanes.isEmpty()) {
            paintEmpty(style, width, height);
            paintAxis(style, origin, height);
            return 0;
        }
        indexLanes(lanes);
        paintLaneBackgrounds(style, lanes.size());
        model.forEachSpan(this);
        flushAll();
        paintTicks(style, origin, height);
        paintGroupLine(style, lanes);
        paintMarks(style, model.marks());
        paintNames(style, lanes, play);
        paintAxis(style, origin, height);
        return rects;
    }

    /** Nanoseconds of time per pixel in the last paint, or 0 before the first. */
    double nanosPerPixel() {
        return scale == null || scale.right() <= scale.left() ? 0 : scale.window() / (scale.right() - scale.left());
    }

    private double gutterWidth(List<Lane> lanes, TimelineStyle style) {
        double widest = 0;
        for (Lane lane : lanes) {
            widest = Math.max(widest, labelWidths.width(lane.label(), style.font()));
        }
        return Math.min(200, Math.max(64, widest + 2 * GUTTER_PAD));
    }

    private void indexLanes(List<Lane> lanes) {
        rowOf.clear();
        for (int i = 0; i < lanes.size(); i++) {
            rowOf.put(lanes.get(i), i);
        }
        if (pendingX0.length < lanes.size()) {
            int n = Math.max(lanes.size(), pendingX0.length * 2);
            pendingX0 = new int[n];
            pendingX1 = new int[n];
            pendingState = new Activity[n];
        }
        Arrays.fill(pendingState, 0, lanes.size(), null);
    }

    private void paintLaneBackgrounds(TimelineStyle style, int laneCount) {
        g.setFill(style.lane());
        double inset = inset();
        // lanes too thin for a gap between them are told apart by stripes: every other one is shaded
        int every = inset > 0 ? 1 : 2;
        for (int i = layout.first(); i < layout.first() + layout.shown() && i < laneCount; i++) {
            if (i % every != 0) {
                continue;
            }
            g.fillRect(scale.left(), LANES_TOP + layout.top(i) + inset, scale.right() - scale.left(),
                    layout.height() - 2 * inset);
        }
    }

    /** A gap between lanes while they are tall enough to spare one. */
    private double inset() {
        return layout.height() >= 10 ? 2 : layout.height() >= 6 ? 1 : 0;
    }

    /** Visits one span: snaps it to pixel columns and merges it into its lane's pending rectangle. */
    @Override
    public void accept(Span span) {
        long end = span.end() == Long.MAX_VALUE ? scale.play() : span.end();
        if (end - scale.start() <= 0 || span.start - scale.play() >= 0) {
            return; // outside the window: most of the ring, so checked before anything else
        }
        Integer row = rowOf.get(span.lane);
        if (row == null || !layout.isShown(row)) {
            return;
        }
        int x0 = (int) Math.floor(scale.x(Math.max(span.start, scale.start())));
        int x1 = Math.max(x0 + 1, (int) Math.floor(scale.x(Math.min(end, scale.play()))));
        x0 = Math.max(x0, (int) scale.left());
        x1 = Math.min(x1, (int) scale.right());
        if (x1 <= x0) {
            return;
        }
        int r = row;
        Activity pending = pendingState[r];
        if (pending == null) {
            open(r, x0, x1, span.state);
        } else if (pending == span.state && x0 <= pendingX1[r]) {
            pendingX1[r] = Math.max(pendingX1[r], x1);
        } else if (x1 > pendingX1[r]) {
            flush(r);
            open(r, Math.max(x0, pendingX1[r]), x1, span.state);
        }
        // else: every column of this span is already filled by an earlier one of this lane
    }

    private void open(int row, int x0, int x1, Activity state) {
        pendingX0[row] = x0;
        pendingX1[row] = x1;
        pendingState[row] = state;
    }

    private void flush(int row) {
        Activity state = pendingState[row];
        if (state == null) {
            return;
        }
        double inset = inset();
        g.setFill(palette.colour(state));
        g.fillRect(pendingX0[row], LANES_TOP + layout.top(row) + inset, pendingX1[row] - pendingX0[row],
                layout.height() - 2 * inset);
        rects++;
    }

    private void flushAll() {
        for (int row = layout.first(); row < layout.first() + layout.shown(); row++) {
            flush(row);
        }
    }

    private void paintTicks(TimelineStyle style, long origin, double height) {
        long step = TimeTicks.stepSeconds(scale.pixelsPerSecond()) * 1_000_000_000L;
        double bottom = lanesBottom(height);
        g.setStroke(style.grid());
        g.setLineWidth(1);
        for (long t = firstTick(origin, step); t - scale.play() <= 0; t += step) {
            double x = Math.floor(scale.x(t)) + 0.5;
            g.strokeLine(x, LANES_TOP, x, bottom + 4);
        }
        // "now": the edge where new spans appear
        g.setStroke(style.now());
        g.setLineWidth(2);
        g.strokeLine(scale.right(), LANES_TOP, scale.right(), bottom + 4);
    }

    private void paintAxis(TimelineStyle style, long origin, double height) {
        long step = TimeTicks.stepSeconds(scale.pixelsPerSecond()) * 1_000_000_000L;
        double y = height - AXIS_HEIGHT / 2;
        g.setFill(style.label());
        g.setTextAlign(TextAlignment.CENTER);
        double nowWidth = labelWidths.width("now", style.font());
        for (long t = firstTick(origin, step); t - scale.play() <= 0; t += step) {
            double x = scale.x(t);
            if (x > scale.right() - nowWidth - TimeTicks.MIN_SPACING_PX / 2 || x < scale.left() + 12) {
                continue; // would collide with "now" or the lane names
            }
            g.fillText((t - origin) / 1_000_000_000L + " s", x, y);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(edgeLabel(origin), scale.right(), y);
    }

    /**
     * What the right edge says: "now" while it is now; taken back in time (paused a while, or
     * rewound), the instant it shows, in the axis's seconds, so nobody reads the past as now. A
     * recording is never now: its clock is another run's, or another machine's, which may be ahead
     * of this one's.
     */
    private String edgeLabel(long origin) {
        return edgeLabel(scale.play(), origin, System.nanoTime(), replay);
    }

    /** The right edge's words for the instant {@code play}, the axis starting at {@code origin}, at {@code now}. */
    static String edgeLabel(long play, long origin, long now, boolean replay) {
        return !replay && now - play < 500_000_000L ? "now"
                : String.format(java.util.Locale.ROOT, "%.1f s", (play - origin) / 1e9);
    }

    /** From now on the lanes are a recording's: the right edge gives its time, never "now". */
    void replaying() {
        replay = true;
    }

    /**
     * The first tick inside the window, on a whole multiple of {@code step} since the origin, and
     * not before it: nothing happened before the server started, so no tick reads "-3 s".
     */
    private long firstTick(long origin, long step) {
        long sinceOrigin = scale.start() - origin;
        long steps = Math.max(0, Math.floorDiv(sinceOrigin, step) + 1);
        return origin + steps * step;
    }

    private double lanesBottom(double height) {
        return Math.min(height - AXIS_HEIGHT, LANES_TOP + layout.shown() * layout.height());
    }

    /** Workers above, clients below: a line between them. */
    private void paintGroupLine(TimelineStyle style, List<Lane> lanes) {
        for (int i = 1; i < lanes.size(); i++) {
            if (lanes.get(i - 1).worker && !lanes.get(i).worker) {
                if (layout.isShown(i)) {
                    double y = Math.floor(LANES_TOP + layout.top(i)) + 0.5;
                    g.setStroke(style.label());
                    g.setLineWidth(1);
                    g.strokeLine(0, y, scale.right(), y);
                }
                return;
            }
        }
    }

    /** A lost update: a red triangle pointing down at the moment, and a stroke through its lane. */
    private void paintMarks(TimelineStyle style, List<Mark> marks) {
        g.setFill(style.lost());
        g.setStroke(style.lost());
        g.setLineWidth(1.5);
        // small enough that a burst of lost updates still lets the lane's states show between them
        double size = Math.min(5, layout.height() / 2);
        for (Mark mark : marks) {
            Integer row = rowOf.get(mark.lane());
            if (row == null || !layout.isShown(row) || mark.nanos() - scale.start() < 0
                    || mark.nanos() - scale.play() > 0) {
                continue;
            }
            double x = scale.x(mark.nanos());
            double top = LANES_TOP + layout.top(row);
            g.strokeLine(x, top, x, top + layout.height());
            if (size >= 3) {
                g.fillPolygon(new double[] {x - size, x + size, x}, new double[] {top, top, top + size * 1.4}, 3);
            }
        }
    }

    private void paintNames(TimelineStyle style, List<Lane> lanes, long play) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(style.label());
        g.setStroke(style.label());
        g.setLineWidth(1);
        double maxWidth = scale.left() - 2 * GUTTER_PAD + 4;
        boolean sparse = layout.labelEvery() > 1;
        for (int i = layout.first(); i < layout.first() + layout.shown(); i++) {
            if (!layout.isNamed(i)) {
                continue;
            }
            Lane lane = lanes.get(i);
            double middle = LANES_TOP + layout.top(i) + layout.height() / 2;
            // a lane whose worker or client is gone is named faintly: it only has a past
            g.setGlobalAlpha(lane.endedAt() - play <= 0 ? 0.45 : 1.0);
            g.fillText(lane.label(), GUTTER_PAD, middle, maxWidth);
            if (sparse) { // with only some lanes named, point at the one the name belongs to
                double y = Math.floor(middle) + 0.5;
                g.strokeLine(scale.left() - 6, y, scale.left() - 1, y);
            }
        }
        g.setGlobalAlpha(1.0);
    }

    private void paintEmpty(TimelineStyle style, double width, double height) {
        g.setFill(style.label());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Each worker and each client gets a lane here as soon as it starts.", width / 2,
                (height - AXIS_HEIGHT) / 2);
    }
}
