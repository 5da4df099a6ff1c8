package echolab.ui.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import echolab.sync.step.Phase;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Java lines one worker runs, with a mark at each: run, runs on the next click, waits here
 * (blocked in {@code lock()}), or later. Threading: FX thread only.
 */
final class CodeListing extends VBox {

    private static final String[] STATE_CLASSES = {"done", "next", "waiting", "later"};

    private final List<HBox> rows = new ArrayList<>();
    private List<StepCode.Line> lines = List.of();

    CodeListing() {
        getStyleClass().add("step-code");
    }

    /** Shows the code of the mode ({@code locked} or not) marked for {@code phase}. */
    void show(boolean locked, Phase phase) {
        List<StepCode.Line> wanted = StepCode.lines(locked);
        if (wanted != lines) {
            lines = wanted;
            rows.clear();
            getChildren().clear();
            for (StepCode.Line line : lines) {
                Label mark = new Label();
                mark.getStyleClass().add("code-mark");
                Label text = new Label(line.text());
                text.getStyleClass().add("code-text");
                HBox row = new HBox(mark, text);
                row.getStyleClass().add("code-line");
                rows.add(row);
            }
            getChildren().addAll(rows);
        }
        for (int i = 0; i < lines.size(); i++) {
            StepCode.LineState state = StepCode.state(lines.get(i), phase);
            HBox row = rows.get(i);
            String wantedClass = state.name().toLowerCase(Locale.ROOT);
            if (!row.getStyleClass().contains(wantedClass)) {
                row.getStyleClass().removeAll(STATE_CLASSES);
                row.getStyleClass().add(wantedClass);
            }
            ((Label) row.getChildren().get(0)).setText(switch (state) {
                case DONE -> "✓";
                case NEXT -> "▶";
                case WAITING -> "■";
                case LATER -> " ";
            });
        }
    }
}
