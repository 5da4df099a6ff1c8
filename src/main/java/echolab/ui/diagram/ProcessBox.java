package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.animation.FadeTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One operating-system process drawn as a box: its PID, its memory (code, data with its own copy
 * of the counter, heap) and its threads as lanes, each with its stack. The server's box has room
 * above and below the memory for the socket and the mode's queues; a child's box says which
 * client it serves, how long it took to start and, once reaped, its exit code while it fades out.
 *
 * <p>Id {@link ProcessModel#nodeId()}; the model is in {@code getProperties().get("model")}.
 * Threading: FX thread only.
 */
final class ProcessBox extends VBox implements FrameCoalescer.Refreshable {

    /** A little shorter than the time the model keeps a reaped child, so it is gone when removed. */
    private static final Duration FADE_OUT = Duration.millis(2300);

    private final ProcessModel process;
    private final Label client = Nodes.label("", "process-client");
    private final Label status = Nodes.label("", "process-status");
    private final Label rss = Nodes.label("", "tag", "tag-rss");
    private final Label draining = Nodes.label("draining", "tag", "tag-draining");
    private final DataRegion data;
    private final MemoryStrip memory;
    private final ThreadsArea threads;
    private final VBox top = new VBox();
    private final VBox bottom = new VBox();
    private final Watches watches;
    private FadeTransition fadeOut;

    ProcessBox(ProcessModel process, FrameCoalescer frames) {
        this.process = process;
        setId(process.nodeId());
        getProperties().put("model", process);
        getStyleClass().addAll("process-box", process.isServer() ? "server" : "child");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox();
        header.getStyleClass().add("process-header");
        header.setAlignment(Pos.CENTER_LEFT);
        if (process.isServer()) {
            header.getChildren().addAll(Nodes.label("PID " + process.pid() + " · server JVM",
                    "process-title"), gap, rss, draining);
        } else {
            Label pid = Nodes.label("PID " + process.pid(), "process-title");
            pid.setMinWidth(Region.USE_PREF_SIZE); // in a small box the PID stays whole; "child JVM" gives way
            header.getChildren().addAll(pid, gap, Nodes.label("child JVM", "process-kind"));
        }
        data = new DataRegion(process, frames);
        memory = new MemoryStrip(data, process.isServer());
        threads = new ThreadsArea(process.threads(), w -> !"virtual".equals(w.role()), process.isServer(), frames);
        top.getStyleClass().add("process-top");
        bottom.getStyleClass().add("process-bottom");
        if (process.isServer()) {
            getChildren().addAll(header, top, memory, threads, bottom);
        } else {
            FlowPane footer = new FlowPane(status, rss, draining);
            footer.getStyleClass().add("process-footer");
            getChildren().addAll(header, client, memory, threads, footer);
        }
        Nodes.show(rss, false);
        rss.setMinWidth(Region.USE_PREF_SIZE); // "RSS 347 MB" whole, or not at all
        watches = new Watches(frames, this).on(process.clientProperty(), process.spawnMicrosProperty(),
                process.rssBytesProperty(), process.exitCodeProperty(), process.drainingProperty());
        refresh();
    }

    @Override
    public void refresh() {
        String served = process.clientProperty().get();
        Nodes.text(client, served.isEmpty() ? "for a client" : "serves " + served);
        long bytes = process.rssBytesProperty().get();
        Nodes.text(rss, "RSS " + megabytes(bytes));
        Nodes.show(rss, bytes > 0);
        boolean isDraining = process.drainingProperty().get() && !process.reaped();
        Nodes.show(draining, isDraining);
        if (!process.isServer()) {
            Nodes.text(status, status());
            boolean reaped = process.reaped();
            Nodes.toggle(status, "exit-bad", reaped && process.exitCodeProperty().get() != 0);
            Nodes.toggle(this, "reaped", reaped);
            if (reaped && fadeOut == null) {
                threads.ended();
                fadeOut = new FadeTransition(FADE_OUT, this);
                fadeOut.setToValue(0.15);
                fadeOut.play();
            }
        }
    }

    private String status() {
        if (process.reaped()) {
            return "reaped (exit " + process.exitCodeProperty().get() + ")";
        }
        long micros = process.spawnMicrosProperty().get();
        if (micros < 0) {
            return "starting a JVM…";
        }
        return micros < 10_000 ? String.format("ready in %.1f ms", micros / 1000.0)
                : "ready in " + (micros / 1000) + " ms";
    }

    static String megabytes(long bytes) {
        return (bytes + (1 << 19)) / (1 << 20) + " MB";
    }

    ProcessModel process() {
        return process;
    }

    DataRegion data() {
        return data;
    }

    MemoryStrip memory() {
        return memory;
    }

    ThreadsArea threads() {
        return threads;
    }

    /** Draws a child small: only its data segment and its thread as a tile, for many side by side. */
    void small(boolean on) {
        Nodes.toggle(this, "small", on);
        memory.dataOnly(on);
        threads.tilesOnly(on);
    }

    /** Above the memory: where the server's listening socket and backlog go. */
    VBox top() {
        return top;
    }

    /** Below the lanes: where the mode's queue, watched set or carriers go. */
    VBox bottom() {
        return bottom;
    }

    /** The lane of the thread shown as {@code displayName}, if drawn here. */
    ThreadLane lane(String displayName) {
        return threads.lane(displayName);
    }

    void dispose() {
        watches.dispose();
        data.dispose();
        threads.dispose();
        if (fadeOut != null) {
            fadeOut.stop();
        }
    }
}
