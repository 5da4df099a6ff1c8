package echolab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.fx.Hints;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The right-hand panel: mode, clients, protection, settings and the live figures. Its handlers
 * are one-line delegations to {@link ControlsViewModel}; what the buttons show follows the view
 * model, which follows the server's events.
 */
public final class ControlsController {

    @FXML private ToggleGroup modeGroup;
    @FXML private ToggleGroup protectionGroup;
    @FXML private Label modeExplanation;
    @FXML private Label modeUnavailable;
    @FXML private Button addClient;
    @FXML private Button addFive;
    @FXML private Button addSlow;
    @FXML private Button disconnectAll;
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
    public void attach(ControlsViewModel controls, FiguresFold figures) {
        this.controls = controls;
        ControlsFold model = controls.model();
        statusLabel.textProperty().bind(controls.statusProperty());

        modeButtons(controls);
        describeControls();
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

    /**
     * Each mode's button says what the mode does and its key (Ctrl+1 to Ctrl+6, the Server menu's);
     * one this Java cannot run is disabled, and the line under the buttons says why.
     */
    private void modeButtons(ControlsViewModel controls) {
        List<String> reasons = new ArrayList<>();
        List<ToggleButton> unavailable = new ArrayList<>();
        for (Toggle t : modeGroup.getToggles()) {
            Mode m = Mode.parse((String) t.getUserData());
            ToggleButton b = (ToggleButton) t;
            Hints.tip(b, ControlsViewModel.explain(m) + " (" + key(Integer.toString(m.ordinal() + 1)) + ")");
            controls.unavailable(m).ifPresent(why -> {
                b.setDisable(true);
                Hints.reason(b, modeUnavailable);
                unavailable.add(b);
                reasons.add(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
            });
        }
        modeUnavailable.setText(String.join(" ", reasons));
        BooleanBinding anyDisabled = Bindings.createBooleanBinding(
                () -> unavailable.stream().anyMatch(ToggleButton::isDisabled),
                unavailable.stream().map(ToggleButton::disabledProperty).toArray(javafx.beans.Observable[]::new));
        modeUnavailable.visibleProperty().bind(anyDisabled);
        modeUnavailable.managedProperty().bind(anyDisabled);
    }

    /** The tooltips of the clients' buttons, the protections, the sliders and the check box. */
    private void describeControls() {
        Hints.tip(addClient, "Connects a client that sends 60 lines, one every tenth of a second (about six seconds), "
                + "and checks every echo. (" + key("N") + ")");
        Hints.tip(addFive, "Connects five such clients at once: enough to see them queue, share the workers "
                + "and collide on the counter. (" + key("Shift+N") + ")");
        Hints.tip(addSlow, "Connects a client that sends nothing for five seconds, then one line a byte at a time: "
                + "in Iterative mode everybody else waits behind it. (" + key("Alt+N") + ")");
        Hints.tip(disconnectAll, "Closes the connections of every client added here; an nc from a terminal stays "
                + "connected. (" + key("D") + ")");
        for (Toggle t : protectionGroup.getToggles()) {
            Protection p = Protection.parse((String) t.getUserData());
            Hints.tip((ToggleButton) t, ControlsViewModel.explain(p)
                    + (p == Protection.NONE ? " Watch Lost updates in the figures." : ""));
        }
        Hints.tip(raceWindowSlider, "How long a worker waits between reading the counter and writing it back, "
                + "0 to 1000 µs: the wider, the more often two workers overlap and, without protection, lose an update.");
        Hints.tip(delaySlider, "How long the server waits before each echo, 0 to 2000 ms, as if the work took time: "
                + "the longer, the longer each client keeps its worker busy.");
        Hints.tip(poolSizeSlider, "How many worker threads the thread pool has, 1 to 16; a running pool changes at once. "
                + "Clients beyond that many wait in its queue.");
        Hints.tip(blockingLoopCheck, "Event loop mode only. On: the loop itself sleeps the wait before each echo, so "
                + "while it waits nobody else is served. Off: the wait is a timer and the one thread serves everybody.");
    }

    /** The key that does what a button does, as this platform writes it: Ctrl+N, or ⌘N on macOS. */
    private static String key(String keys) {
        return System.getProperty("os.name", "").startsWith("Mac")
                ? "⌘" + keys.replace("Shift+", "⇧").replace("Alt+", "⌥")
                : "Ctrl+" + keys;
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

    private void bindFigures(FiguresFold f) {
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
