package echolab.ui.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import echolab.events.EventBus;
import echolab.sync.step.StepThroughRace;
import echolab.sync.step.Worker;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The step-through of a lost update: two worker threads and the counter they share, stepped by
 * the student one read, add or write at a time, with or without a lock, with the history of the
 * steps, the result and a short explanation. Laid out in {@code fxml/step-through.fxml}, styled by
 * {@code css/sync.css} (which the view adds to itself); its handlers are one-line delegations to
 * {@link StepThroughViewModel}.
 *
 * <p>Ids for tests: {@code stepA}, {@code stepB}, {@code stepCounter}, {@code stepLock},
 * {@code stepReset}, {@code stepReplay}, {@code stepReplayNext}, {@code stepReplayStatus},
 * {@code stepHistory}, {@code stepResult}, {@code stepPhaseA}/{@code B}, {@code stepLocalA}/{@code B},
 * {@code stepHoldsA}/{@code B}, {@code stepWorkerA}/{@code B}, {@code stepCodeA}/{@code B},
 * {@code stepLockStatus}, {@code stepLastTouch}.
 *
 * <p>The view owns its race: its threads start with the first step and end with {@link #close()}
 * (or by themselves once both workers have written). Threading: FX thread only.
 */
public final class StepThroughView extends VBox {

    static final String FXML = "/fxml/step-through.fxml";
    static final String CSS = "/css/sync.css";

    private final StepThroughViewModel model;

    @FXML private WorkerColumn columnA;
    @FXML private WorkerColumn columnB;
    @FXML private Label stepCounter;
    @FXML private Label stepLockStatus;
    @FXML private Label stepLastTouch;
    @FXML private CheckBox stepLock;
    @FXML private Button stepReplay;
    @FXML private Button stepReplayNext;
    @FXML private Label stepReplayStatus;
    @FXML private ListView<StepThroughViewModel.HistoryRow> stepHistory;
    @FXML private Label stepResult;
    @FXML private Text whatHeading;
    @FXML private Text whatText;
    @FXML private Text whyHeading;
    @FXML private Text whyText;
    @FXML private Text fixHeading;
    @FXML private Text fixText;

    /** A view with its own race, whose steps reach no log. */
    public StepThroughView() {
        this(new EventBus());
    }

    /** A view with its own race, publishing each step on {@code events} (the window's log shows them). */
    public StepThroughView(EventBus events) {
        model = new StepThroughViewModel(new StepThroughRace(events));
        FXMLLoader loader = new FXMLLoader(StepThroughView.class.getResource(FXML));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        getStylesheets().add(StepThroughView.class.getResource(CSS).toExternalForm());
        bind();
    }

    private void bind() {
        columnA.bind(model.worker(Worker.A), model, () -> model.step(Worker.A));
        columnB.bind(model.worker(Worker.B), model, () -> model.step(Worker.B));
        stepCounter.textProperty().bind(model.counterProperty());
        stepLockStatus.textProperty().bind(model.lockStatusProperty());
        stepLastTouch.textProperty().bind(model.lastTouchProperty());
        toggle(stepCounter, "lost", model.lostProperty().get());
        model.lostProperty().addListener((o, was, is) -> toggle(stepCounter, "lost", is));

        stepLock.setSelected(model.lockedProperty().get());
        model.lockedProperty().addListener((o, was, is) -> stepLock.setSelected(is));
        stepLock.selectedProperty().addListener((o, was, is) -> model.setLocked(is));

        stepReplay.disableProperty().bind(model.canReplayProperty().not());
        stepReplayNext.disableProperty().bind(model.canReplayNextProperty().not());
        stepReplayStatus.textProperty().bind(model.replayStatusProperty());
        stepReplayStatus.visibleProperty().bind(model.replayStatusProperty().isNotEmpty());
        stepReplayStatus.managedProperty().bind(stepReplayStatus.visibleProperty()); // takes no room when no replay runs

        stepHistory.setItems(model.history());
        stepHistory.setCellFactory(list -> new HistoryCell());
        stepHistory.getItems().addListener((ListChangeListener<StepThroughViewModel.HistoryRow>) c -> {
            if (!stepHistory.getItems().isEmpty()) {
                stepHistory.scrollTo(stepHistory.getItems().size() - 1); // the newest step stays in sight
            }
        });

        stepResult.textProperty().bind(Bindings.createStringBinding(
                () -> model.resultProperty().get().text(), model.resultProperty()));
        outcome(model.resultProperty().get());
        model.resultProperty().addListener((o, was, is) -> outcome(is));

        explain(model.explanationProperty().get());
        model.explanationProperty().addListener((o, was, is) -> explain(is));
    }

    private void outcome(StepThroughViewModel.Result result) {
        for (StepThroughViewModel.Outcome o : StepThroughViewModel.Outcome.values()) {
            toggle(stepResult, o.name().toLowerCase(Locale.ROOT), o == result.outcome());
        }
    }

    private void explain(StepTexts.Explanation e) {
        whatHeading.setText(e.whatHeading() + ": ");
        whatText.setText(e.what());
        whyHeading.setText(e.whyHeading() + ": ");
        whyText.setText(e.why());
        fixHeading.setText(e.fixHeading() + ": ");
        fixText.setText(e.fix());
    }

    private static void toggle(Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** The model behind the view, for the window and for tests. */
    public StepThroughViewModel model() {
        return model;
    }

    /** Ends the race's threads, wherever they wait. Idempotent; FX thread. */
    public void close() {
        model.close();
    }

    // Handlers

    @FXML
    private void onReset() {
        model.reset();
    }

    @FXML
    private void onReplay() {
        model.replay();
    }

    @FXML
    private void onReplayNext() {
        model.replayNext();
    }
}
