package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ProcessModel;
import echolab.ui.model.ProcessModel.CounterTouch;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The data segment of one process, holding that process's own copy of the counter (label id
 * {@code counter-<pid>}). It flashes on every read and every write of the counter, each in its own
 * colour, restarted at most once a frame however many touches the frame held, and says who touched
 * it last.
 *
 * <p>Threading: FX thread only.
 */
final class DataRegion extends StackPane implements FrameCoalescer.Refreshable {

    private static final Duration FLASH = Duration.millis(480);

    private final ProcessModel process;
    private final Label counter = Nodes.label("0", "counter-value");
    private final Label touch = Nodes.label(" ", "counter-touch");
    private final Label guard = Nodes.label("", "tag", "guard");
    private final Label note = Nodes.label("", "data-note");
    private final VBox body;
    private final StackPane flash = new StackPane();
    private final FadeTransition fade = new FadeTransition(FLASH, flash);
    /**
     * Touches in a steady stream hold the highlight still and it fades once they stop: a fade
     * restarted on every touch would animate, and redraw the region, on every frame.
     */
    private final PauseTransition quiet = new PauseTransition(FLASH);
    private final Watches watches;
    private long flashedSerial;

    DataRegion(ProcessModel process, FrameCoalescer frames) {
        this.process = process;
        getStyleClass().addAll("segment", "segment-data");
        counter.setId("counter-" + process.pid());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(Nodes.label("DATA", "segment-name"), gap, guard);
        header.setAlignment(Pos.CENTER_LEFT);
        // a student's process keeps its counter where EchoLab cannot see it: the segment says whose it is
        String caption = process.observed() ? (process.isServer() ? "its globals" : "globals (own copy)")
                : process.isServer() ? "counter" : "counter\n(own copy)";
        HBox value = new HBox(Nodes.label(caption, "counter-caption"), counter);
        Nodes.show(counter, !process.observed());
        Nodes.show(touch, !process.observed());
        value.getStyleClass().add("counter-row");
        value.setAlignment(Pos.CENTER_LEFT);
        note.setWrapText(true);
        body = new VBox(header, value, touch, note);
        body.getStyleClass().add("segment-body");
        Region fill = new Region();
        fill.getStyleClass().add("flash-fill");
        Region outline = new Region();
        outline.getStyleClass().add("flash-outline");
        flash.getChildren().addAll(fill, outline);
        flash.getStyleClass().add("flash");
        flash.setMouseTransparent(true);
        flash.setOpacity(0);
        fade.setFromValue(1);
        fade.setToValue(0);
        quiet.setOnFinished(e -> fade.playFromStart());
        getChildren().addAll(flash, body); // behind the words, so a fill does not hide them
        Nodes.show(guard, false);
        Nodes.show(note, false);
        watches = new Watches(frames, this).on(process.counterProperty(), process.lastTouchProperty());
        refresh();
    }

    @Override
    public void refresh() {
        Nodes.text(counter, Long.toString(process.counterProperty().get()));
        CounterTouch last = process.lastTouchProperty().get();
        if (last.touch() == ProcessModel.Touch.NONE || last.serial() == flashedSerial) {
            return;
        }
        flashedSerial = last.serial();
        Nodes.text(touch, describe(last));
        flash.getStyleClass().removeAll("flash-read", "flash-write", "flash-lost");
        flash.getStyleClass().add(switch (last.touch()) {
            case READ -> "flash-read";
            case LOST -> "flash-lost";
            default -> "flash-write";
        });
        fade.stop();
        flash.setOpacity(1);
        quiet.playFromStart();
    }

    private String describe(CounterTouch t) {
        if (!process.isServer()) {
            return "wrote " + t.value(); // its one thread, named beside: a child box is narrow
        }
        return switch (t.touch()) {
            case READ -> t.worker() + " read " + t.value();
            case LOST -> t.worker() + " wrote " + t.value() + " over a newer value";
            default -> t.worker() + " wrote " + t.value();
        };
    }

    /** What protects the counter; {@code danger} draws it as a warning. */
    void guard(String text, boolean danger) {
        Nodes.text(guard, text);
        Nodes.toggle(guard, "danger", danger);
        Nodes.show(guard, !text.isEmpty());
    }

    /** A remark under the counter, or none when empty. */
    void note(String text) {
        Nodes.text(note, text);
        Nodes.show(note, !text.isEmpty());
    }

    /** Adds a part that belongs in the data region, such as the lost updates. */
    void add(Region part) {
        body.getChildren().add(part);
    }

    void dispose() {
        watches.dispose();
        quiet.stop();
        fade.stop();
    }
}
