package echolab.ui.sync;

import java.util.ArrayList;
import java.util.List;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.diagram.DiagramFold;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.WorkerModel;
import javafx.scene.layout.Region;

/** Helpers of the Synchronization lab's nodes (the general ones are in {@link Nodes}). FX thread only. */
final class Fx {

    private Fx() {
    }

    /** A small square in the colour of {@code state}. */
    static Region swatch(Activity state) {
        Region r = new Region();
        r.getStyleClass().add("sync-swatch");
        Nodes.state(r, state);
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
    static List<WorkerModel> workers(DiagramFold model, int max) {
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
