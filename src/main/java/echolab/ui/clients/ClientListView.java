package echolab.ui.clients;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import echolab.ui.EventPump;
import echolab.ui.model.ClientModel;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left-hand list of clients, simulated and real. A virtualized list with rows of one fixed
 * height: a hundred clients cost the rows that are visible, and a changed count costs one row.
 * The visible rows' dots move once per frame. FX thread only.
 */
public final class ClientListView extends VBox {

    private static final double ROW_HEIGHT = 46;

    private final Label title = new Label("CLIENTS");
    private FilteredList<ClientModel> shown;
    private final ListView<ClientModel> list = new ListView<>();
    private final Set<ClientRow> visible = Collections.newSetFromMap(new IdentityHashMap<>());

    public ClientListView() {
        getStyleClass().addAll("panel", "client-list");
        title.getStyleClass().add("panel-title");
        list.setId("clientRows");
        list.getStyleClass().add("client-rows");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ClientCell());
        list.setPlaceholder(wrapped("No clients yet. Add some on the right, or connect with nc."));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** Lists the clients {@code clients} folds; their dots move on frames of {@code pump}. */
    public void bind(ClientsFold clients, EventPump pump) {
        shown = new FilteredList<>(clients.clients());
        title.textProperty().bind(Bindings.size(shown).asString("CLIENTS (%d)"));
        list.setItems(shown);
        pump.onFrame(now -> {
            for (ClientRow row : visible) {
                row.animate(now);
            }
        });
    }

    /** Lists only the clients {@code owned} accepts: those of the server the window studies. */
    public void showOnly(java.util.function.Predicate<ClientModel> owned) {
        shown.setPredicate(owned::test);
    }

    /** A list cell that shows its client through one reused {@link ClientRow}. */
    private final class ClientCell extends ListCell<ClientModel> {
        private final ClientRow row = new ClientRow();

        ClientCell() {
            getStyleClass().add("client-cell");
            // as wide as the list, never wider: long names end in an ellipsis, no sideways scrolling
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ClientModel client, boolean empty) {
            super.updateItem(client, empty);
            if (empty || client == null) {
                row.bind(null);
                visible.remove(row);
                setGraphic(null);
            } else {
                row.bind(client);
                visible.add(row);
                setGraphic(row);
            }
        }
    }
}
