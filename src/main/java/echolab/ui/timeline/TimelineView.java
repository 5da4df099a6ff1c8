package echolab.ui.timeline;

import echolab.ui.EventPump;
import javafx.scene.layout.BorderPane;

/**
 * The timeline panel: a lane per worker and per client scrolling with time on a canvas, the
 * controls of the play clock (pause, slow motion, live, the lag, the window shown) above it, and
 * the legend of state colours below it.
 *
 * <p>Made by FXML with the no-argument constructor, then {@link #bind bound} once to the lab.
 * Style classes: {@code timeline-view}, {@code timeline-toolbar}, {@code timeline-canvas},
 * {@code timeline-legend} (see {@code css/timeline.css}). Node ids: {@code timelineCanvas},
 * {@code pauseButton}, {@code speedChoice}, {@code liveButton}, {@code lagLabel},
 * {@code windowChoice}, {@code legend}, {@code laneScrollBar}.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineView extends BorderPane {

    private final StatePalette palette = new StatePalette();
    private final TimelineControls controls = new TimelineControls();
    private final TimelineCanvas canvas = new TimelineCanvas(palette);
    private final TimelineLegend legend = new TimelineLegend(palette);
    private boolean bound;
    /** The instant shown when a drag of the lanes began. */
    private long panFrom;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        canvas.windowSecondsProperty().bind(controls.windowSecondsProperty());
        setTop(controls);
        setCenter(canvas);
        setBottom(legend);
    }

    /**
     * Shows {@code fold}'s timeline, drawn once per frame of {@code pump} at its play time, and
     * lets the toolbar drive {@code pump}. Call once.
     */
    public void bind(TimelineFold fold, EventPump pump) {
        if (bound) {
            throw new IllegalStateException("the timeline is already bound");
        }
        bound = true;
        canvas.show(fold.timeline());
        controls.bind(pump);
        canvas.followsBudget(pump.budget());
        pump.onFrame(canvas::frame);
        // drag the lanes to the right to go back in time, to the left to come forward
        canvas.onPan(nanos -> pump.rewindTo(panFrom - nanos));
        canvas.onPanStart(() -> panFrom = pump.shownNanos());
    }

    /**
     * Takes the picture back to the span {@code from} to {@code to} (events' clock): the timeline
     * spans it, ending at {@code to}, and the diagram and lists show that instant, until Go live.
     */
    public void showAgain(EventPump pump, long from, long to) {
        controls.fit(to - from);
        pump.rewindTo(to);
    }

    /** Says in the toolbar that a recording is played, not a server ({@code open --replay}). */
    public void showsReplay() {
        controls.replaying();
        canvas.replaying();
    }

    /** The palette the canvas reads its state colours from; the diagram may share its colours. */
    public StatePalette palette() {
        return palette;
    }

    /** The drawing surface, for tests and snapshots. */
    public TimelineCanvas canvas() {
        return canvas;
    }

    /** Rectangles of state the last paint filled (after merging); more than 0 once spans are in view. */
    public int spansDrawn() {
        return canvas.spansDrawn();
    }

    /** How many times the canvas has been painted; stays put while paused and nothing changes. */
    public long redraws() {
        return canvas.redraws();
    }
}
