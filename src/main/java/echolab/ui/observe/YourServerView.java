package echolab.ui.observe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import echolab.ui.EventPump;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The "Your server" tab: a student's own echo server started from a command, its process tree drawn
 * live by the process diagram's own parts ({@link ObservedTreeView}) in most of the tab, its output,
 * and a Check with its verdicts; the command, the buttons and the clients to throw at it are its
 * {@link #sidePanel}, which the window shows in its side panel. Its layout is {@code fxml/your-server.fxml}, its look {@code css/your-server.css}; it is
 * the FXML's root and controller, and its handlers are one-line delegations to
 * {@link YourServerViewModel}.
 *
 * <p>The tree and the output are redrawn at most ten times a second, and only while the tab is in
 * front; the events are folded every frame all the same.
 *
 * <p>Threading: construct and use on the FX thread only.
 */
public final class YourServerView extends VBox {

    static final String CSS = "/css/your-server.css";
    private static final long REDRAW_NANOS = 100_000_000L;

    @FXML private VBox bar;
    @FXML private ComboBox<String> commandBox;
    @FXML private Button chooseButton;
    @FXML private Label settingsReason;
    @FXML private FlowPane buttons;
    @FXML private Label buttonsReason;
    @FXML private Label saveReason;
    @FXML private TextField cwdField;
    @FXML private ComboBox<FramingChoice> framingBox;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button checkButton;
    @FXML private Button addClient;
    @FXML private Button addFive;
    @FXML private Button addSlow;
    @FXML private Button burst;
    @FXML private Button disconnect;
    @FXML private Label status;
    @FXML private Label figures;
    @FXML private ObservedTreeView tree;
    @FXML private ListView<OutputLine> output;
    @FXML private Label modelLine;
    @FXML private Button saveMarkdown;
    @FXML private Button saveJson;
    @FXML private Label checkStatus;
    @FXML private ListView<VerdictRow> verdictList;
    @FXML private SplitPane split;
    @FXML private TextField counterField;
    @FXML private SplitPane bottom;

    private YourServerViewModel vm;
    private ObservableBooleanValue shown;
    private long lastDraw;
    private long outputShown;

    /** The tab, waiting for its view model ({@link #bind}); FXML-friendly. */
    public YourServerView() {
        FXMLLoader loader = new FXMLLoader(YourServerView.class.getResource("/fxml/your-server.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the Your server tab's FXML could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        setId("yourServer");
        framingBox.getItems().setAll(FramingChoice.values());
        output.setCellFactory(list -> new OutputCell());
        verdictList.setCellFactory(list -> new VerdictCell(list));
        verdictList.setPlaceholder(Nodes.label("No check yet: start your server, then press Check.", "empty"));
        output.setPlaceholder(Nodes.label("What your program prints appears here.", "empty"));
        // The tab's own sheet, on the tab: the tab's content joins the scene during a CSS pass (the
        // tab pane's skin adds it), and a sheet added to the scene then breaks that pass's lookups.
        // Its rules name only this tab's classes, and its colours are the scene's looked-up ones,
        // so the presenter view's sheet still restyles it.
        getStylesheets().add(YourServerView.class.getResource(CSS).toExternalForm());
        // the bar is the window's side panel while the student's server is the subject: it leaves the
        // tab, taking the sheet with it
        getChildren().remove(bar);
        bar.getStylesheets().add(YourServerView.class.getResource(CSS).toExternalForm());
    }

    /**
     * The student's server's side panel: the command, directory and framing, Start, Stop and Check,
     * the clients, where it listens and its figures. Not in the tab: the window shows it in its side
     * panel while the student's server is the subject.
     */
    public VBox sidePanel() {
        return bar;
    }

    /** The tab shows a recording ({@code open --replay}): its picture says so. Before the first frame. */
    public void asRecorded() {
        tree.asRecorded();
    }

    /**
     * Connects the tab to {@code model}, folded once per frame of {@code pump}, drawn while
     * {@code shown} (the tab is in front). Once.
     */
    public void bind(YourServerViewModel model, EventPump pump, ObservableBooleanValue shown) {
        this.vm = model;
        this.shown = shown;
        commandBox.setItems(model.history());
        commandBox.getEditor().textProperty().bindBidirectional(model.commandProperty());
        cwdField.textProperty().bindBidirectional(model.workingDirectoryProperty());
        framingBox.valueProperty().bindBidirectional(model.framingProperty());
        counterField.textProperty().bindBidirectional(model.counterPatternProperty());
        Hints.tip(counterField, "For the counter check: a pattern whose one group is the running total your server "
                + "prints, e.g. echoed (\\d+) bytes. Empty: the counter is not checked.");
        var idle = Bindings.createBooleanBinding(() -> model.phaseProperty().get() == YourServerViewModel.Phase.IDLE,
                model.phaseProperty());
        commandBox.disableProperty().bind(idle.not());
        chooseButton.disableProperty().bind(idle.not());
        cwdField.disableProperty().bind(idle.not());
        framingBox.disableProperty().bind(idle.not());
        startButton.disableProperty().bind(model.canStartProperty().not());
        stopButton.disableProperty().bind(model.canStopProperty().not());
        checkButton.disableProperty().bind(model.canCheckProperty().not());
        for (Button b : List.of(addClient, addFive, addSlow, burst, disconnect)) {
            b.disableProperty().bind(model.canAddClientsProperty().not());
        }
        status.textProperty().bind(model.statusProperty());
        figures.textProperty().bind(model.figuresProperty());
        figures.visibleProperty().bind(figures.textProperty().isNotEmpty());
        figures.managedProperty().bind(figures.visibleProperty());
        modelLine.textProperty().bind(model.modelLineProperty());
        modelLine.visibleProperty().bind(modelLine.textProperty().isNotEmpty());
        modelLine.managedProperty().bind(modelLine.visibleProperty());
        checkStatus.textProperty().bind(model.checkStatusProperty());
        saveMarkdown.disableProperty().bind(model.hasReportProperty().not());
        saveJson.disableProperty().bind(model.hasReportProperty().not());
        verdictList.setItems(model.verdicts());
        describeControls(model);
        // a report is what the student came for: when one arrives, give it most of the tab (the dividers stay movable)
        model.hasReportProperty().addListener((obs, was, is) -> {
            if (is) {
                split.setDividerPositions(0.38);
                bottom.setDividerPositions(0.25);
            }
        });
        // the diagram has most of the tab; when the status points at the program's last words, show them
        model.statusProperty().addListener((obs, was, is) -> {
            if (is.contains("output below") && split.getDividerPositions()[0] > 0.6) {
                split.setDividerPositions(0.6);
            }
        });
        shown.addListener((obs, was, is) -> {
            if (is) {
                lastDraw = 0; // in front again: draw at once
            }
        });
        pump.onFrame(play -> frame(System.nanoTime()));
    }

    /**
     * The tooltips of the bar's controls, and the lines beside them that say why those disabled now
     * are (a disabled control shows no tooltip): one for the command row, one for the buttons, one
     * for the saves; each shown only while a control it speaks for is disabled.
     */
    private void describeControls(YourServerViewModel model) {
        Hints.tip(commandBox, "The command that starts your server, run in the directory below: the port goes where "
                + "{port} is, or at the end. The list holds the last ten commands.");
        Hints.tip(chooseButton, "Picks your server's program in a file chooser; it becomes the command.");
        Hints.tip(cwdField, "The directory the command runs in. Empty: the one EchoLab was started in.");
        Hints.tip(framingBox, "How a message ends for the clients: line (\\n, CS:APP's echo), blank-line "
                + "(\\r\\n\\r\\n, the lab's starter code), or auto, which finds out.");
        Hints.tip(startButton, "Starts the command on a free port, waits until it listens and draws its processes "
                + "and threads; if it does not start, the line below says why.");
        Hints.tip(stopButton, "Ends your server and every process it started.");
        Hints.tip(checkButton, "Drives your running server with EchoLab's clients (5 to 30 s) and lists which of the "
                + "lab's requirements hold, with the evidence.");
        Hints.tip(addClient, "Connects a client that sends 60 lines, one every tenth of a second, and checks every "
                + "byte that comes back.");
        Hints.tip(addFive, "Connects five such clients at once.");
        Hints.tip(addSlow, "Connects a client that sends nothing for five seconds, then one line a byte at a time: "
                + "are the others served meanwhile?");
        Hints.tip(burst, "Connects 32 clients at once, 5 lines each: does every one get served?");
        Hints.tip(disconnect, "Closes the connections of every client this tab added.");
        Hints.tip(saveMarkdown, "Saves the last check's verdicts and evidence as Markdown, for the lab's write-up.");
        Hints.tip(saveJson, "Saves the last check's report as JSON.");

        var phase = model.phaseProperty();
        for (Control c : List.<Control>of(commandBox, chooseButton, cwdField, framingBox)) {
            Hints.reason(c, settingsReason);
        }
        settingsReason.textProperty().bind(Bindings.createStringBinding(() -> switch (phase.get()) {
            case IDLE -> "";
            case STOPPING -> "Your server is stopping…";
            default -> "Stop your server to change the command, directory or framing.";
        }, phase));
        show(settingsReason);

        for (Control c : List.<Control>of(startButton, stopButton, checkButton, addClient, addFive, addSlow, burst,
                disconnect)) {
            Hints.reason(c, buttonsReason);
        }
        buttonsReason.textProperty().bind(Bindings.createStringBinding(() -> switch (phase.get()) {
            case IDLE -> model.canStartProperty().get()
                    ? "Stop, Check and the clients need your server running: Start it first."
                    : "Type a command or choose a program to Start; the other buttons need your server running.";
            case STARTING -> "Starting your server: the buttons wait until it listens.";
            case RUNNING -> "Your server is running: Stop it to Start again.";
            case CHECKING -> "Check is driving your server; the buttons wait until it ends.";
            case STOPPING -> "Stopping your server and everything it started…";
            case CLOSED -> "The window is closing.";
        }, phase, model.canStartProperty()));
        // in the row of buttons when it fits, else on its own line, wrapped
        buttonsReason.maxWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(120, buttons.getWidth() - buttons.getInsets().getLeft() - buttons.getInsets().getRight()),
                buttons.widthProperty(), buttons.insetsProperty()));
        show(buttonsReason);

        Hints.reason(saveMarkdown, saveReason);
        Hints.reason(saveJson, saveReason);
        saveReason.textProperty().bind(Bindings.createStringBinding(() -> model.hasReportProperty().get() ? ""
                : phase.get() == YourServerViewModel.Phase.CHECKING ? "The report comes when the check ends."
                : "No report yet: run Check first.", model.hasReportProperty(), phase));
        show(saveReason);
    }

    /** Shows {@code label} only while it has something to say. */
    private static void show(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Folds the frame's events; redraws what changed, at most ten times a second, while in front. */
    private void frame(long now) {
        vm.frame(now);
        if (shown.get() && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            redraw();
        }
    }

    /** Brings the tree and the output in step with the model now; tests call it rather than wait a tenth of a second. */
    public void redraw() {
        tree.refresh(vm.tree());
        if (vm.tree().lastOutputNumber() < outputShown) { // taken back to an instant before lines shown: shown again
            output.getItems().setAll(vm.tree().output());
            outputShown = vm.tree().lastOutputNumber();
        }
        List<OutputLine> fresh = vm.tree().outputAfter(outputShown);
        if (!fresh.isEmpty()) {
            ObservableList<OutputLine> items = output.getItems();
            items.addAll(fresh);
            outputShown = fresh.get(fresh.size() - 1).number();
            if (items.size() > ObservedTreeModel.OUTPUT_KEPT) {
                items.remove(0, items.size() - ObservedTreeModel.OUTPUT_KEPT);
            }
            output.scrollTo(items.size() - 1);
        }
    }

    // Handlers

    @FXML
    private void onChoose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose your server's program");
        File dir = new File(vm.workingDirectoryProperty().get());
        if (dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            choose(file.toPath());
        }
    }

    @FXML
    private void onStart() {
        vm.start();
    }

    @FXML
    private void onStop() {
        vm.stop();
    }

    @FXML
    private void onCheck() {
        vm.check();
    }

    @FXML
    private void onAddClient() {
        vm.addClient();
    }

    @FXML
    private void onAddFive() {
        vm.addFiveClients();
    }

    @FXML
    private void onAddSlow() {
        vm.addSlowClient();
    }

    @FXML
    private void onBurst() {
        vm.burst();
    }

    @FXML
    private void onDisconnect() {
        vm.disconnectAll();
    }

    @FXML
    private void onSaveMarkdown() {
        File file = chooseSave("Markdown", "*.md", "echolab-check.md");
        if (file != null) {
            save(() -> vm.saveMarkdown(file.toPath()));
        }
    }

    @FXML
    private void onSaveJson() {
        File file = chooseSave("JSON", "*.json", "echolab-check.json");
        if (file != null) {
            save(() -> vm.saveJson(file.toPath()));
        }
    }

    // Commands

    /** What choosing {@code program} in the file chooser does: it becomes the command. */
    public void choose(Path program) {
        vm.commandProperty().set(CommandWords.quote(program.toAbsolutePath().toString()));
    }

    public YourServerViewModel viewModel() {
        return vm;
    }

    /** Stops the student's server, its sampler and clients, and waits until they are gone; the window calls it on close. */
    public void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private File chooseSave(String what, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the check's report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName(name);
        return chooser.showSaveDialog(getScene().getWindow());
    }

    /** A save the user asked for; a failure is said in a dialog, since the user is waiting for the file. */
    private static void save(IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, "Could not save: " + e.getMessage()).show();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** A line of output: stderr marked with {@code !} and its own colour, EchoLab's own lines set apart. */
    private static final class OutputCell extends ListCell<OutputLine> {
        @Override
        protected void updateItem(OutputLine line, boolean empty) {
            super.updateItem(line, empty);
            Nodes.toggle(this, "stderr", !empty && line != null && line.stderr());
            Nodes.toggle(this, "echolab-line", !empty && line != null && OutputLine.ECHOLAB.equals(line.stream()));
            if (empty || line == null) {
                setText(null);
            } else {
                setText((line.stderr() ? "! " : "  ") + line.text());
            }
        }
    }

    /** A verdict: its mark, id and sentence on one line, its evidence wrapped beneath. */
    private static final class VerdictCell extends ListCell<VerdictRow> {
        private final Label mark = Nodes.label("", "verdict-mark");
        private final Label id = Nodes.label("", "verdict-id");
        private final Label summary = Nodes.label("", "verdict-summary");
        private final Label evidence = Nodes.label("", "verdict-evidence");
        private final VBox box;

        VerdictCell(ListView<VerdictRow> list) {
            summary.setWrapText(true);
            evidence.setWrapText(true);
            mark.setMinWidth(USE_PREF_SIZE);
            id.setMinWidth(USE_PREF_SIZE);
            HBox line = new HBox(mark, id, summary);
            line.getStyleClass().add("verdict-line");
            box = new VBox(line, evidence);
            box.getStyleClass().add("verdict");
            // wrap within the list's width, not the text's
            box.maxWidthProperty().bind(list.widthProperty().subtract(30));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            summary.setMinHeight(USE_PREF_SIZE);
            evidence.setMinHeight(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(VerdictRow v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("verdict-" + v.id());
            mark.setText(v.mark());
            id.setText(v.id());
            summary.setText(v.summary());
            evidence.setText(String.join("\n", v.evidence().stream().map(e -> "· " + e).toList()));
            Nodes.show(evidence, !v.evidence().isEmpty());
            for (String s : List.of("pass", "fail", "skip")) {
                Nodes.toggle(box, "verdict-" + s, s.equals(v.status().id()));
            }
            setGraphic(box);
        }
    }
}
