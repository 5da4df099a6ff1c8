package echolab.ui.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.WorkerModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The counting semaphore as a gate: the workers waiting on it (in the colour of being blocked on
 * the semaphore), its K permits as tokens, filled while taken, and the workers inside doing the
 * echo work. The tokens count from the server's books; who waits and who is inside comes from the
 * workers' states. Threading: FX thread only.
 */
public final class PermitGate extends HBox {

    private final FlowPane waiting = new FlowPane();
    private final Label nobodyWaits = Nodes.label("nobody", "sync-empty");
    private final HBox tokens = new HBox();
    private final Label taken = Nodes.label("", "gate-taken");
    private final FlowPane inside = new FlowPane();
    private final Label nobodyInside = Nodes.label("nobody", "sync-empty");
    private final Map<String, WorkerBadge> badges = new HashMap<>();
    private final List<String> waitingNow = new ArrayList<>();
    private final List<String> insideNow = new ArrayList<>();

    public PermitGate() {
        setId("semaphoreGate");
        getStyleClass().add("permit-gate");
        setAlignment(Pos.CENTER);
        waiting.setId("semaphoreWaiting");
        waiting.getStyleClass().add("gate-workers");
        inside.setId("semaphoreInsideWorkers");
        inside.getStyleClass().add("gate-workers");
        tokens.setId("semaphoreTokens");
        tokens.getStyleClass().add("gate-tokens");
        tokens.setAlignment(Pos.CENTER);
        VBox left = column("WAITING FOR A PERMIT", waiting, nobodyWaits);
        VBox gate = new VBox(Nodes.label("SEMAPHORE", "gate-title"), tokens, taken);
        gate.getStyleClass().add("gate");
        gate.setAlignment(Pos.CENTER);
        VBox right = column("INSIDE: ECHO WORK", inside, nobodyInside);
        getChildren().addAll(left, Nodes.label("→", "gate-arrow"), gate, Nodes.label("→", "gate-arrow"), right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
    }

    private static VBox column(String title, FlowPane workers, Label empty) {
        VBox box = new VBox(Nodes.label(title, "gate-title"), workers, empty);
        box.getStyleClass().add("gate-column");
        box.setMinWidth(180);
        box.setPrefWidth(200);
        return box;
    }

    /**
     * Shows {@code permits} tokens of which {@code insideNow} are taken, and sorts {@code workers}
     * into those waiting on the semaphore and those doing the echo work.
     */
    public void refresh(int permits, int insideCount, List<WorkerModel> workers) {
        while (tokens.getChildren().size() < permits) {
            Region token = new Region();
            token.getStyleClass().add("permit-token");
            token.setId("permit-" + (tokens.getChildren().size() + 1));
            tokens.getChildren().add(token);
        }
        if (tokens.getChildren().size() > permits) {
            tokens.getChildren().remove(permits, tokens.getChildren().size());
        }
        for (int i = 0; i < permits; i++) {
            Nodes.toggle(tokens.getChildren().get(i), "taken", i < insideCount);
        }
        int over = insideCount - permits;
        Nodes.text(taken, insideCount + " of " + permits + " taken"
                + (over > 0 ? " (" + over + " still inside from before K was lowered)" : ""));
        List<String> nowWaiting = new ArrayList<>();
        List<String> nowInside = new ArrayList<>();
        for (WorkerModel w : workers) {
            Activity a = w.state();
            if (a == Activity.SEMAPHORE_WAIT) {
                nowWaiting.add(w.displayName());
            } else if (a == Activity.SERVICE_WAIT || a == Activity.COUNTER) { // what a worker does past the gate
                nowInside.add(w.displayName());
            }
            badges.computeIfAbsent(w.displayName(), n -> {
                WorkerBadge b = new WorkerBadge(n, false);
                b.setId("gate-" + Fx.idPart(n));
                return b;
            }).show(a);
        }
        fill(waiting, nobodyWaits, waitingNow, nowWaiting);
        fill(inside, nobodyInside, insideNow, nowInside);
    }

    private void fill(FlowPane pane, Label empty, List<String> shown, List<String> now) {
        if (!now.equals(shown)) {
            shown.clear();
            shown.addAll(now);
            List<WorkerBadge> chips = new ArrayList<>();
            for (String n : now) {
                chips.add(badges.get(n));
            }
            pane.getChildren().setAll(chips);
            Nodes.show(empty, now.isEmpty());
        }
    }
}
