package echolab.ui.compare;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import echolab.engine.Mode;
import echolab.sync.Protection;
import echolab.ui.compare.CompareReading.Paragraph;
import echolab.ui.controls.ControlsViewModel;
import echolab.ui.fx.Hints;
import echolab.ui.fx.NodePng;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Compare tab: runs a workload over the chosen modes and draws what each one delivers and
 * costs as bar charts with their numbers, the last {@value CompareViewModel#KEPT} runs side by
 * side, a reading of the newest in words, and saves the charts as PNG and the numbers as CSV.
 * Its layout is {@code fxml/compare.fxml}, its look {@code css/compare.css}; it is the FXML's
 * root and controller, and its handlers are one-line delegations to {@link CompareViewModel}.
 *
 * <p>The charts, legend and reading change once, when a comparison ends; while it runs only the
 * progress bar (once per mode) and the status line (once a second) do.
 *
 * <p>Threading: construct and use on the FX thread only.
 */
public final class CompareView extends VBox {

    @FXML private Node settings;
    @FXML private FlowPane modeBoxes;
    @FXML private Spinner<Integer> clients;
    @FXML private Spinner<Integer> lines;
    @FXML private Spinner<Integer> delay;
    @FXML private ComboBox<Protection> protection;
    @FXML private CheckBox churn;
    @FXML private Spinner<Integer> repeat;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label reason;
    @FXML private Button exportPng;
    @FXML private Button exportCsv;
    @FXML private VBox results;
    @FXML private Label plan;
    @FXML private FlowPane legend;
    @FXML private Node intro;
    @FXML private GridPane chartGrid;

    private final CompareViewModel vm = new CompareViewModel();
    private final CompareCharts charts = new CompareCharts();
    private final VBox reading = new VBox();

    /** The tab, with its own view model; FXML-friendly. */
    public CompareView() {
        FXMLLoader loader = new FXMLLoader(CompareView.class.getResource("/fxml/compare.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the Compare tab's FXML could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        setId("compareView");
        Label unavailable = new Label();
        unavailable.getStyleClass().add("compare-note");
        for (Mode m : Mode.values()) {
            CheckBox box = new CheckBox(ModeNames.of(m));
            box.setId("compareMode-" + m.id());
            box.selectedProperty().bindBidirectional(vm.modeProperty(m));
            Hints.tip(box, "Measures " + ModeNames.of(m) + " in the comparison. " + ControlsViewModel.explain(m));
            Hints.reason(box, reason); // while a comparison runs
            m.unavailableReason().ifPresent(why -> {
                box.setDisable(true);
                Hints.reason(box, unavailable); // for good, on this Java
                unavailable.setText(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
            });
            modeBoxes.getChildren().add(box);
        }
        if (!unavailable.getText().isEmpty()) {
            unavailable.setId("compareModesNote");
            modeBoxes.getChildren().add(unavailable);
        }
        number(clients, vm.clientsProperty(), 1, 100, 5);
        number(lines, vm.linesProperty(), 1, 2000, 50);
        number(delay, vm.delayMillisProperty(), 0, 100, 5);
        number(repeat, vm.repeatProperty(), 1, 5, 1);
        protection.getItems().setAll(Protection.values());
        protection.setConverter(new StringConverter<>() {
            @Override
            public String toString(Protection p) {
                return p == null ? "" : Character.toUpperCase(p.id().charAt(0)) + p.id().substring(1);
            }

            @Override
            public Protection fromString(String s) {
                return Protection.parse(s);
            }
        });
        protection.valueProperty().bindBidirectional(vm.protectionProperty());
        churn.selectedProperty().bindBidirectional(vm.churnProperty());

        settings.disableProperty().bind(vm.runningProperty());
        runButton.disableProperty().bind(vm.canRunProperty().not());
        cancelButton.disableProperty().bind(vm.runningProperty().not());
        progress.progressProperty().bind(vm.progressProperty());
        status.textProperty().bind(vm.statusProperty());
        plan.textProperty().bind(vm.planProperty());
        exportPng.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.runs()));
        exportCsv.disableProperty().bind(exportPng.disableProperty());
        describeControls();

        reading.setId("compareReading");
        reading.getStyleClass().add("compare-reading");
        int i = 0;
        for (ChartKind kind : ChartKind.values()) {
            chartGrid.add(card(kind), i % 2, i / 2);
            i++;
        }
        reading.setMaxHeight(Region.USE_PREF_SIZE);
        GridPane.setValignment(reading, javafx.geometry.VPos.TOP);
        chartGrid.add(reading, i % 2, i / 2);
        showRuns();
        vm.runs().addListener((javafx.collections.ListChangeListener<CompareRun>) c -> showRuns());
    }

    /**
     * The tooltips of the settings and buttons, and the line under the status that says why those
     * disabled now are (a disabled control shows no tooltip): one line for the run bar and the
     * settings, which wait while a comparison runs.
     */
    private void describeControls() {
        Hints.tip(clients, "How many clients talk to each mode's server at the same time, 1 to 100.");
        Hints.tip(lines, "How many lines of " + CompareViewModel.BYTES + " bytes each client sends, waiting for "
                + "each echo, 1 to 2000. With Churn: how many connections each client opens.");
        Hints.tip(delay, "How long the server waits before each echo, 0 to 100 ms, as if the work took time. "
                + "Iterative then needs at least clients × lines × delay.");
        Hints.tip(protection, "How every mode's server protects its shared counter: none, lock, semaphore or atomic. "
                + "Two runs that differ only in this show what protection costs.");
        Hints.tip(churn, "Each client opens a new connection for every line: connect, one line, close. "
                + "Start-up then dominates, and Throughput counts connections per second.");
        Hints.tip(repeat, "How many times each mode is measured, 1 to 5; the charts show the medians.");
        Hints.tip(runButton, "Measures each ticked mode in turn on this workload: a fresh server per mode, real "
                + "sockets. The last " + CompareViewModel.KEPT + " runs stay side by side.");
        Hints.tip(cancelButton, "Stops the comparison; the modes measured by then are kept.");
        Hints.tip(exportPng, "Saves the legend, the charts and the reading as one PNG image, at twice the "
                + "screen's resolution.");
        Hints.tip(exportCsv, "Saves the numbers of the runs shown as a CSV table: a row per run and mode.");
        for (Control c : List.<Control>of(clients, lines, delay, protection, churn, repeat, runButton, cancelButton,
                exportPng, exportCsv)) {
            Hints.reason(c, reason);
        }
        reason.textProperty().bind(Bindings.createStringBinding(() -> {
            boolean running = vm.runningProperty().get();
            boolean noRuns = vm.runs().isEmpty();
            if (running) {
                return noRuns ? "Settings, Run and the saves wait until this comparison ends (Cancel stops it)."
                        : "Settings and Run wait until this comparison ends (Cancel stops it).";
            }
            if (!vm.canRunProperty().get()) {
                return noRuns ? "Tick at least one mode to Run; Cancel and the saves need a run."
                        : "Tick at least one mode to Run; Cancel works only during a run.";
            }
            return noRuns ? "Cancel and the saves need a run: press Run first."
                    : "Cancel works only while a comparison runs.";
        }, vm.runningProperty(), vm.canRunProperty(), vm.runs()));
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
    }

    // Handlers

    @FXML
    private void onRun() {
        vm.run();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onExportPng() {
        File file = choose("PNG image", "*.png", "echolab-compare.png");
        if (file != null) {
            save(() -> exportPng(file.toPath()));
        }
    }

    @FXML
    private void onExportCsv() {
        File file = choose("CSV table", "*.csv", "echolab-compare.csv");
        if (file != null) {
            save(() -> vm.exportCsv(file.toPath()));
        }
    }

    // Commands

    /** Saves a picture of the results (legend, charts, reading; all of it, scrolled or not) as PNG. */
    public void exportPng(Path file) throws IOException {
        NodePng.write(results, 2, file); // twice the screen's pixels: crisp on a projector or a slide
    }

    /** Saves the numbers of the runs shown as CSV; see {@link CompareCsv}. */
    public void exportCsv(Path file) throws IOException {
        vm.exportCsv(file);
    }

    /** Stops a running comparison and waits until it has let go of everything; the window calls it on close. */
    public void close() {
        vm.close();
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    // Drawing

    private VBox card(ChartKind kind) {
        Label title = new Label(kind.title());
        title.getStyleClass().add("compare-card-title");
        Label caption = new Label(kind.caption());
        caption.getStyleClass().add("compare-card-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(title, caption, charts.chart(kind));
        card.getStyleClass().add("compare-card");
        card.setMaxHeight(Region.USE_PREF_SIZE); // beside a taller neighbour, no empty card below the chart
        GridPane.setValignment(card, javafx.geometry.VPos.TOP);
        return card;
    }

    private void showRuns() {
        List<CompareRun> runs = vm.runs();
        boolean any = !runs.isEmpty();
        intro.setVisible(!any);
        intro.setManaged(!any);
        chartGrid.setVisible(any);
        chartGrid.setManaged(any);
        legend.getChildren().clear();
        for (CompareRun run : runs) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("compare-swatch", "run-slot-" + run.slot());
            Label name = new Label(String.format(java.util.Locale.ROOT, "Run %d · %s", run.number(), run.name()));
            HBox item = new HBox(swatch, name);
            item.getStyleClass().add("compare-legend-item");
            item.setId("compareLegend-" + run.number());
            legend.getChildren().add(item);
        }
        charts.show(runs);
        reading.getChildren().clear();
        if (any) {
            Label title = new Label("WHAT THE NEWEST RUN SHOWS");
            title.getStyleClass().add("compare-title");
            reading.getChildren().add(title);
        }
        for (Paragraph p : vm.readingProperty().get()) {
            Text lead = new Text(p.lead() + " ");
            lead.getStyleClass().addAll("compare-reading-text", "compare-reading-lead");
            Text text = new Text(p.text());
            text.getStyleClass().add("compare-reading-text");
            TextFlow flow = new TextFlow(lead, text);
            flow.getStyleClass().add("compare-paragraph");
            reading.getChildren().add(flow);
        }
    }

    private File choose(String what, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the comparison");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName(name);
        return chooser.showSaveDialog(getScene().getWindow());
    }

    /** An export the user asked for; a failure is said in a dialog, since the user is waiting for the file. */
    private void save(IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not save: " + e.getMessage()).show();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /**
     * A spinner bound to {@code value}, from {@code min} to {@code max}; typed text counts when the
     * spinner loses focus too, and text that is no number leaves the value as it was.
     */
    private static void number(Spinner<Integer> spinner, IntegerProperty value, int min, int max, int step) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : i.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.valueOf(s.trim());
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        spinner.setValueFactory(f);
        f.valueProperty().addListener((o, was, is) -> value.set(is));
        value.addListener((o, was, is) -> f.setValue(is.intValue()));
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue();
            }
        });
    }
}
