package echolab.ui.fx;

import java.util.Optional;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * What each control says about itself: a tooltip; and, because a disabled control shows no
 * tooltip, the label beside it that says why it is disabled. The links are kept in the control's properties, so a test can walk
 * the window and find a control that says nothing.
 *
 * <p>Threading: FX thread only.
 */
public final class Hints {

    private static final String REASON = "echolab.disabledReason";

    private Hints() {
    }

    /** Gives {@code control} a tooltip saying {@code text}, shown quickly. */
    public static <C extends Control> C tip(C control, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(420);
        control.setTooltip(t);
        return control;
    }

    /** {@code reason}, beside {@code control}, says why it is disabled whenever it is. */
    public static void reason(Control control, Label reason) {
        control.getProperties().put(REASON, reason);
    }

    public static Optional<Label> reasonFor(Control control) {
        return Optional.ofNullable((Label) control.getProperties().get(REASON));
    }
}
