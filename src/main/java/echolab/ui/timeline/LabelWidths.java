package echolab.ui.timeline;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures lane names once per name and font, so sizing the gutter each frame costs a map lookup. */
final class LabelWidths {

    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private Font font;

    double width(String text, Font f) {
        if (!f.equals(font)) {
            font = f;
            probe.setFont(f);
            widths.clear();
        }
        if (widths.size() > 10_000) {
            widths.clear(); // names come and go with clients; don't keep every one ever seen
        }
        return widths.computeIfAbsent(text, t -> {
            probe.setText(t);
            return probe.getLayoutBounds().getWidth();
        });
    }
}
