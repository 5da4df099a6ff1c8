package echolab.ui.fx;

import echolab.ui.model.Activity;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Small helpers for style classes, visibility and text, so that a view's refresh only touches what
 * changed; shared by the diagram and the Synchronization lab. FX thread only.
 */
public final class Nodes {

    private Nodes() {
    }

    /** Gives {@code node} the style class of {@code state} (its colour, from the stylesheet) and no other state class. */
    public static void state(Node node, Activity state) {
        ObservableList<String> classes = node.getStyleClass();
        String wanted = state.styleClass();
        if (classes.contains(wanted)) {
            return;
        }
        classes.removeIf(c -> c.startsWith("state-"));
        classes.add(wanted);
    }

    public static void toggle(Node node, String styleClass, boolean on) {
        ObservableList<String> classes = node.getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    /** Shows or hides {@code node}; a hidden node takes no room. */
    public static void show(Node node, boolean on) {
        if (node.isVisible() != on) {
            node.setVisible(on);
        }
        if (node.isManaged() != on) {
            node.setManaged(on);
        }
    }

    public static void text(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /**
     * Shows {@code full} in {@code label} where it has the room, else {@code brief}: for a label
     * that a narrow window would cut to "listening on 127.0…", losing what mattered. The label asks
     * for {@code full}'s width and gives way down to {@code brief}'s.
     */
    public static void fit(Label label, String full, String brief) {
        Runnable choose = () -> {
            double insets = label.snappedLeftInset() + label.snappedRightInset() + 2;
            double fullWidth = textWidth(label, full) + insets;
            label.setPrefWidth(fullWidth);
            label.setMinWidth(Math.min(fullWidth, textWidth(label, brief) + insets));
            text(label, label.getWidth() == 0 || label.getWidth() >= fullWidth - 0.5 ? full : brief);
        };
        label.widthProperty().addListener(o -> choose.run());
        label.fontProperty().addListener(o -> choose.run());
        choose.run();
    }

    private static double textWidth(Label label, String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(label.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth());
    }
}
