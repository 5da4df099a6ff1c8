package echolab.ui.lessons;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import echolab.lessons.Sitting;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The sitting's record under the card: one row per question answered and run (time, lesson,
 * step, prediction, measured), kept across lessons for as long as the window, and exported for
 * the teacher's notes. FX thread.
 */
final class SittingRecord extends TitledPane {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Sitting sitting;
    private final TableView<Sitting.Row> table = new TableView<>();
    private final Label saved = Nodes.label("", "hint");

    SittingRecord(Sitting sitting) {
        this.sitting = sitting;
        getStyleClass().add("sitting-record");
        table.setId("sittingTable");
        table.setPlaceholder(Nodes.label("Answers and what the runs measured appear here.", "empty"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ZoneId zone = ZoneId.systemDefault();
        table.getColumns().add(column("time", 70, r -> CLOCK.withZone(zone).format(r.time())));
        table.getColumns().add(column("lesson", 90, Sitting.Row::lesson));
        table.getColumns().add(column("step", 48, r -> Integer.toString(r.step())));
        table.getColumns().add(column("prediction", 120, Sitting.Row::prediction));
        table.getColumns().add(column("measured", 140, Sitting.Row::measured));
        Button csv = new Button("Export CSV…");
        csv.setId("exportCsv");
        csv.setOnAction(e -> choose(SittingFiles.Format.CSV));
        Button markdown = new Button("Export Markdown…");
        markdown.setId("exportMarkdown");
        markdown.setOnAction(e -> choose(SittingFiles.Format.MARKDOWN));
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getItems()));
        markdown.disableProperty().bind(csv.disableProperty());
        Hints.tip(csv, "Saves the sitting's answers and measurements as a CSV table");
        Hints.tip(markdown, "Saves the sitting's answers and measurements as a Markdown table, for notes");
        Label empty = Nodes.label("nothing recorded yet", "hint", "disabled-reason");
        empty.setId("sittingEmpty");
        empty.visibleProperty().bind(csv.disableProperty());
        empty.managedProperty().bind(empty.visibleProperty());
        Hints.reason(csv, empty);
        Hints.reason(markdown, empty);
        saved.setId("sittingSaved");
        saved.setWrapText(true);
        setId("sittingRecord");
        // folded by default: the card has the room; the title still counts what was recorded
        setExpanded(false);
        setText(title(0));
        HBox exports = new HBox(8, csv, markdown, empty);
        exports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setContent(new VBox(6, table, exports, saved));
    }

    private static TableColumn<Sitting.Row, String> column(String name, double width,
                                                         java.util.function.Function<Sitting.Row, String> value) {
        TableColumn<Sitting.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 48));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** Shows the rows added since the last refresh; rows are only ever added. */
    void refresh() {
        if (table.getItems().size() != sitting.rows().size()) {
            table.getItems().setAll(sitting.rows());
            setText(title(table.getItems().size()));
            table.scrollTo(table.getItems().size() - 1);
        }
    }

    private static String title(int rows) {
        return "This sitting · " + rows + (rows == 1 ? " answer recorded" : " answers recorded");
    }

    private void choose(SittingFiles.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sitting's record");
        chooser.setInitialFileName(format.suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description, format.pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            export(format, file.toPath());
        }
    }

    /** Writes the record to {@code file}; says where, or why not, under the buttons. */
    boolean export(SittingFiles.Format format, Path file) {
        try {
            SittingFiles.write(sitting, format, file, ZoneId.systemDefault());
            Nodes.text(saved, "Saved " + file.getFileName() + " (" + sitting.rows().size() + " rows).");
            return true;
        } catch (IOException e) {
            Nodes.text(saved, "Could not write " + file + ": " + e.getMessage());
            return false;
        }
    }
}
