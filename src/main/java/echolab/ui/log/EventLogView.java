package echolab.ui.log;

import echolab.ui.model.LogFormat;
import echolab.ui.model.LogModel;
import echolab.ui.model.LogModel.Entry;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The event log: the latest events as sentences, newest at the bottom, filtered by event type and
 * by client. It follows the newest row unless the reader has scrolled up.
 *
 * <p>Made by FXML with the no-argument constructor, then {@link #bind bound} once to the lab.
 * Node ids: {@code logTypeFilter}, {@code logClientFilter}, {@code logList}, {@code logFollowButton}.
 * Row style classes: {@code log-cell}, and {@code log-lost}, {@code log-error}, {@code log-setting}
 * on the rows that stand out (see {@code css/timeline.css}).
 *
 * <p>Threading: FX thread only.
 */
public final class EventLogView extends VBox {

    /** The type filter's entry that lets every type through. */
    public static final String ALL_TYPES = "all";

    private final ComboBox<String> typeFilter = new ComboBox<>();
    private final TextField clientFilter = new TextField();
    private final ListView<Entry> list = new ListView<>();
    private final Button followButton = new Button("↓ newest");
    private final LogClock clock = new LogClock();
    private final LogFollower follower = new LogFollower(list);
    private LogModel log;

    public EventLogView() {
        getStyleClass().add("event-log");

        Label title = new Label("LOG");
        title.getStyleClass().add("log-title");

        typeFilter.setId("logTypeFilter");
        typeFilter.getItems().add(ALL_TYPES);
        typeFilter.getItems().addAll(LogFormat.allTypeNames());
        typeFilter.setValue(ALL_TYPES);
        typeFilter.setVisibleRowCount(16);
        typeFilter.setTooltip(new Tooltip("Show only events of this type"));

        clientFilter.setId("logClientFilter");
        clientFilter.setPromptText("client, e.g. client-3");
        clientFilter.setTooltip(new Tooltip("Show only events of clients whose name contains this"));
        clientFilter.setPrefColumnCount(9);
        typeFilter.setPrefWidth(150);

        followButton.setId("logFollowButton");
        followButton.setTooltip(new Tooltip("Scroll to the newest event and follow it again"));
        followButton.visibleProperty().bind(follower.followingProperty().not());
        followButton.managedProperty().bind(followButton.visibleProperty());
        followButton.setOnAction(e -> follower.follow());

        Label typeCaption = new Label("type");
        Label clientCaption = new Label("client");
        typeCaption.getStyleClass().add("toolbar-caption");
        clientCaption.getStyleClass().add("toolbar-caption");
        for (Region r : new Region[] {title, typeCaption, clientCaption, followButton}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(title, typeCaption, typeFilter, clientCaption, clientFilter, spacer, followButton);
        toolbar.getStyleClass().add("log-toolbar");

        list.setId("logList");
        list.getStyleClass().add("log-list");
        list.setCellFactory(v -> new LogCell(clock));
        list.setPlaceholder(new Label("No events yet (or none that pass the filter)."));
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(toolbar, list);
    }

    /** Shows {@code fold}'s log; the filters act on it from now on. Call once. */
    public void bind(LogFold fold) {
        if (log != null) {
            throw new IllegalStateException("the log is already bound");
        }
        log = fold.log();
        log.shown().addListener((ListChangeListener<Entry>) change -> {
            if (clock.observe(change.getList())) {
                list.refresh(); // every row's time counts from the new origin
            }
        });
        clock.observe(log.shown());
        list.setItems(log.shown());
        typeFilter.valueProperty().addListener(obs -> applyFilter());
        clientFilter.textProperty().addListener(obs -> applyFilter());
    }

    private void applyFilter() {
        String type = typeFilter.getValue();
        log.filter(type == null || ALL_TYPES.equals(type) ? "" : type, clientFilter.getText());
        follower.follow();
    }

    /** True while the newest row is kept in view; false once the reader scrolled up. */
    public boolean isFollowing() {
        return follower.followingProperty().get();
    }

    public ListView<Entry> list() {
        return list;
    }

    /**
     * Saves the events the log shows now (its filters applied) as CSV: seconds as the log shows
     * them, type, client, text; a header first, fields with commas, quotes or line breaks quoted.
     */
    public void exportCsv(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("seconds,type,client,text\r\n");
        for (Entry entry : list.getItems()) {
            var e = entry.event();
            csv.append(csv(clock.format(e.nanos()))).append(',').append(csv(echolab.ui.model.LogFormat.typeName(e)))
                    .append(',').append(csv(entry.client() == null ? "" : entry.client())).append(',')
                    .append(csv(echolab.ui.model.LogFormat.text(e, entry.client()))).append("\r\n");
        }
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
