package echolab.ui.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * A row of client chips kept in step with a list of held clients: chips are kept per client and
 * only added, moved or removed when the list changes.
 *
 * <p>Threading: FX thread only.
 */
final class ChipRow extends FlowPane {

    private final Map<Integer, ObservedChip> chips = new HashMap<>();

    ChipRow() {
        getStyleClass().addAll("chips", "observed-chips");
    }

    /** Shows {@code clients}; returns whether there are any. */
    boolean show(List<HeldClient> clients) {
        List<Node> order = new ArrayList<>(clients.size());
        Map<Integer, ObservedChip> kept = new HashMap<>();
        for (HeldClient c : clients) {
            ObservedChip chip = chips.get(c.port());
            if (chip == null) {
                chip = new ObservedChip(c);
            } else {
                chip.update(c);
            }
            kept.put(c.port(), chip);
            order.add(chip);
        }
        chips.clear();
        chips.putAll(kept);
        if (!getChildren().equals(order)) {
            getChildren().setAll(order);
        }
        return !clients.isEmpty();
    }
}
