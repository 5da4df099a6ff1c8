package echolab.ui.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import echolab.lab.Lab;
import echolab.sync.DeadlockFix;
import echolab.sync.Scenario;
import echolab.ui.fold.Cadence;
import echolab.ui.EventPump;
import echolab.ui.fx.Nodes;
import echolab.ui.model.ScenarioModel;
import echolab.ui.clients.ClientsFold;
import echolab.ui.controls.FiguresFold;
import echolab.ui.diagram.DiagramFold;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Synchronization lab tab: a scenario selector that follows the server, a one-click set-up per
 * scenario, its settings, its drawing and figures, and what is happening, why and what fixes it.
 * Its layout is {@code fxml/sync-lab.fxml}, its look {@code css/sync-lab.css}; it is the FXML's
 * root and controller. Handlers are one-line delegations to {@link SyncLabViewModel}, which alone
 * calls the lab.
 *
 * <p>Figures are bound to the view model (they change a few times a second); the drawings are
 * redrawn ten times a second at most, and only while the tab is on screen, never per event.
 *
 * <p>Threading: construct, {@link #bind} and use on the FX thread only.
 */
public final class SyncLabView extends VBox {

    @FXML private FlowPane selector;
    @FXML private StackPane body;
    @FXML private VBox scenarioBody;
    @FXML private StackPane stepThroughHolder;
    @FXML private Button setUpButton;
    @FXML private Label setUpHint;
    @FXML private Label status;
    @FXML private VBox scenarioList;
    // settings
    @FXML private Node noneSettings;
    @FXML private Node handoffSettings;
    @FXML private Node deadlockSettings;
    @FXML private Node starvationSettings;
    @FXML private Node semaphoreSettings;
    @FXML private CheckBox handoffSafe;
    @FXML private Slider handoffWindow;
    @FXML private Label handoffWindowValue;
    @FXML private VBox deadlockFix;
    @FXML private Slider holdMillis;
    @FXML private Label holdMillisValue;
    @FXML private CheckBox fairLock;
    @FXML private Slider permits;
    @FXML private Label permitsValue;
    // drawings and figures
    @FXML private Node nonePage;
    @FXML private Node handoffPage;
    @FXML private Node deadlockPage;
    @FXML private Node starvationPage;
    @FXML private Node semaphorePage;
    @FXML private Label handoffOrphaned;
    @FXML private Label handoffDoubleServed;
    @FXML private Label handoffMode;
    @FXML private HandoffPicture handoffPicture;
    @FXML private Label deadlocksDetected;
    @FXML private Label backoffRetries;
    @FXML private Label deadlockEchoRate;
    @FXML private WaitForGraph waitForGraph;
    @FXML private Label livelockBanner;
    @FXML private Label lockKind;
    @FXML private Label starvationLockRate;
    @FXML private Label starvationEchoRate;
    @FXML private ShareBars starvationShares;
    @FXML private Label unfairWait;
    @FXML private Label fairWait;
    @FXML private Label unfairTurns;
    @FXML private Label fairTurns;
    @FXML private Label unfairStreak;
    @FXML private Label fairStreak;
    @FXML private Label unfairEchoes;
    @FXML private Label fairEchoes;
    @FXML private Label semaphoreK;
    @FXML private Label semaphoreInside;
    @FXML private Label semaphoreMax;
    @FXML private PermitGate semaphoreGate;
    // explanation
    @FXML private HBox explanation;
    @FXML private Label explainWhat;
    @FXML private Label explainWhy;
    @FXML private Label explainFixTitle;
    @FXML private Label explainFix;

    private final ToggleGroup choices = new ToggleGroup();
    private final ToggleGroup fixes = new ToggleGroup();
    private final Map<Scenario, Node> settingsPages = new EnumMap<>(Scenario.class);
    private final Map<Scenario, Node> drawingPages = new EnumMap<>(Scenario.class);
    private SyncLabViewModel vm;

    /** An unbound tab; it shows the lab once {@link #bind} gives it one. */
    public SyncLabView() {
        FXMLLoader loader = new FXMLLoader(SyncLabView.class.getResource("/fxml/sync-lab.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the Synchronization lab's FXML could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        setId("syncLab");
        for (SyncChoice c : SyncChoice.values()) {
            ToggleButton b = new ToggleButton(c.title());
            b.setId(c.nodeId());
            b.setUserData(c);
            b.setToggleGroup(choices);
            b.setTooltip(new Tooltip(c.summary()));
            selector.getChildren().add(b);
            if (c != SyncChoice.NONE) {
                Label title = Nodes.label(c.title(), "sync-scenario-name");
                Label words = Nodes.label(c.summary(), "sync-scenario-summary");
                scenarioList.getChildren().add(new VBox(title, words));
            }
        }
        for (DeadlockFix f : DeadlockFix.values()) {
            RadioButton r = new RadioButton(f.title());
            r.setId("fix" + camel(f.name()));
            r.setUserData(f);
            r.setToggleGroup(fixes);
            deadlockFix.getChildren().add(r);
        }
        settingsPages.put(Scenario.NONE, noneSettings);
        settingsPages.put(Scenario.HANDOFF, handoffSettings);
        settingsPages.put(Scenario.DEADLOCK, deadlockSettings);
        settingsPages.put(Scenario.STARVATION, starvationSettings);
        settingsPages.put(Scenario.SEMAPHORE, semaphoreSettings);
        drawingPages.put(Scenario.NONE, nonePage);
        drawingPages.put(Scenario.HANDOFF, handoffPage);
        drawingPages.put(Scenario.DEADLOCK, deadlockPage);
        drawingPages.put(Scenario.STARVATION, starvationPage);
        drawingPages.put(Scenario.SEMAPHORE, semaphorePage);
        show(SyncChoice.NONE);
    }

    /** {@code TRYLOCK_FIXED} reads {@code TrylockFixed}. */
    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /**
     * Shows {@code scenario}, with the clients, workers and figures those folds follow, and acts on
     * {@code lab}, redrawing on frames of {@code pump}. Call once, on the FX thread.
     */
    public void bind(ScenarioModel scenario, ClientsFold clients, DiagramFold diagram, FiguresFold figures, Lab lab,
                     EventPump pump) {
        bind(new SyncLabViewModel(lab, scenario, clients, diagram, figures), pump);
    }

    /** Shows {@code viewModel}, redrawing on frames of {@code pump}. Call once, on the FX thread. */
    public void bind(SyncLabViewModel viewModel, EventPump pump) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("bind the Synchronization lab on the FX thread");
        }
        if (vm != null) {
            throw new IllegalStateException("the Synchronization lab is already bound");
        }
        vm = viewModel;
        ScenarioModel sc = vm.scenario();

        Follow.toggles(choices, vm.shownProperty(), vm::choose);
        vm.shownProperty().addListener((o, was, is) -> show(is));
        show(vm.shownProperty().get());
        setUpButton.textProperty().bind(vm.setUpTextProperty());
        vm.setUpTextProperty().addListener((o, was, is) -> showSetUp());
        showSetUp();
        status.textProperty().bind(vm.statusProperty());
        bindExplanation();

        Follow.check(handoffSafe, sc.safeProperty(), vm::setSafe);
        Follow.slider(handoffWindow, handoffWindowValue, sc.handoffWindowMicrosProperty(), "%d µs",
                vm::setHandoffWindowMicros);
        Follow.toggles(fixes, sc.fixProperty(), vm::setFix);
        Follow.slider(holdMillis, holdMillisValue, sc.holdMillisProperty(), "%d ms", vm::setHoldMillis);
        Follow.check(fairLock, sc.fairProperty(), vm::setFair);
        Follow.slider(permits, permitsValue, sc.permitsProperty(), "K = %d", k -> vm.setPermits((int) k));

        bindFigures(sc);
        handoffPicture.setSafe(sc.safeProperty().get());
        sc.safeProperty().addListener((o, was, is) -> handoffPicture.setSafe(is));

        // Ten redraws a second on wall time (paused or slowed, changes still show), half a period
        // away from the diagram's, and only while the tab is on screen.
        Cadence cadence = new Cadence(10, 0.5).followsBudget(pump.budget());
        pump.onFrame(play -> {
            long now = System.nanoTime();
            vm.sample(now);
            if (cadence.due(now) && onScreen()) {
                redraw();
            }
        });
        redraw();
    }

    private void bindExplanation() {
        ObservableValue<Explanation> e = vm.explanationProperty();
        explainWhat.textProperty().bind(Bindings.createStringBinding(() -> e.getValue().what(), e));
        explainWhy.textProperty().bind(Bindings.createStringBinding(() -> e.getValue().why(), e));
        explainFixTitle.textProperty().bind(Bindings.createStringBinding(
                () -> e.getValue().fixTitle().toUpperCase(Locale.ROOT), e));
        explainFix.textProperty().bind(Bindings.createStringBinding(() -> e.getValue().fix(), e));
        explanation.visibleProperty().bind(Bindings.createBooleanBinding(() -> !e.getValue().isEmpty(), e));
        explanation.managedProperty().bind(explanation.visibleProperty());
    }

    private void bindFigures(ScenarioModel sc) {
        count(handoffOrphaned, sc.orphanedProperty());
        count(handoffDoubleServed, sc.doubleServedProperty());
        handoffMode.textProperty().bind(Bindings.createStringBinding(() -> sc.safeProperty().get()
                ? "Own copies now: the counts stop rising." : "One shared slot: the race is on.", sc.safeProperty()));
        alarm(handoffOrphaned, sc.orphanedProperty());
        alarm(handoffDoubleServed, sc.doubleServedProperty());

        count(deadlocksDetected, sc.deadlocksDetectedProperty());
        count(backoffRetries, sc.backoffRetriesProperty());
        rate(deadlockEchoRate, vm.echoRateProperty());
        alarm(deadlocksDetected, sc.deadlocksDetectedProperty());
        livelockBanner.textProperty().bind(Bindings.format(Locale.ROOT,
                "LIVELOCK  ·  all retry in step, nobody gets through  ·  %,d retries",
                sc.backoffRetriesProperty()));
        livelockBanner.visibleProperty().bind(sc.livelockProperty());

        lockKind.textProperty().bind(Bindings.when(sc.fairProperty()).then("fair").otherwise("unfair"));
        rate(starvationLockRate, vm.lockRateProperty());
        rate(starvationEchoRate, vm.echoRateProperty());
        run(vm.unfairRunProperty(), unfairWait, unfairTurns, unfairEchoes, unfairStreak);
        run(vm.fairRunProperty(), fairWait, fairTurns, fairEchoes, fairStreak);

        semaphoreK.textProperty().bind(sc.permitsProperty().asString());
        semaphoreInside.textProperty().bind(sc.concurrentProperty().asString());
        semaphoreMax.textProperty().bind(sc.maxConcurrentProperty().asString());
    }

    private static void count(Label label, ObservableNumberValue value) {
        label.textProperty().bind(Bindings.format(Locale.ROOT, "%,d", value));
    }

    private static void rate(Label label, ObservableNumberValue value) {
        label.textProperty().bind(Bindings.format(Locale.ROOT, "%,.0f", value));
    }

    /** Marks a count that should be zero while it is not. */
    private static void alarm(Label label, ObservableValue<Number> value) {
        Runnable mark = () -> Nodes.toggle(label, "alarm", value.getValue().longValue() > 0);
        value.addListener((o, was, is) -> mark.run());
        mark.run();
    }

    /** One column of the fairness table: a kind of lock's last run, or dashes before it has one. */
    private static void run(ObservableValue<SyncLabViewModel.FairnessRun> run, Label wait, Label turns, Label echoes,
                            Label streak) {
        streak.textProperty().bind(cell(run, r -> Integer.toString(r.mostTurnsInARow())));
        wait.textProperty().bind(cell(run, r -> String.format(Locale.ROOT, "%.0f ms", r.othersLongestWaitMillis())));
        turns.textProperty().bind(cell(run, r -> String.format(Locale.ROOT, "%,.0f", r.lockTurnsPerSecond())));
        echoes.textProperty().bind(cell(run, r -> String.format(Locale.ROOT, "%,.0f", r.echoesPerSecond())));
    }

    private static StringBinding cell(ObservableValue<SyncLabViewModel.FairnessRun> run,
                                      Function<SyncLabViewModel.FairnessRun, String> text) {
        return Bindings.createStringBinding(() -> run.getValue() == null ? "–" : text.apply(run.getValue()), run);
    }

    private void showSetUp() {
        boolean any = !vm.setUpTextProperty().get().isEmpty();
        Nodes.show(setUpButton, any);
        Nodes.show(setUpHint, any);
    }

    /** Shows the pages of {@code choice}: the lab's own, or the node of a choice with a view of its own. */
    private void show(SyncChoice choice) {
        Nodes.show(scenarioBody, !choice.ownPage());
        for (Node page : body.getChildren()) {
            if (page != scenarioBody) {
                Nodes.show(page, choice.ownPage() && choice.pageId().equals(page.getId()));
            }
        }
        settingsPages.forEach((s, page) -> Nodes.show(page, s == choice.scenario()));
        drawingPages.forEach((s, page) -> Nodes.show(page, s == choice.scenario()));
        if (vm != null) {
            redraw();
        }
    }

    /** Whether the tab is on screen: in a window, and neither it nor a parent hidden (an unselected tab is). */
    private boolean onScreen() {
        if (getScene() == null) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Redraws the drawing of the scenario shown. */
    private void redraw() {
        SyncChoice choice = vm.shownProperty().get();
        if (choice.ownPage()) {
            return;
        }
        DiagramFold model = vm.diagram();
        ScenarioModel sc = vm.scenario();
        switch (choice.scenario()) {
            case HANDOFF -> handoffPicture.refresh(vm.clients().clients());
            case DEADLOCK -> waitForGraph.refresh(sc.cycle(), sc.blocked(), Fx.workers(model, 8), model::worker);
            case STARVATION -> starvationShares.refresh(sc.shares());
            case SEMAPHORE -> semaphoreGate.refresh(sc.permitsProperty().get(), sc.concurrentProperty().get(),
                    Fx.workers(model, 16));
            case NONE -> { }
        }
    }

    // Handlers

    @FXML
    private void onSetUp() {
        vm.setUp();
    }

    @FXML
    private void onReset() {
        vm.resetDeadlock();
    }

    // For the window, the sixth choice and tests

    public SyncLabViewModel viewModel() {
        return vm;
    }

    /** Where a choice with a view of its own ("Step through a lost update") puts that view. */
    public StackPane stepThroughHolder() {
        return stepThroughHolder;
    }
}
