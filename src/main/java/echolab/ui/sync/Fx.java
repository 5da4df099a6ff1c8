package echolab.ui.sync;

import java.util.ArrayList;
import java.util.List;

import echolab.ui.model.Activity;
import echolab.ui.model.LabViewModel;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.WorkerModel;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small helpers for the tab's nodes, so that a refresh only touches what changed. FX thread only. */
final class Fx {

    private Fx() {
    }

    /** Gives {@code node} the class of {@code state} (its colour, from echolab.css) and no other state class. */
    static void state(Node node, Activity state) {
        ObservableList<String> classes = node.getStyleClass();
        String wanted = state.styleClass();
        if (classes.contains(wanted)) {
            return;
        }
        classes.removeIf(c -> c.startsWith("state-"));
        classes.add(wanted);
    }

    static void toggle(Node node, String styleClass, boolean on) {
        ObservableList<String> classes = node.getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    /** Shows or hides {@code node}; a hidden node takes no room. */
    static void show(Node node, boolean on) {
        if (node.isVisible() != on) {
            node.setVisible(on);
        }
        if (node.isManaged() != on) {
            node.setManaged(on);
        }
    }

    static void text(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A small square in the colour of {@code state}. */
    static Region swatch(Activity state) {
        Region r = new Region();
        r.getStyleClass().add("sync-swatch");
        state(r, state);
        return r;
    }

    /** The state's short name, as the timeline's legend writes it: {@code state-lock-wait} reads "lock wait". */
    static String shortName(Activity state) {
        return state.styleClass().substring("state-".length()).replace('-', ' ');
    }

    /** A string safe inside a node id. */
    static String idPart(String name) {
        return name.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** The server's workers that serve clients (not its acceptor), in the order they started, at most {@code max}. */
    static List<WorkerModel> workers(LabViewModel model, int max) {
        List<WorkerModel> out = new ArrayList<>();
        ProcessModel server = model.serverProcess();
        if (server == null) {
            return out;
        }
        for (WorkerModel w : server.threads()) {
            if (!"acceptor".equals(w.role()) && !"event-loop".equals(w.role()) && !w.drainingProperty().get()) {
                out.add(w);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }
}
