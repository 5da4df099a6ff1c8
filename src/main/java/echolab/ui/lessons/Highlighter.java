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
    private HighlightTargets.Target shownTarget;

    /** Outlines {@code target} in {@code scene}, and nothing else; null for nothing at all. */
    void show(Scene scene, HighlightTargets.Target target) {
        if (scene != null && target != null && !target.equals(shownTarget)) {
            // once per target, and first: a tab's view is built the first time it shows (and a tab
            // the user brings forward afterwards stays in front)
            bringTabToFront(scene, target);
        }
        shownTarget = target;
        Node node = scene == null || target == null ? null : find(scene, target);
        if (node == outlined) {
            return;
        }
        unoutline();
        if (node == null) {
            return;
        }
        if (!node.isVisible()) {
            Nodes.show(node, true);
            shownForIt = true;
        }
        Nodes.toggle(node, CSS_CLASS, true);
        outlined = node;
    }

    /** Takes the outline off (and hides again what was shown only for it); the next target's tab comes to the front. */
    void clear() {
        unoutline();
        shownTarget = null;
    }

    private void unoutline() {
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

    private static void bringTabToFront(Scene scene, HighlightTargets.Target target) {
        if (target.tabId() != null && scene.lookup("#centreTabs") instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (target.tabId().equals(tab.getId())) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }
    }

    private static Node find(Scene scene, HighlightTargets.Target target) {
        Node node = scene.lookup(target.selector());
        for (int i = 0; i < target.up() && node != null; i++) {
            node = node.getParent();
        }
        return node;
    }
}
