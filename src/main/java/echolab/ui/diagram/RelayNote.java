package echolab.ui.diagram;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;

/**
 * What the parent of {@code processes} mode does besides accepting: it relays bytes between each
 * client's socket and its child, one line naming the pairs.
 *
 * <p>Threading: FX thread only.
 */
final class RelayNote extends Label implements FrameCoalescer.Refreshable {

    private static final int NAMED = 4;
    private static final char NO_BREAK = '\u00A0';

    private final ObservableList<ProcessModel> processes;
    private final FrameCoalescer frames;
    private final Watches watches;
    /** A relay ends with its child's reap, which changes no list: each child's exit code is watched. */
    private final Map<ProcessModel, Watches> reaps = new HashMap<>();

    RelayNote(ObservableList<ProcessModel> processes, FrameCoalescer frames) {
        this.processes = processes;
        this.frames = frames;
        setId("relays");
        getStyleClass().add("relays");
        setWrapText(true);
        watches = new Watches(frames, this).on(processes);
        refresh();
    }

    @Override
    public void refresh() {
        reaps.entrySet().removeIf(e -> {
            if (processes.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            return true;
        });
        StringJoiner pairs = new StringJoiner(" · ");
        int live = 0;
        for (ProcessModel p : processes) {
            if (p.isServer()) {
                continue;
            }
            reaps.computeIfAbsent(p, k -> new Watches(frames, this).on(k.exitCodeProperty()));
            if (p.reaped()) {
                continue;
            }
            if (++live <= NAMED) {
                pairs.add((p.clientProperty().get() + " ⇄ PID " + p.pid()).replace(' ', NO_BREAK));
            }
        }
        if (live > NAMED) {
            pairs.add("+" + (live - NAMED) + " more");
        }
        Nodes.text(this, live == 0 ? "RELAYS · none yet: no child is running"
                : "RELAYS socket ⇄ child stdin/stdout · " + pairs);
    }

    void dispose() {
        watches.dispose();
        reaps.values().forEach(Watches::dispose);
        reaps.clear();
    }
}
