package echolab.ui.clients;

import java.util.HashMap;
import java.util.Map;

import echolab.ui.EventPump;
import echolab.ui.model.ClientModel;
import echolab.ui.model.LabViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The left-hand list of clients, simulated and real, each a {@link ClientRow}. Rows come and go
 * with the view model's list; their dots move once per frame. FX thread only.
 */
public final class ClientListView extends VBox {

    private final Label title = new Label("CLIENTS");
    private final VBox rows = new VBox(2);
    private final Map<ClientModel, ClientRow> byClient = new HashMap<>();

    public ClientListView() {
        getStyleClass().addAll("panel", "client-list");
        title.getStyleClass().add("panel-title");
        rows.setId("clientRows");
        rows.getStyleClass().add("client-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("client-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Label empty = new Label("No clients yet. Add some on the right, or connect with nc.");
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(rows.getChildren()));
        empty.managedProperty().bind(empty.visibleProperty());
        getChildren().addAll(title, empty, scroll);
    }

    public void bind(LabViewModel model, EventPump pump) {
        title.textProperty().bind(Bindings.size(model.clients()).asString("CLIENTS (%d)"));
        model.clients().forEach(this::add);
        model.clients().addListener((ListChangeListener<ClientModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::remove);
                change.getAddedSubList().forEach(this::add);
            }
        });
        pump.onFrame(now -> {
            for (ClientRow row : byClient.values()) {
                row.animate(now);
            }
        });
    }

    private void add(ClientModel c) {
        ClientRow row = new ClientRow(c);
        byClient.put(c, row);
        rows.getChildren().add(row);
    }

    private void remove(ClientModel c) {
        ClientRow row = byClient.remove(c);
        if (row != null) {
            rows.getChildren().remove(row);
        }
    }
}
