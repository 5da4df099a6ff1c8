package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A thread's stack drawn as three stacked frames, filled with the colour of what the thread is
 * doing: every thread has one, which is the point the lab makes about threads.
 */
final class StackGlyph extends VBox {

    private static final int FRAMES = 3;

    StackGlyph() {
        getStyleClass().add("stack-glyph");
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE); // a squeezed lane loses words, never its stack
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        for (int i = 0; i < FRAMES; i++) {
            Region frame = new Region();
            frame.getStyleClass().add("stack-frame");
            getChildren().add(frame);
        }
    }

    void state(Activity state) {
        getChildren().forEach(frame -> Nodes.state(frame, state));
    }
}
