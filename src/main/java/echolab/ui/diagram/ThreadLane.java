package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.WorkerModel;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One thread as a lane: its stack in the colour of its state, its name, the client it serves
 * ({@code ▸▸▸ client-3}), what it does, and a {@code draining} tag once its model is no longer
 * current. Its id is the worker's {@link WorkerModel#nodeId()}.
 *
 * <p>Threading: FX thread only.
 */
final class ThreadLane extends HBox implements FrameCoalescer.Refreshable {

    /** How much a lane says: all of it, one line, or only its name and colour. */
    enum Density { ROOMY, COMPACT, TINY }

    private static final Duration LOST_SHOWN = Duration.seconds(1.8);

    private final WorkerModel worker;
    private final boolean showsClient;
    private final StackGlyph stack = new StackGlyph();
    private final Label name;
    private final Label state = Nodes.label("", "lane-state");
    private final Label serving = Nodes.label("", "lane-serving");
    private final Label draining = Nodes.label("draining", "tag", "tag-draining");
    private final Label lost = Nodes.label("", "tag", "tag-lost");
    /** The second line of a roomy lane: what the thread does, or for a moment a lost update. */
    private final HBox second = new HBox(state, lost);
    private final Watches watches;
    private PauseTransition lostTimer;
    private Density density = Density.ROOMY;
    private boolean ended;

    /**
     * @param showsClient whether to name the served client (a child's box already names it)
     */
    ThreadLane(WorkerModel worker, boolean showsClient, FrameCoalescer frames) {
        this.worker = worker;
        this.showsClient = showsClient;
        setId(worker.nodeId());
        getStyleClass().add("lane");
        setAlignment(Pos.CENTER_LEFT);
        name = Nodes.label(shownName(worker), "lane-name");
        name.setMinWidth(Region.USE_PREF_SIZE); // the name is the last thing to give up its room
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(name, serving, gap, draining);
        top.getStyleClass().add("lane-top");
        top.setAlignment(Pos.CENTER_LEFT);
        second.getStyleClass().add("lane-second");
        second.setAlignment(Pos.CENTER_LEFT);
        VBox words = new VBox(top, second);
        words.getStyleClass().add("lane-words");
        words.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        getChildren().addAll(stack, words);
        Nodes.show(lost, false);
        watches = new Watches(frames, this).on(worker.stateProperty(), worker.clientProperty(),
                worker.drainingProperty(), worker.doingProperty());
        refresh();
    }

    /** A child process's only thread is its main thread; the box around it already says the PID. */
    private static String shownName(WorkerModel w) {
        return "process".equals(w.role()) ? "main" : w.displayName();
    }

    WorkerModel worker() {
        return worker;
    }

    @Override
    public void refresh() {
        if (ended) {
            return;
        }
        stack.state(worker.state());
        String doing = worker.doingProperty().get();
        Nodes.text(state, doing.isEmpty() ? worker.state().description() : doing);
        String client = worker.clientProperty().get();
        boolean serves = !client.isEmpty();
        boolean isDraining = worker.drainingProperty().get();
        Nodes.text(serving, serves ? (density == Density.ROOMY ? "▸▸▸ " : "▸ ") + client : "");
        // a one-line lane has room for one of the two: that its model is leaving matters more
        Nodes.show(serving, serves && showsClient && (density == Density.ROOMY
                || density == Density.COMPACT && !isDraining));
        Nodes.show(draining, isDraining && density != Density.TINY);
        Nodes.toggle(this, "draining", isDraining);
        Nodes.toggle(this, "busy", serves);
    }

    /** Its process has ended: the thread's stack is gone with it. */
    void ended() {
        if (ended) {
            return;
        }
        ended = true;
        watches.dispose();
        stack.state(Activity.CLOSED);
        Nodes.text(state, "ended with its process");
        Nodes.show(serving, false);
        Nodes.show(draining, false);
        Nodes.toggle(this, "busy", false);
    }

    void density(Density wanted) {
        if (density == wanted) {
            return;
        }
        density = wanted;
        Nodes.show(second, wanted == Density.ROOMY);
        Nodes.show(state, wanted == Density.ROOMY && !lost.isVisible());
        if (wanted != Density.ROOMY) {
            hideLost();
        }
        Nodes.toggle(this, "compact", wanted != Density.ROOMY);
        Nodes.toggle(this, "tiny", wanted == Density.TINY);
        refresh();
    }

    /**
     * Marks the lane for a moment as one side of a lost update: a red outline, and in a roomy lane
     * {@code what} in place of the state's words.
     */
    void markLost(String what) {
        Nodes.toggle(this, "lost", true);
        if (density == Density.ROOMY) {
            lost.setText(what);
            Nodes.show(state, false);
            Nodes.show(lost, true);
        }
        if (lostTimer == null) {
            lostTimer = new PauseTransition(LOST_SHOWN);
            lostTimer.setOnFinished(e -> hideLost());
        }
        lostTimer.playFromStart();
    }

    private void hideLost() {
        Nodes.toggle(this, "lost", false);
        Nodes.show(lost, false);
        Nodes.show(state, density == Density.ROOMY);
    }

    void dispose() {
        watches.dispose();
        if (lostTimer != null) {
            lostTimer.stop();
        }
    }
}
