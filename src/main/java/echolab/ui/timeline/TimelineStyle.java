package echolab.ui.timeline;

import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * The canvas's own colours and font (not the state colours, which come from {@link StatePalette}),
 * as the stylesheet resolved them on {@link TimelineCanvas}.
 *
 * @param label text of lane names and the time axis
 * @param grid  second ticks and the line between workers and clients
 * @param lane  the empty background of a lane
 * @param lost  lost-update marks
 * @param now   the "now" edge
 * @param font  lane names and axis labels
 */
record TimelineStyle(Paint label, Paint grid, Paint lane, Paint lost, Paint now, Font font) {}
