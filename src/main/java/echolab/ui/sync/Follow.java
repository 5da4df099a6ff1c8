package echolab.ui.sync;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/**
 * Keeps a control showing a property of the view model and turns the user's changes into commands.
 * The property follows the server's events, so what a control shows is what the server does.
 * FX thread only.
 */
final class Follow {

    private Follow() {
    }

    /** A slider and its value label showing {@code property}; moving it asks for the change. */
    static void slider(Slider slider, Label value, ObservableValue<Number> property, String format,
                       LongConsumer command) {
        slider.setValue(property.getValue().doubleValue());
        value.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, format, Math.round(slider.getValue())), slider.valueProperty()));
        property.addListener((o, was, is) -> {
            if (!slider.isValueChanging() && Math.round(slider.getValue()) != is.longValue()) {
                slider.setValue(is.doubleValue());
            }
        });
        slider.valueProperty().addListener((o, was, is) -> {
            long wanted = Math.round(is.doubleValue());
            if (wanted != property.getValue().longValue()) {
                command.accept(wanted);
            }
        });
    }

    /** A check box showing {@code property}; a click asks for the change. */
    static void check(CheckBox box, ObservableValue<Boolean> property, Consumer<Boolean> command) {
        box.setSelected(property.getValue());
        property.addListener((o, was, is) -> box.setSelected(is));
        box.selectedProperty().addListener((o, was, is) -> {
            if (!is.equals(property.getValue())) {
                command.accept(is);
            }
        });
    }

    /**
     * A toggle group whose toggles carry values of {@code property} as user data. A click asks for
     * the change; the group stays on the current value until the property says it changed.
     */
    static <T> void toggles(ToggleGroup group, ObservableValue<T> property, Consumer<T> command) {
        boolean[] following = {false};
        Runnable show = () -> {
            following[0] = true;
            for (Toggle t : group.getToggles()) {
                if (Objects.equals(t.getUserData(), property.getValue())) {
                    group.selectToggle(t);
                }
            }
            following[0] = false;
        };
        show.run();
        property.addListener((o, was, is) -> show.run());
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (following[0]) {
                return;
            }
            if (is == null) { // a click on the selected one: keep it selected
                show.run();
                return;
            }
            @SuppressWarnings("unchecked")
            T wanted = (T) is.getUserData();
            if (!wanted.equals(property.getValue())) {
                command.accept(wanted);
                show.run();
            }
        });
    }
}
