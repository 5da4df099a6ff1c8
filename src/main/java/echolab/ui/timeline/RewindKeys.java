package echolab.ui.timeline;

import java.util.concurrent.TimeUnit;

import echolab.ui.EventPump;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The time machine's keys, anywhere in the window: ← and → step the picture one event back or
 * forward, with Shift a tenth of a second. A key that something else took first (a lesson in front
 * steps its own cards with them, a list moves its selection) or typed into a field is left alone.
 *
 * <p>Threading: FX thread only.
 */
final class RewindKeys {

    /** What Shift with an arrow steps: a tenth of a second of the events' time. */
    static final long SHIFT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private RewindKeys() {
    }

    /** Lets the arrows of {@code scene} step {@code pump}. */
    static void install(Scene scene, EventPump pump) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isShortcutDown() || e.isAltDown()
                    || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            int direction = e.getCode() == KeyCode.LEFT ? -1 : e.getCode() == KeyCode.RIGHT ? 1 : 0;
            if (direction == 0) {
                return;
            }
            if (e.isShiftDown()) {
                pump.stepTime(direction * SHIFT_STEP_NANOS);
            } else {
                pump.step(direction);
            }
            e.consume();
        });
    }
}
