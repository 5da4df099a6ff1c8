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
import echolab.ui.subject.Subject;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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
    // the subject: which server the window studies (see followSubject)
    @FXML private ToggleGroup subjectGroup;
    @FXML private ToggleButton subjectEchoLab;
    @FXML private ToggleButton subjectStudent;
    @FXML private Label studentLabel;
    @FXML private Label sourceLabel;
    @FXML private VBox sidePanel;
    @FXML private ScrollPane studentPanel;
    @FXML private Tab tabDiagram;
    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>(Subject.ECHOLAB);
    /** The recording the window plays instead of its lab ({@code open --replay}); null when live. */
    private echolab.ui.rewind.ReplayRequest replayed;
    private boolean observeRequested;
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
        java.util.Optional<echolab.ui.rewind.ReplayRequest> replay = echolab.ui.rewind.ReplayRequest.take();
        if (replay.isPresent()) {
            // a recording instead of the lab: the folds start from its settings, the pump from its events
            echolab.ui.trace.TraceSettings recorded = echolab.ui.trace.TraceSettings.of(
                    replay.get().recording().header().settings());
            folds = new LabFolds(recorded.mode(), recorded.protection(), recorded.delayMillis(),
                    recorded.raceWindowMicros(), recorded.poolSize(), recorded.blockingLoop());
            events.close();
            events = new echolab.events.EventBus().subscribe("replay: no server", 1);
        } else {
            folds = new LabFolds(server.mode(), server.protection(), server.delayMillis(),
                    server.raceWindowMicros(), server.poolSize(), server.blockingLoop());
        }
        pump = new EventPump(events);
        folds.addTo(pump);
        ControlsFold model = folds.controls();
        figures = new FiguresFold(folds.diagram().processes(), folds.scenario().scenario());
        pump.add(figures); // the figures of the instant shown: now when live, the past when taken back

        String host = server.host();
        java.util.List<String> reachable = echolab.lab.BindAddress.reachableAt(host);
        // a narrow window (a projector) keeps what a student types: the command with its address and port
        Nodes.fit(listeningLabel, reachable.isEmpty()
                ? "listening on " + host + ":" + server.port() + " — try: nc " + host + " " + server.port()
                : "listening on " + (echolab.lab.BindAddress.isWildcard(host) ? "every address, port " : host + ":") + server.port()
                        + " — students: nc " + reachable.get(0) + " " + server.port()
                        + (reachable.size() > 1 ? "  (or " + String.join(", ", reachable.subList(1, Math.min(4, reachable.size()))) + ")" : ""),
                reachable.isEmpty() ? "nc " + host + " " + server.port() : "students: nc " + reachable.get(0) + " " + server.port());
        replay.ifPresent(r -> {
            replayed = r;
            Nodes.fit(listeningLabel, replayTitle(), "replay of " + r.name());
            sidePanel.setDisable(true); // a replay has no server to act on
        });
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
        pump.add(yourServerModel.fold()); // a fold with checkpoints: a rewind takes the student's server back too
        tabSync.selectedProperty().addListener((obs, was, is) -> syncLab());
        tabCompare.selectedProperty().addListener((obs, was, is) -> compare());
        tabYourServer.selectedProperty().addListener((obs, was, is) -> yourServer());
        followSubject();
        if (replayed != null) { // a recording of a student's server opens on its tree
            subject.set(echolab.record.RecordingHeader.SUBJECT_YOUR_SERVER.equals(replayed.recording().header().subject())
                    ? Subject.STUDENT : Subject.ECHOLAB);
        }
        ObserveRequest.take().ifPresent(this::observe);
        // the lessons run on this window's lab, so their runs animate here; a compare run is drawn in the Compare tab
        lessons.bind(lab, run -> compare().viewModel().show(run.compared(), "a lesson"));
        // a reveal quotes its run, which has scrolled past by then: the window shows it again, on the
        // server it ran on (a student's example server's run is drawn as "Your server")
        lessons.onRevealRun(run -> {
            subject.set(subjectOf(run.step()));
            timeline.showAgain(pump, run.startedNanos(), run.endedNanos());
        });
        timeline.sceneProperty().addListener((obs, was, is) -> {
            if (is != null && was == null) {
                echolab.ui.timeline.RewindKeys.install(is, pump, lessons::inFront); // ← → step the picture
            }
        });
        lessons.onRunStarted(run -> {
            if (pump.behindProperty().get()) {
                pump.goLive();
            }
            subject.set(subjectOf(run));
        });
        LessonRequest.take().ifPresent(request -> {
            showLessons(true);
            lessons.open(request.lesson());
        });
        replay.ifPresent(r -> {
            pump.replay(r.recording().events()); // folded once through, then back to its start
            timeline.showsReplay();
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
     * Shown, it makes EchoLab's server the subject.
     * Hidden, a lesson stays open but no longer takes the keys or outlines a part.
     */
    void showLessons(boolean on) {
        lessonsToggle.setSelected(on);
        if (on) {
            subject.set(Subject.ECHOLAB); // the lessons run on EchoLab's server, and point at its controls
        }
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

    /** {@code open --observe}: the student's server the subject, the framing set, and the command started, if one was given. */
    private void observe(ObserveRequest request) {
        observeRequested = true;
        subject.set(Subject.STUDENT);
        yourServerModel.framingProperty().set(request.framing());
        if (!request.command().isEmpty()) {
            yourServerModel.start(request.command());
        }
    }

    // The subject ------------------------------------------------------------------------------

    /**
     * Makes the window follow its subject: the switch atop the side panel sets it, and so does choosing a tab
     * (the "Your server" tab is the student's server's; the others are EchoLab's). The header, the
     * side panel, the timeline's lanes and the log's rows follow it; the choice is remembered.
     */
    private void followSubject() {
        VBox.setVgrow(echoLabsPanel(), Priority.ALWAYS);
        subjectGroup.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                was.setSelected(true); // a switch: one side is always on
            } else {
                subject.set(is == subjectStudent ? Subject.STUDENT : Subject.ECHOLAB);
            }
        });
        centreTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                subject.set(is == tabYourServer ? Subject.STUDENT : Subject.ECHOLAB));
        studentLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (replayed != null) {
                return replayTitle(); // a recording of a student's server: no command of this window's
            }
            String command = java.util.Objects.requireNonNullElse(yourServerModel.commandProperty().get(), "").trim();
            String status = java.util.Objects.requireNonNullElse(yourServerModel.statusProperty().get(), "");
            return "your server" + (command.isEmpty() ? "" : ": " + command) + (status.isEmpty() ? "" : " · " + status);
        }, yourServerModel.commandProperty(), yourServerModel.statusProperty()));
        sourceLabel.setText(replayed != null ? "its picture: as it was read when it ran"
                : (new java.io.File("/proc/self/stat").exists() ? "its picture: read from /proc "
                : "its picture: read by OSHI ") + echolab.observe.TreeSampler.DEFAULT_PER_SECOND + " times a second");
        subject.addListener((obs, was, is) -> {
            show(is);
            if (replayed == null) {
                Remembered.saveSubject(Remembered.node(), is); // switched, not merely opened on (a replay's is the recording's)
            }
        });
        show(subject.get());
    }

    /** Puts {@code s} everywhere the subject shows. */
    private void show(Subject s) {
        boolean student = s == Subject.STUDENT;
        (student ? subjectStudent : subjectEchoLab).setSelected(true);
        if (student) {
            if (studentPanel.getContent() == null) {
                studentPanel.setContent(yourServer().sidePanel());
            }
            centreTabs.getSelectionModel().select(tabYourServer);
        } else if (tabYourServer.isSelected()) {
            centreTabs.getSelectionModel().select(tabDiagram);
        }
        Nodes.show(echoLabsPanel(), !student);
        Nodes.show(studentPanel, student);
        for (Label echoLabs : java.util.List.of(listeningLabel, modeLabel, protectionLabel)) {
            Nodes.show(echoLabs, !student);
        }
        Nodes.show(studentLabel, student);
        Nodes.show(sourceLabel, student);
        folds.timeline().timeline().showOnly(lane -> s.ownsLane(lane.key, lane.label()));
        folds.log().log().showOnly(s::owns);
        clientList.showOnly(c -> s.ownsClient(c.name()));
    }

    /** The server a lesson's run is on: a student's example server's run is drawn as "Your server". */
    private static Subject subjectOf(echolab.lessons.Step.Run run) {
        return run.student() != null ? Subject.STUDENT : Subject.ECHOLAB;
    }

    /** EchoLab's side panel (controls.fxml), under the switch. */
    private javafx.scene.Node echoLabsPanel() {
        return sidePanel.getChildren().get(1);
    }

    /** The server the window studies; setting it switches everything that follows it. */
    public ObjectProperty<Subject> subjectProperty() {
        return subject;
    }

    /** What the header says of a replay: the file, and where and when it was recorded. */
    private String replayTitle() {
        return "replay of " + replayed.name() + " · " + replayed.recording().header().provenance();
    }

    /**
     * Opens on the subject the window was left on, unless {@code open} asked for the student's server
     * ({@code --observe}) or a lesson (which runs on EchoLab's), or plays a recording, which opens on
     * the server it recorded.
     */
    void restoreSubject() {
        if (replayed == null && !observeRequested && !lessonsToggle.isSelected()) { // a replay keeps the recording's
            subject.set(Remembered.subject(Remembered.node()));
        }
    }

    /**
     * Writes what the window keeps of its run, from the earliest instant it can show to now, as a
     * trace (Perfetto, or Chrome JSON for a {@code .json} file) to open in ui.perfetto.dev.
     */
    public void exportTrace(java.nio.file.Path file) throws java.io.IOException {
        echolab.ui.trace.TraceFiles.write(file, "EchoLab", echolab.ui.trace.TraceSettings.of(lab.options()),
                pump.timeMachine().kept());
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
            if (replayed != null) {
                yourServer.asRecorded();
            }
            yourServer.bind(yourServerModel, pump, tabYourServer.selectedProperty());
            tabYourServer.setContent(yourServer);
        }
        return yourServer;
    }
}
