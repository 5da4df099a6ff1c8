package echolab.ui.sync;

import java.util.List;

import echolab.sync.step.Action;
import echolab.sync.step.RaceState;
import echolab.sync.step.Recording;
import echolab.sync.step.StepThroughRace;
import echolab.sync.step.Worker;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * All the state and logic of the step-through view, knowing no control: the race's state turned
 * into properties, and the commands the view's buttons call.
 *
 * <p>Threading: FX thread only. The commands call the race directly: its calls return within
 * microseconds (a step waits only for the stepped worker's few instructions, never for the lock or
 * the student), so the FX thread is not held up. Should a step not have settled on return (a
 * swamped machine), the model looks again on a {@link PauseTransition} until it has.
 */
public final class StepThroughViewModel {

    /** How the result line should look. */
    public enum Outcome { PENDING, WARNING, WAITING, LOST, SAFE }

    /** The result line: its words and its look. */
    public record Result(Outcome outcome, String text) {
    }

    /** One entry of the history as shown. */
    public record HistoryRow(int number, Worker worker, Action action, String text, boolean lost) {
    }

    private static final Duration RECHECK = Duration.millis(40);

    private final StepThroughRace race;
    private final StepWorkerModel a = new StepWorkerModel(Worker.A);
    private final StepWorkerModel b = new StepWorkerModel(Worker.B);
    private final PauseTransition recheck = new PauseTransition(RECHECK);

    // Properties
    private final ReadOnlyStringWrapper counter = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper lockStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastTouch = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canReplay = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canReplayNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper replayStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StepTexts.Explanation> explanation =
            new ReadOnlyObjectWrapper<>(StepTexts.WITHOUT_LOCK);
    private boolean closed;

    /** A model over {@code race}, which it closes in {@link #close()}. FX thread. */
    public StepThroughViewModel(StepThroughRace race) {
        this.race = race;
        recheck.setOnFinished(e -> refresh());
        refresh();
    }

    // Commands

    /** Gives {@code worker} its next step; nothing happens when it is done or blocked. */
    public void step(Worker worker) {
        if (!closed) {
            race.step(worker);
            refresh();
        }
    }

    /** Starts over with the lock on or off. */
    public void setLocked(boolean on) {
        if (!closed && on != locked.get()) {
            race.start(on);
            refresh();
        }
    }

    /** Starts over in the same mode. */
    public void reset() {
        if (!closed) {
            race.reset();
            refresh();
        }
    }

    /** Starts over to replay the clicks of this run (or of the replay under way), one per {@link #replayNext()}. */
    public void replay() {
        if (!closed && canReplay.get()) {
            race.replay(race.recording());
            refresh();
        }
    }

    /** The next click of the replay. */
    public void replayNext() {
        if (!closed) {
            race.replayNext();
            refresh();
        }
    }

    /** Ends the race's threads; the model shows what it last showed. Idempotent. */
    public void close() {
        closed = true;
        recheck.stop();
        race.close();
    }

    // Folding the race's state into the properties

    private void refresh() {
        if (closed) {
            return;
        }
        RaceState s = race.state();
        Recording recording = race.recording();
        boolean stepsAllowed = !s.replayHasNext(); // a replay under way drives the workers itself
        a.show(s.a(), s.locked(), stepsAllowed);
        b.show(s.b(), s.locked(), stepsAllowed);
        counter.set(Long.toString(s.counter()));
        lockStatus.set(StepTexts.lock(s));
        lastTouch.set(StepTexts.lastTouch(s));
        locked.set(s.locked());
        lost.set(s.lostUpdate());
        List<HistoryRow> rows = s.steps().stream()
                .map(x -> new HistoryRow(x.number(), x.worker(), x.action(), StepTexts.history(x, s.steps(), s.locked()),
                        x.overwrote()))
                .toList();
        if (!rows.equals(history)) {
            history.setAll(rows);
        }
        result.set(StepTexts.result(s));
        canReplay.set(!recording.isEmpty());
        canReplayNext.set(s.replayHasNext());
        String status = StepTexts.replay(s);
        if (s.replayHasNext()) {
            status += ", next: " + recording.steps().get(s.replayPosition());
        }
        replayStatus.set(status);
        explanation.set(StepTexts.explanation(s.locked()));
        if (!s.settled()) {
            recheck.playFromStart();
        }
    }

    // Properties

    public StepWorkerModel worker(Worker w) {
        return w == Worker.A ? a : b;
    }

    /** The shared counter's value. */
    public ReadOnlyStringProperty counterProperty() {
        return counter.getReadOnlyProperty();
    }

    /** Who holds the lock, or that there is none. */
    public ReadOnlyStringProperty lockStatusProperty() {
        return lockStatus.getReadOnlyProperty();
    }

    /** The last read or write of the counter. */
    public ReadOnlyStringProperty lastTouchProperty() {
        return lastTouch.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Both have written and the counter is not 2. */
    public ReadOnlyBooleanProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    /** The steps taken so far, oldest first. */
    public ObservableList<HistoryRow> history() {
        return historyView;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether there are clicks to replay. */
    public ReadOnlyBooleanProperty canReplayProperty() {
        return canReplay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReplayNextProperty() {
        return canReplayNext.getReadOnlyProperty();
    }

    /** Where a replay stands, or empty. */
    public ReadOnlyStringProperty replayStatusProperty() {
        return replayStatus.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<StepTexts.Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
