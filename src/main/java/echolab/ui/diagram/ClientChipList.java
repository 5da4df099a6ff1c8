package echolab.ui.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.fx.Nodes;
import echolab.ui.model.ClientModel;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
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
    /**
     * Title, hint and chips share one wrapping row, so a short queue costs one line; chips that
     * say what each client waits for are long, and go on rows of their own under the title.
     */
    private final FlowPane row = new FlowPane();
    private final FlowPane header = new FlowPane();
    private final List<Node> heading;
    private final Label empty;
    private final Label more = Nodes.label("", "more");
    private final Map<ClientModel, ClientChip> chipByClient = new HashMap<>();
    private final Watches watches;
    private boolean detailShown = true;

    /**
     * @param id         the container's node id; chips get {@code <chipPrefix>-<client node id>}
     * @param title      what the set is, in capitals
     * @param hint       what it means, after a dot
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
        row.getStyleClass().add("chips");
        header.getStyleClass().add("chips");
        empty = Nodes.label(emptyText, "empty");
        heading = List.of(Nodes.label(title, "section-title"), Nodes.label(hint.strip(), "section-hint"));
        getChildren().addAll(header, row);
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
        boolean stacked = detailShown && shows == ClientChip.Shows.DETAIL && !clients.isEmpty();
        List<Node> above = stacked ? heading : List.of();
        if (!header.getChildren().equals(above)) {
            header.getChildren().setAll(above);
        }
        Nodes.show(header, stacked);
        List<Node> order = new ArrayList<>(stacked ? List.of() : heading);
        for (ClientModel c : wanted) {
            ClientChip chip = chipByClient.computeIfAbsent(c, k -> new ClientChip(k, chipPrefix, shows, frames));
            chip.detailShown(detailShown);
            order.add(chip);
        }
        int hidden = clients.size() - shown;
        if (hidden > 0) {
            Nodes.text(more, "+" + hidden + " more");
            order.add(more);
        }
        if (clients.isEmpty()) {
            order.add(empty);
        }
        if (!row.getChildren().equals(order)) {
            row.getChildren().setAll(order);
        }
    }

    /** Whether the chips say what each client waits for, or only its name. */
    void detailShown(boolean shown) {
        if (detailShown != shown) {
            detailShown = shown;
            chipByClient.values().forEach(chip -> chip.detailShown(shown));
            refresh();
        }
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
