package echolab.ui.timeline;

import java.util.List;

import echolab.ui.EventPump;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The timeline's toolbar: pause and resume, slow motion, back to live, how far behind the picture
 * runs, and how many seconds the canvas spans. Until {@link #bind} it shows but does nothing.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineControls extends HBox {

    /**
     * Speeds offered: 1 is live; below it slow motion; above it, a picture taken back in time plays
     * forward faster than the run went, until it is live again.
     */
    static final List<Double> SPEEDS = List.of(10.0, 5.0, 2.0, 1.0, 0.5, 0.25, 0.1);
    /** Visible time windows offered, in seconds. */
    static final List<Integer> WINDOWS = List.of(5, 10, 30, 60);
    static final int DEFAULT_WINDOW = 10;

    private final ToggleButton pause = new ToggleButton();
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final Button live = new Button("Go live");
    private final Button stepBack = new Button("◀");
    private final Button stepForward = new Button("▶");
    private final Label lag = new Label("live");
    private final ChoiceBox<Integer> window = new ChoiceBox<>();
    private final IntegerProperty windowSeconds = new SimpleIntegerProperty(DEFAULT_WINDOW);
    // Bidirectional bindings hold their ends weakly: this adapter of the pump's speed must live as long as the view.
    private ObjectProperty<Double> speedAsObject;

    public TimelineControls() {
        getStyleClass().add("timeline-toolbar");

        Label title = new Label("TIMELINE");
        title.getStyleClass().add("timeline-title");

        pause.setId("pauseButton");
        pause.getStyleClass().add("pause-button");
        pause.textProperty().bind(Bindings.when(pause.selectedProperty()).then("▶ Resume").otherwise("❚❚ Pause"));
        pause.setTooltip(new Tooltip("Freeze the picture; the server keeps serving and the events wait in a buffer"));

        speed.setId("speedChoice");
        speed.getItems().setAll(SPEEDS);
        speed.setValue(1.0);
        speed.setConverter(new SpeedNames());
        speed.setTooltip(new Tooltip("Slow motion replays the kept events; the server never slows down."
                + " Faster than 1×: a picture taken back plays forward until it is live"));

        live.setId("liveButton");
        live.setTooltip(new Tooltip("Catch up: show what the server is doing now, at full speed"));

        stepBack.setId("stepBackButton");
        stepForward.setId("stepForwardButton");
        stepBack.getStyleClass().add("step-button");
        stepForward.getStyleClass().add("step-button");
        stepBack.setTooltip(new Tooltip("One event back (←; Shift+← a tenth of a second); or drag the lanes to the right"));
        stepForward.setTooltip(new Tooltip("One event forward (→; Shift+→ a tenth of a second)"));

        lag.setId("lagLabel");
        lag.getStyleClass().addAll("lag-label", "lag-live");
        // beside Go live, it says why that is greyed: the timeline is live already
        lag.setTooltip(new Tooltip("How far behind the server the picture is; Go live is greyed while it says live"));
        echolab.ui.fx.Hints.reason(live, lag);

        window.setId("windowChoice");
        window.getItems().setAll(WINDOWS);
        window.setValue(DEFAULT_WINDOW);
        window.setConverter(new WindowNames());
        window.setTooltip(new Tooltip("How many seconds the timeline spans"));
        window.valueProperty().addListener((obs, was, is) -> windowSeconds.set(is == null ? DEFAULT_WINDOW : is));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // what the choices hold says what they are ("1× live", "10 s"): no captions, so that a narrow
        // panel keeps every word of the title, the buttons and the lag whole
        for (javafx.scene.control.Control c : List.of(title, pause, stepBack, stepForward, live, lag)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, pause, stepBack, stepForward, speed, live, lag, spacer, window);
    }

    /** Drives {@code pump}: pause, speed and live act on it; the lag label follows it. */
    public void bind(EventPump pump) {
        pause.selectedProperty().bindBidirectional(pump.pausedProperty());
        speedAsObject = pump.speedProperty().asObject();
        speed.valueProperty().bindBidirectional(speedAsObject);
        live.setOnAction(e -> pump.goLive());
        stepBack.setOnAction(e -> pump.step(-1));
        stepForward.setOnAction(e -> pump.step(1));
        Runnable showLag = () -> showLag(pump.lagSecondsProperty().get(), pump.pausedProperty().get(),
                pump.speedProperty().get(), pump.behindProperty().get());
        pump.lagSecondsProperty().addListener(obs -> showLag.run());
        pump.pausedProperty().addListener(obs -> showLag.run());
        pump.speedProperty().addListener(obs -> showLag.run());
        pump.behindProperty().addListener(obs -> showLag.run());
        showLag.run();
    }

    private void showLag(double seconds, boolean paused, double speedFactor, boolean behind) {
        boolean isLive = !behind && !paused && speedFactor >= 1.0 && seconds < LagText.LIVE_SECONDS;
        lag.setText(LagText.of(seconds, paused, speedFactor));
        lag.getStyleClass().removeAll("lag-live", "lag-behind");
        lag.getStyleClass().add(isLive ? "lag-live" : "lag-behind");
        live.setDisable(isLive);
    }

    /** A recording is played, not a server: nothing is live, and Go live goes to its end. */
    void replaying() {
        speed.setConverter(new SpeedNames(false));
        live.setText("To the end");
        live.setTooltip(new Tooltip("Show the recording's last instant"));
    }

    /** Chooses the shortest window offered that spans {@code nanos} (the longest when none does). */
    void fit(long nanos) {
        int chosen = WINDOWS.get(WINDOWS.size() - 1);
        for (int seconds : WINDOWS) {
            if (seconds * 1_000_000_000L >= nanos * 1.1) {
                chosen = seconds;
                break;
            }
        }
        window.setValue(chosen);
    }

    // Properties

    /** The visible time window in seconds, as chosen. */
    public IntegerProperty windowSecondsProperty() {
        return windowSeconds;
    }

    /** Shows a speed as the choice reads it: {@code 1× live} (or {@code 1×} in a replay), {@code 0.25×}, {@code 10×}. */
    private static final class SpeedNames extends StringConverter<Double> {
        private final boolean live;

        SpeedNames() {
            this(true);
        }

        SpeedNames(boolean live) {
            this.live = live;
        }

        @Override
        public String toString(Double s) {
            if (s == null) {
                return "";
            }
            return s == 1.0 && live ? "1× live" : LagText.factor(s) + "×";
        }

        @Override
        public Double fromString(String text) {
            return Double.valueOf(text.replace("×", "").replace("live", "").trim());
        }
    }

    /** Shows a window as {@code 10 s}. */
    private static final class WindowNames extends StringConverter<Integer> {
        @Override
        public String toString(Integer seconds) {
            return seconds == null ? "" : seconds + " s";
        }

        @Override
        public Integer fromString(String text) {
            return Integer.valueOf(text.replace("s", "").trim());
        }
    }
}
