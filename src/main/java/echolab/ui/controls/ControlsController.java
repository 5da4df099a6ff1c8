package echolab.ui.controls;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.model.LabViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The right-hand panel: mode, clients, protection, settings and the live figures. Its handlers
 * are one-line delegations to {@link ControlsViewModel}; what the buttons show follows the view
 * model, which follows the server's events.
 */
public final class ControlsController {

    @FXML private ToggleGroup modeGroup;
    @FXML private ToggleGroup protectionGroup;
    @FXML private Label modeExplanation;
    @FXML private Label protectionExplanation;
    @FXML private Label statusLabel;
    @FXML private Slider raceWindowSlider;
    @FXML private Label raceWindowValue;
    @FXML private Slider delaySlider;
    @FXML private Label delayValue;
    @FXML private Slider poolSizeSlider;
    @FXML private Label poolSizeValue;
    @FXML private CheckBox blockingLoopCheck;

    @FXML private Label figClients;
    @FXML private Label figEchoed;
    @FXML private Label figCounter;
    @FXML private Label figExpected;
    @FXML private Label figLost;
    @FXML private Label figChildren;
    @FXML private Label figProcesses;
    @FXML private Label figThreads;
    @FXML private Label figMemory;
    @FXML private Label figChildMemory;
    @FXML private Label figSpawn;
    @FXML private Label figLatency;
    @FXML private Label figEvents;
    @FXML private Label figDropped;

    private ControlsViewModel controls;
    private boolean following;

    /** Connects the panel to its view models; FX thread, once. */
    public void attach(ControlsViewModel controls, FiguresViewModel figures) {
        this.controls = controls;
        LabViewModel model = controls.model();
        statusLabel.textProperty().bind(controls.statusProperty());

        for (Toggle t : modeGroup.getToggles()) {
            Mode m = Mode.parse((String) t.getUserData());
            javafx.scene.control.ToggleButton b = (javafx.scene.control.ToggleButton) t;
            b.setTooltip(new Tooltip(controls.unavailable(m).orElse(ControlsViewModel.explain(m))));
            controls.unavailable(m).ifPresent(reason -> b.setDisable(true));
        }
        follow(modeGroup, model.modeProperty(), Mode::id, Mode::parse, controls::selectMode);
        modeExplanation.textProperty().bind(Bindings.createStringBinding(
                () -> ControlsViewModel.explain(model.modeProperty().get()), model.modeProperty()));

        follow(protectionGroup, model.protectionProperty(), Protection::id, Protection::parse, controls::selectProtection);
        protectionExplanation.textProperty().bind(Bindings.createStringBinding(
                () -> ControlsViewModel.explain(model.protectionProperty().get()), model.protectionProperty()));

        follow(raceWindowSlider, raceWindowValue, model.raceWindowMicrosProperty(), "%d µs", controls::setRaceWindowMicros);
        follow(delaySlider, delayValue, model.delayMillisProperty(), "%d ms", controls::setDelayMillis);
        follow(poolSizeSlider, poolSizeValue, model.poolSizeProperty(), "%d workers", n -> controls.setPoolSize((int) n));
        blockingLoopCheck.setSelected(model.blockingLoopProperty().get());
        model.blockingLoopProperty().addListener((o, was, is) -> blockingLoopCheck.setSelected(is));
        blockingLoopCheck.selectedProperty().addListener((o, was, is) -> {
            if (is != model.blockingLoopProperty().get()) {
                controls.setBlockingLoop(is);
            }
        });

        bindFigures(figures);
    }

    /** Keeps a toggle group showing {@code property}; a click asks for the change through {@code command}. */
    private <T> void follow(ToggleGroup group, Property<T> property, java.util.function.Function<T, String> id,
                            java.util.function.Function<String, T> parse, Consumer<T> command) {
        Runnable show = () -> {
            following = true;
            for (Toggle t : group.getToggles()) {
                if (id.apply(property.getValue()).equals(t.getUserData())) {
                    group.selectToggle(t);
                }
            }
            following = false;
        };
        show.run();
        property.addListener((o, was, is) -> show.run());
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (following) {
                return;
            }
            if (is == null) { // a click on the selected button: keep it selected
                show.run();
                return;
            }
            T wanted = parse.apply((String) is.getUserData());
            if (!wanted.equals(property.getValue())) {
                command.accept(wanted);
                show.run(); // stays on the current value until the server's event says it changed
            }
        });
    }

    /** Keeps a slider showing {@code property}; moving it asks for the change through {@code command}. */
    private void follow(Slider slider, Label value, ObservableValue<Number> property, String format, LongConsumer command) {
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

    private void bindFigures(FiguresViewModel f) {
        figClients.textProperty().bind(f.activeClientsProperty().asString());
        figEchoed.textProperty().bind(f.echoedProperty().asString());
        figCounter.textProperty().bind(f.counterProperty().asString());
        figExpected.textProperty().bind(f.expectedProperty().asString());
        figLost.textProperty().bind(f.lostProperty().asString());
        figChildren.textProperty().bind(f.childIncrementsProperty().asString());
        figProcesses.textProperty().bind(f.processesAliveProperty().asString());
        figThreads.textProperty().bind(f.threadsAliveProperty().asString());
        figMemory.textProperty().bind(Bindings.createStringBinding(
                () -> Units.megabytes(f.serverMemoryBytesProperty().get()), f.serverMemoryBytesProperty()));
        figChildMemory.textProperty().bind(Bindings.createStringBinding(
                () -> Units.megabytes(f.childMemoryBytesProperty().get()), f.childMemoryBytesProperty()));
        figSpawn.textProperty().bind(Bindings.createStringBinding(
                () -> f.averageSpawnMillisProperty().get() <= 0 ? "–"
                        : String.format(Locale.ROOT, "%.0f ms", f.averageSpawnMillisProperty().get()),
                f.averageSpawnMillisProperty()));
        figLatency.textProperty().bind(Bindings.createStringBinding(
                () -> Units.microsPair(f.latencyP50MicrosProperty().get(), f.latencyP99MicrosProperty().get()),
                f.latencyP50MicrosProperty(), f.latencyP99MicrosProperty()));
        figEvents.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,.0f", f.eventsPerSecondProperty().get()), f.eventsPerSecondProperty()));
        figDropped.textProperty().bind(f.eventsDroppedProperty().asString());
        figLost.styleProperty().bind(Bindings.when(f.lostProperty().greaterThan(0))
                .then("-fx-text-fill: -lost;").otherwise(""));
    }

    // Handlers

    @FXML
    private void onAddClient() {
        controls.addClient();
    }

    @FXML
    private void onAddFive() {
        controls.addClients(5);
    }

    @FXML
    private void onAddSlow() {
        controls.addSlowClient();
    }

    @FXML
    private void onDisconnectAll() {
        controls.disconnectAll();
    }
}
