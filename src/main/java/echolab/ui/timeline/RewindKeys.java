package echolab.ui.timeline;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import echolab.ui.EventPump;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The time machine's keys, anywhere in the window: ← and → step the picture one event back or
 * forward, with Shift a tenth of a second. They are taken before the focused control would move
 * the focus or switch a tab with them, but left to what needs them: a lesson in front (it steps its
 * cards with them, and takes them first), a field being typed in, a list or table moving its
 * selection, a choice or slider.
 *
 * <p>Threading: FX thread only.
 */
public final class RewindKeys {

    /** What Shift with an arrow steps: a tenth of a second of the events' time. */
    static final long SHIFT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private RewindKeys() {
    }

    /** Lets the arrows of {@code scene} step {@code pump}, except while {@code lessonInFront} says a lesson has them. */
    public static void install(Scene scene, EventPump pump, BooleanSupplier lessonInFront) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || lessonInFront.getAsBoolean()
                    || usesArrows(scene.getFocusOwner())) {
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

    /** Whether the focused node moves within itself with the arrows. */
    private static boolean usesArrows(Node focused) {
        return focused instanceof TextInputControl || focused instanceof ListView || focused instanceof TableView
                || focused instanceof TreeView || focused instanceof ComboBoxBase || focused instanceof ChoiceBox
                || focused instanceof Slider || focused instanceof Spinner;
    }
}
