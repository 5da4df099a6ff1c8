package echolab.ui.sync;

import echolab.sync.step.Phase;
import echolab.sync.step.Worker;
import echolab.sync.step.WorkerState;
import echolab.ui.model.Activity;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One worker's column as the view shows it: its phase and colour, its local variable, its step
 * button. Threading: FX thread only.
 */
public final class StepWorkerModel {

    private final Worker worker;

    // Properties
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.READY);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("ready to read");
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>(Activity.IDLE);
    private final ReadOnlyStringWrapper local = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper buttonText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper holdsLock = new ReadOnlyBooleanWrapper();

    StepWorkerModel(Worker worker) {
        this.worker = worker;
    }

    /** Shows {@code w}; {@code stepsAllowed} is false while a replay drives the workers. */
    void show(WorkerState w, boolean locked, boolean stepsAllowed) {
        phase.set(w.phase());
        phaseText.set(StepTexts.phase(w));
        activity.set(activityOf(w.phase()));
        local.set(w.phase().hasLocal() ? Long.toString(w.local()) : "–");
        buttonText.set(StepTexts.button(w, locked));
        canStep.set(stepsAllowed && w.canStep());
        holdsLock.set(w.holdsLock());
    }

    /**
     * The state colours of the lab: grey while a worker keeps off the counter (before its read,
     * after its write), the counter's colour between its read and its write, and the lock-wait red.
     */
    static Activity activityOf(Phase phase) {
        return switch (phase) {
            case READY -> Activity.IDLE;
            case READ, ADDED -> Activity.COUNTER;
            case BLOCKED -> Activity.LOCK_WAIT;
            case DONE -> Activity.CLOSED;
        };
    }

    public Worker worker() {
        return worker;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** The worker's local variable, or a dash before its read. */
    public ReadOnlyStringProperty localProperty() {
        return local.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty buttonTextProperty() {
        return buttonText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepProperty() {
        return canStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty holdsLockProperty() {
        return holdsLock.getReadOnlyProperty();
    }
}
