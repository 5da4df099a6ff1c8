package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import javafx.animation.FadeTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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
 * <p>A student's process ({@link ProcessModel#observed()}) is drawn the same way, with what the
 * system tells of it: its command, its open descriptors ({@code 4 fds}, in the colour of a leak
 * once more are open than when first seen), and how it ended: a zombie (style class
 * {@code zombie}, "zombie — ended, not reaped") or a crash (style class {@code crashed}, the
 * signal and what it usually means). Either way its lanes end, as a reaped child's do.
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
    private final Label descriptors = Nodes.label("", "tag", "tag-fds");
    private final Label crash = Nodes.label("", "crash-note");
    private final Label crashMeaning = Nodes.label("", "crash-meaning");
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
        if (process.isServer() && !process.observed()) {
            header.getChildren().addAll(Nodes.label("PID " + process.pid() + " · " + process.kind(),
                    "process-title"), gap, rss, draining);
        } else if (process.isServer()) { // a student's command is long: it gives way, the PID and figures stay
            Label pid = Nodes.label("PID " + process.pid(), "process-title");
            pid.setMinWidth(Region.USE_PREF_SIZE);
            Label kind = Nodes.label(process.kind(), "process-kind", "process-command");
            Tooltip.install(kind, new Tooltip(process.kind()));
            HBox.setHgrow(kind, Priority.SOMETIMES);
            header.getChildren().addAll(pid, kind, gap, descriptors, rss);
        } else {
            Label pid = Nodes.label("PID " + process.pid(), "process-title");
            pid.setMinWidth(Region.USE_PREF_SIZE); // in a small box the PID stays whole; "child JVM" gives way
            header.getChildren().addAll(pid, gap, Nodes.label(process.kind(), "process-kind"));
        }
        crashMeaning.setWrapText(true);
        descriptors.setMinWidth(Region.USE_PREF_SIZE);
        data = new DataRegion(process, frames);
        memory = new MemoryStrip(data, process.isServer(), process.observed());
        threads = new ThreadsArea(process.threads(), w -> !"virtual".equals(w.role()), process.isServer(), frames);
        top.getStyleClass().add("process-top");
        bottom.getStyleClass().add("process-bottom");
        if (process.isServer()) {
            getChildren().addAll(header, crash, crashMeaning, top, memory, threads, bottom);
        } else {
            FlowPane footer = new FlowPane(status, descriptors, rss, draining);
            footer.getStyleClass().add("process-footer");
            getChildren().addAll(header, client, memory, threads, footer);
        }
        Nodes.show(rss, false);
        rss.setMinWidth(Region.USE_PREF_SIZE); // "RSS 347 MB" whole, or not at all
        watches = new Watches(frames, this).on(process.clientProperty(), process.spawnMicrosProperty(),
                process.rssBytesProperty(), process.exitCodeProperty(), process.drainingProperty(),
                process.zombieProperty(), process.crashProperty(), process.descriptorsProperty(),
                process.firstDescriptorsProperty());
        refresh();
    }

    @Override
    public void refresh() {
        String served = process.clientProperty().get();
        Nodes.text(client, served.isEmpty() ? "for a client" : "serves " + served);
        Nodes.show(client, !served.isEmpty() || !process.observed()); // a student's child may hold none (yet, or any more)
        long bytes = process.rssBytesProperty().get();
        Nodes.text(rss, "RSS " + megabytes(bytes));
        Nodes.show(rss, bytes > 0);
        boolean isDraining = process.drainingProperty().get() && !process.reaped();
        Nodes.show(draining, isDraining);
        observed();
        if (!process.isServer()) {
            Nodes.text(status, status());
            boolean reaped = process.reaped();
            Nodes.toggle(status, "exit-bad", reaped && process.exitCodeProperty().get() != 0);
            Nodes.toggle(status, "zombie-note", process.zombieProperty().get());
            Nodes.toggle(this, "reaped", reaped);
            if (reaped && fadeOut == null) {
                threads.ended();
                fadeOut = new FadeTransition(FADE_OUT, this);
                fadeOut.setToValue(0.15);
                fadeOut.play();
            }
        }
    }

    /** What the system tells of a student's process: its descriptors, and whether it ended, and how. */
    private void observed() {
        boolean zombie = process.zombieProperty().get();
        String how = process.crashProperty().get();
        boolean crashed = !how.isEmpty();
        boolean ended = zombie || crashed;
        int open = process.descriptorsProperty().get();
        int grown = open - process.firstDescriptorsProperty().get();
        Nodes.text(descriptors, open + (process.isServer() ? (open == 1 ? " descriptor" : " descriptors") : " fds")
                + (grown > 0 && process.isServer() ? " · +" + grown + " since first seen" : ""));
        Nodes.show(descriptors, open >= 0 && !ended);
        Nodes.toggle(descriptors, "grown", grown > 0);
        Nodes.toggle(this, "zombie", zombie);
        Nodes.toggle(this, "crashed", crashed);
        Nodes.text(crash, how);
        Nodes.show(crash, crashed);
        String meaning = process.crashMeaningProperty().get();
        Nodes.text(crashMeaning, meaning.isEmpty() ? "" : "usually " + meaning);
        Nodes.show(crashMeaning, crashed && !meaning.isEmpty());
        if (ended) {
            threads.ended(); // nothing of an ended process runs
        }
    }

    private String status() {
        if (process.zombieProperty().get()) {
            return "zombie — ended, not reaped";
        }
        if (process.observed() && !process.reaped()) {
            return "running";
        }
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
        // a student's child has no counter to show: small, it is its PID, its client and its thread
        Nodes.show(memory, !(on && process.observed()));
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
