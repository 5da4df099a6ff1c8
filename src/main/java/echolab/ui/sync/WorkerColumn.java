package echolab.ui.sync;

import echolab.sync.step.Worker;
import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import javafx.beans.NamedArg;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One worker thread: its name and phase (in the lab's state colour), its stack holding its local
 * variable, the lines of code it runs, and its step button ({@code #stepA} or {@code #stepB}).
 * Threading: FX thread only.
 */
public final class WorkerColumn extends VBox {

    private final Worker worker;
    private final Label phase = new Label();
    private final Label holdsLock = new Label("holds the lock");
    private final Label local = new Label("–");
    private final CodeListing code = new CodeListing();
    private final Button step = new Button();

    public WorkerColumn(@NamedArg("worker") Worker worker) {
        this.worker = worker;
        String w = worker.name();
        getStyleClass().add("step-worker");
        setId("stepWorker" + w);

        Label name = new Label("Thread " + w);
        name.getStyleClass().add("step-worker-name");
        Label thread = new Label(worker.threadName());
        thread.getStyleClass().add("step-thread-name");
        VBox names = new VBox(name, thread);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        phase.setId("stepPhase" + w);
        phase.getStyleClass().add("step-phase");
        phase.setMinWidth(Region.USE_PREF_SIZE);
        holdsLock.setId("stepHolds" + w);
        holdsLock.getStyleClass().add("step-holds-lock");
        holdsLock.setMinWidth(Region.USE_PREF_SIZE);
        VBox tags = new VBox(phase, holdsLock);
        tags.getStyleClass().add("step-tags");
        HBox header = new HBox(names, gap, tags);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("step-worker-header");

        // The stack beside the code: the local the code names lives there, and only this thread sees it.
        Label stackTitle = new Label("STACK");
        stackTitle.getStyleClass().add("step-segment-name");
        Label localName = new Label("local");
        localName.getStyleClass().add("step-local-name");
        local.setId("stepLocal" + w);
        local.getStyleClass().add("step-local");
        local.setMinWidth(Region.USE_PREF_SIZE);
        VBox stack = new VBox(stackTitle, localName, local);
        stack.getStyleClass().add("step-stack");
        stack.setMinWidth(Region.USE_PREF_SIZE);
        code.setId("stepCode" + w);
        HBox.setHgrow(code, Priority.ALWAYS);
        HBox body = new HBox(stack, code);
        body.getStyleClass().add("step-worker-body");

        step.setId("step" + w);
        step.getStyleClass().add("step-button");
        step.setMaxWidth(Double.MAX_VALUE);

        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        getChildren().addAll(header, body, push, step);
    }

    public Worker worker() {
        return worker;
    }

    /** Follows {@code model} (and the lock setting of {@code view}); {@code onStep} is the button's command. Once. */
    void bind(StepWorkerModel model, StepThroughViewModel view, Runnable onStep) {
        phase.textProperty().bind(model.phaseTextProperty());
        local.textProperty().bind(model.localProperty());
        step.textProperty().bind(model.buttonTextProperty());
        step.disableProperty().bind(model.canStepProperty().not());
        step.setOnAction(e -> onStep.run());
        show(holdsLock, model.holdsLockProperty().get());
        model.holdsLockProperty().addListener((o, was, is) -> show(holdsLock, is));

        colour(model.activityProperty().get());
        model.activityProperty().addListener((o, was, is) -> colour(is));
        code.show(view.lockedProperty().get(), model.phaseProperty().get());
        model.phaseProperty().addListener((o, was, is) -> code.show(view.lockedProperty().get(), is));
        view.lockedProperty().addListener((o, was, is) -> code.show(is, model.phaseProperty().get()));
    }

    /** The phase tag takes the state's colour class; the whole column says when it is blocked. */
    private void colour(Activity activity) {
        Nodes.state(phase, activity);
        boolean blocked = activity == Activity.LOCK_WAIT;
        if (blocked != getStyleClass().contains("blocked")) {
            if (blocked) {
                getStyleClass().add("blocked");
            } else {
                getStyleClass().remove("blocked");
            }
        }
    }

    private static void show(Label label, boolean on) {
        label.setVisible(on);
        label.setManaged(on);
    }
}
