package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.model.ClientModel;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A titled set of client chips mirroring one of the model's client lists: the kernel's backlog,
 * the pool's queue, the event loop's watched connections. Chips are kept per client; past a limit
 * the rest are counted.
 *
 * <p>Threading: FX thread only.
 */
final class ClientChipList extends VBox implements FrameCoalescer.Refreshable {

    private final ObservableList<ClientModel> clients;
    private final String chipPrefix;
    private final ClientChip.Shows shows;
    private final int limit;
    private final FrameCoalescer frames;
    private final FlowPane chips = new FlowPane();
    private final Label empty;
    private final Label more = Nodes.label("", "more");
    private final Map<ClientModel, ClientChip> chipByClient = new HashMap<>();
    private final Watches watches;

    /**
     * @param id         the container's node id; chips get {@code <chipPrefix>-<client node id>}
     * @param title      what the set is, in capitals, and what it means after a dot
     * @param emptyText  what to say while nobody is in it
     */
    ClientChipList(String id, String chipPrefix, String title, String hint, String emptyText,
                   ObservableList<ClientModel> clients, ClientChip.Shows shows, int limit, FrameCoalescer frames) {
        this.clients = clients;
        this.chipPrefix = chipPrefix;
        this.shows = shows;
        this.limit = limit;
        this.frames = frames;
        setId(id);
        getStyleClass().addAll("chip-list", id);
        HBox header = new HBox(Nodes.label(title, "section-title"), Nodes.label(hint, "section-hint"));
        header.getStyleClass().add("section-header");
        chips.getStyleClass().add("chips");
        empty = Nodes.label(emptyText, "empty");
        getChildren().addAll(header, empty, chips, more);
        watches = new Watches(frames, this).on(clients);
        refresh();
    }

    @Override
    public void refresh() {
        int shown = Math.min(limit, clients.size());
        List<ClientModel> wanted = clients.subList(0, shown);
        chipByClient.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            return true;
        });
        List<Node> order = new ArrayList<>(shown);
        for (ClientModel c : wanted) {
            order.add(chipByClient.computeIfAbsent(c, k -> new ClientChip(k, chipPrefix, shows, frames)));
        }
        if (!chips.getChildren().equals(order)) {
            chips.getChildren().setAll(order);
        }
        Nodes.show(empty, clients.isEmpty());
        Nodes.show(chips, !clients.isEmpty());
        int hidden = clients.size() - shown;
        Nodes.text(more, "+" + hidden + " more");
        Nodes.show(more, hidden > 0);
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    void dispose() {
        watches.dispose();
        chipByClient.values().forEach(ClientChip::dispose);
        chipByClient.clear();
    }
}
