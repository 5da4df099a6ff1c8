package echolab.ui.lessons;

import echolab.ui.fx.Nodes;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Outlines the one part of the window a lesson step points at (style class {@value #CSS_CLASS})
 * and brings its tab to the front. A part hidden while the lesson is open (the client list, which
 * the panel takes the place of) is shown while it is outlined. FX thread.
 */
final class Highlighter {

    static final String CSS_CLASS = "lesson-highlight";

    private Node outlined;
    private boolean shownForIt;

    /** Outlines {@code target} in {@code scene}, and nothing else; null for nothing at all. */
    void show(Scene scene, HighlightTargets.Target target) {
        Node node = scene == null || target == null ? null : find(scene, target);
        if (node == outlined) {
            return;
        }
        clear();
        if (node == null) {
            return;
        }
        if (target.tabId() != null && scene.lookup("#centreTabs") instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (target.tabId().equals(tab.getId())) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }
        if (!node.isVisible()) {
            Nodes.show(node, true);
            shownForIt = true;
        }
        Nodes.toggle(node, CSS_CLASS, true);
        outlined = node;
    }

    /** Takes the outline off (and hides again what was shown only for it). */
    void clear() {
        if (outlined != null) {
            Nodes.toggle(outlined, CSS_CLASS, false);
            if (shownForIt) {
                Nodes.show(outlined, false);
            }
        }
        outlined = null;
        shownForIt = false;
    }

    /** The node outlined now, or null; for tests. */
    Node outlined() {
        return outlined;
    }

    private static Node find(Scene scene, HighlightTargets.Target target) {
        Node node = scene.lookup(target.selector());
        for (int i = 0; i < target.up() && node != null; i++) {
            node = node.getParent();
        }
        return node;
    }
}
