package echolab.ui;

import echolab.lab.Lab;
import echolab.events.Subscription;
import echolab.ui.clients.ClientListView;
import echolab.ui.compare.CompareView;
import echolab.ui.controls.ControlsController;
import echolab.ui.controls.ControlsFold;
import echolab.ui.controls.ControlsViewModel;
import echolab.ui.controls.FiguresFold;
import echolab.ui.diagram.DiagramView;
import echolab.ui.fx.Nodes;
import echolab.ui.fx.ZoomPane;
import echolab.ui.lessons.LessonRequest;
import echolab.ui.lessons.LessonsPanel;
import echolab.ui.log.EventLogView;
import echolab.ui.observe.CommandHistory;
import echolab.ui.observe.ObserveRequest;
import echolab.ui.observe.YourServerView;
import echolab.ui.observe.YourServerViewModel;
import echolab.ui.sync.StepThroughView;
import echolab.ui.sync.SyncLabView;
import echolab.ui.timeline.TimelineView;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;

/**
 * The main window's controller: builds the view models for a running lab, hands them to the
 * panels, and starts the per-frame pump. Nothing else: the panels do their own binding.
 */
public final class MainController {

    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private javafx.scene.layout.BorderPane workspace;
    @FXML private javafx.scene.layout.HBox leftDock;
    @FXML private javafx.scene.layout.HBox header;
    @FXML private Label listeningLabel;
    @FXML private Label modeLabel;
    @FXML private Label protectionLabel;
    @FXML private Label lagBadge;
    @FXML private ToggleButton presenterToggle;
    @FXML private ToggleButton lessonsToggle;
    @FXML private LessonsPanel lessons;
    @FXML private ClientListView clientList;
    @FXML private DiagramView diagram;
    @FXML private TabPane centreTabs;
    @FXML private Tab tabSync;
    @FXML private Tab tabCompare;
    @FXML private Tab tabYourServer;
    // the three tabs' views are built the first time their tab shows or they are asked for
    private SyncLabView syncLab;
    private CompareView compare;
    private YourServerView yourServer;
    private Lab lab;
    @FXML private TimelineView timeline;
    @FXML private EventLogView eventLog;
    @FXML private ControlsController controlsController;

    private LabFolds folds;
    private FiguresFold figures;
    private StepThroughView stepThrough;
    private EventPump pump;
    private YourServerViewModel yourServerModel;
    private ControlsViewModel controls;
    private ZoomPane zoom;
    private Looks looks;
    private SidePanels sidePanels;

    /**
     * Connects the window to {@code lab}, whose events arrive on {@code events} (its figures too, from
     * the lab's sampler). FX thread, once.
     */
    void attach(Lab lab, Subscription events) {
        this.lab = lab;
        var server = lab;
        folds = new LabFolds(server.mode(), server.protection(), server.delayMillis(),
                server.raceWindowMicros(), server.poolSize(), server.blockingLoop());
        pump = new EventPump(events);
        folds.addTo(pump);
        ControlsFold model = folds.controls();
        figures = new FiguresFold(folds.diagram().processes(), folds.scenario().scenario());
        pump.addLive(figures); // the figures show the server now, even in slow motion

        String host = server.host();
        java.util.List<String> reachable = echolab.lab.BindAddress.reachableAt(host);
        // a narrow window (a projector) keeps what a student types: the command with its address and port
        Nodes.fit(listeningLabel, reachable.isEmpty()
                ? "listening on " + host + ":" + server.port() + " — try: nc " + host + " " + server.port()
                : "listening on " + (echolab.lab.BindAddress.isWildcard(host) ? "every address, port " : host + ":") + server.port()
                        + " — students: nc " + reachable.get(0) + " " + server.port()
                        + (reachable.size() > 1 ? "  (or " + String.join(", ", reachable.subList(1, Math.min(4, reachable.size()))) + ")" : ""),
                reachable.isEmpty() ? "nc " + host + " " + server.port() : "students: nc " + reachable.get(0) + " " + server.port());
        modeLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "mode: " + model.modeProperty().get().title(), model.modeProperty()));
        protectionLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "protection: " + model.protectionProperty().get().id(), model.protectionProperty()));
        lagBadge.textProperty().bind(Bindings.createStringBinding(() -> pump.pausedProperty().get() ? "paused"
                        : pump.speedProperty().get() < 1 ? String.format("slow motion ×%.2f", pump.speedProperty().get()) : "",
                pump.pausedProperty(), pump.speedProperty()));

        lagBadge.visibleProperty().bind(lagBadge.textProperty().isNotEmpty());
        lagBadge.managedProperty().bind(lagBadge.visibleProperty()); // hidden, it leaves its room to the others
        clientList.bind(folds.clients(), pump);
        diagram.bind(folds.diagram(), folds.clients(), model, pump);
        timeline.bind(folds.timeline(), pump);
        eventLog.bind(folds.log());
        controls = new ControlsViewModel(lab, model);
        controlsController.attach(controls, figures);
        // the student's server: folded by the same pump, from the same subscription, on the same clock
        yourServerModel = new YourServerViewModel(lab.events(), CommandHistory.standard());
        pump.add((e, play) -> yourServerModel.apply(e));
        tabSync.selectedProperty().addListener((obs, was, is) -> syncLab());
        tabCompare.selectedProperty().addListener((obs, was, is) -> compare());
        tabYourServer.selectedProperty().addListener((obs, was, is) -> yourServer());
        ObserveRequest.take().ifPresent(this::observe);
        // the lessons run on this window's lab, so their runs animate here; a compare run is drawn in the Compare tab
        lessons.bind(lab, run -> compare().viewModel().show(run.compared(), "a lesson"));
        LessonRequest.take().ifPresent(request -> {
            showLessons(true);
            lessons.open(request.lesson());
        });
        pump.start();
    }

    /**
     * The window's content is drawn through {@code zoom}: the presenter view enlarges it, and the
     * side panels fold away when what it lays out at leaves the diagram too little room.
     */
    void fitTo(ZoomPane zoom, Looks looks) {
        this.zoom = zoom;
        this.looks = looks;
        sidePanels = new SidePanels(zoom, root, leftDock, clientList, workspace);
        sidePanels.lessonsShown(lessons.isVisible());
        presenter(presenterToggle.isSelected());
    }

    /** The window's theme and presenter sheets. */
    Looks looks() {
        return looks;
    }

    /** For tests: the side panels' folding. */
    SidePanels sidePanels() {
        return sidePanels;
    }

    void detach() {
        lessons.close(); // a run under way stops and the lesson's thread ends, before the lab closes
        if (pump != null) {
            pump.stop();
        }
        if (stepThrough != null) {
            stepThrough.close(); // its two threads end with the window
        }
        if (compare != null) {
            compare.close(); // a comparison under way stops and lets go of its servers and children
        }
        if (yourServerModel != null) {
            yourServerModel.close(); // the student's server, its sampler and its clients end, and are waited for
        }
    }

    @FXML
    private void onPresenterToggle() {
        presenter(presenterToggle.isSelected());
    }

    /** The commands of the controls panel, which the menus give too. */
    ControlsViewModel controls() {
        return controls;
    }

    EventLogView eventLog() {
        return eventLog;
    }

    DiagramView diagramView() {
        return diagram;
    }

    ToggleButton presenterToggle() {
        return presenterToggle;
    }

    /** Whether the presenter view is on. */
    boolean presenterOn() {
        return presenterToggle.isSelected();
    }

    /**
     * Switches the presenter view on or off: everything {@value ZoomPane#PRESENTER} times larger,
     * diagram text included, and the presenter stylesheet's stronger colours.
     */
    void presenter(boolean on) {
        presenterToggle.setSelected(on);
        if (zoom != null) {
            zoom.presenterProperty().set(on);
            looks.presenter(on);
        }
    }

    @FXML
    private void onLessonsToggle() {
        showLessons(lessonsToggle.isSelected());
    }

    /**
     * Shows or hides the Lessons panel, in the client list's place: the diagram keeps its room.
     * Hidden, a lesson stays open but no longer takes the keys or outlines a part.
     */
    void showLessons(boolean on) {
        lessonsToggle.setSelected(on);
        // the list goes before the panel shows (which may show it again, outlined), and comes back
        // after the panel hides (which hides what it showed only for its outline)
        if (on) {
            listGivesWay(true);
            Nodes.show(lessons, true);
        } else {
            Nodes.show(lessons, false);
            listGivesWay(false);
        }
    }

    private void listGivesWay(boolean toLessons) {
        if (sidePanels != null) {
            sidePanels.lessonsShown(toLessons);
        } else {
            Nodes.show(clientList, !toLessons);
        }
    }

    /** Brings the Synchronization lab's tab to the front. */
    void showSyncLab() {
        centreTabs.getSelectionModel().select(tabSync);
    }

    /** Brings the Compare tab to the front. */
    void showCompare() {
        centreTabs.getSelectionModel().select(tabCompare);
    }

    /** Brings the "Your server" tab to the front. */
    void showYourServer() {
        centreTabs.getSelectionModel().select(tabYourServer);
    }

    /** {@code open --observe}: the tab in front, the framing set, and the command started, if one was given. */
    private void observe(ObserveRequest request) {
        showYourServer();
        yourServerModel.framingProperty().set(request.framing());
        if (!request.command().isEmpty()) {
            yourServerModel.start(request.command());
        }
    }

    // For tests and benchmarks

    /** The folds of EchoLab's own server that the panels show. */
    public LabFolds folds() {
        return folds;
    }

    public EventPump pump() {
        return pump;
    }

    /** The Synchronization lab's view, built (and put in its tab) the first time it is needed. */
    public SyncLabView syncLab() {
        if (syncLab == null) {
            syncLab = new SyncLabView();
            syncLab.setId("syncLab");
            syncLab.bind(folds.scenario().scenario(), folds.clients(), folds.diagram(), figures, lab, pump);
            stepThrough = new StepThroughView(lab.events()); // its steps go into the log too
            syncLab.stepThroughHolder().getChildren().add(stepThrough);
            tabSync.setContent(syncLab);
        }
        return syncLab;
    }

    /** The Compare tab's view, built (and put in its tab) the first time it is needed. */
    public CompareView compare() {
        if (compare == null) {
            compare = new CompareView();
            compare.setId("compareView");
            tabCompare.setContent(compare);
        }
        return compare;
    }

    public LessonsPanel lessons() {
        return lessons;
    }

    /** The "Your server" tab's view, built (and put in its tab) the first time it is needed. */
    public YourServerView yourServer() {
        if (yourServer == null) {
            yourServer = new YourServerView();
            yourServer.setId("yourServer");
            yourServer.bind(yourServerModel, pump, tabYourServer.selectedProperty());
            tabYourServer.setContent(yourServer);
        }
        return yourServer;
    }
}
