package echolab.ui.lessons;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import echolab.lab.Lab;
import echolab.lessons.ExampleServers;
import echolab.lessons.Lesson;
import echolab.lessons.LessonFileException;
import echolab.lessons.LessonPlayer;
import echolab.lessons.LessonReader;
import echolab.lessons.LessonRunner;
import echolab.lessons.Lessons;
import echolab.lessons.RunResult;
import echolab.lessons.Sitting;
import echolab.lessons.Step;
import echolab.ui.fx.Hints;
import echolab.ui.fx.Nodes;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Lessons panel: the built-in lessons and "Open lesson file…", then, with a lesson open, its
 * step card (predict, run, reveal) played by a {@link LessonPlayer} on the window's own lab, so the
 * runs animate in the diagram beside it; under both, the sitting's record. While a lesson is open
 * and the panel shown, the presenter's keys drive it (see {@link LessonKeys}). Its look is
 * {@code css/lessons.css}. FX thread.
 */
public final class LessonsPanel extends VBox {

    private final Sitting sitting = new Sitting(); // one per window, across lessons
    private final VBox catalogue = new VBox(8);
    private final Label fileError = Nodes.label("", "lesson-error");
    private final ScrollPane scroll = new ScrollPane();
    private final Highlighter highlighter = new Highlighter();
    // Built the first time the panel shows or a lesson opens (see built()): hidden, it is in the
    // scene all the same, and its table, cards and the lessons' reading would delay the first frame.
    private StepCard card;
    private SittingRecord record;

    private Lab lab;
    private Consumer<RunResult> compared = r -> { };
    private LessonPlayer player;
    private RunResult lastRevealed;
    private boolean wasRunning;
    private Consumer<Step.Run> runStarted = run -> { };
    private Consumer<RunResult> revealRun = run -> { };
    private RunResult lastShown;

    public LessonsPanel() {
        setId("lessonsPanel");
        getStyleClass().add("lessons-panel");
        fileError.setId("lessonFileError");
        fileError.setWrapText(true);
        Nodes.show(fileError, false);
        catalogue.setId("lessonCatalogue");
        catalogue.getStyleClass().add("lesson-catalogue");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lessons-scroll");
        scroll.setContent(catalogue);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        sceneProperty().addListener((obs, was, is) -> {
            if (is != null) {
                is.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
                refresh(); // a lesson opened before the window was shown points at its part now
            }
        });
        visibleProperty().addListener((obs, was, is) -> {
            if (is) {
                built();
            }
            refresh();
        });
    }

    /** Whether the panel's content has been built yet (for the start-up test). */
    boolean contentBuilt() {
        return record != null;
    }

    /** Builds the content the first time it is needed: the list of lessons, the card, the record. */
    private void built() {
        if (record != null) {
            return;
        }
        card = new StepCard(this::leave);
        record = new SittingRecord(sitting);
        getChildren().addAll(Nodes.label("LESSONS", "panel-title"), scroll, record);
        Button openFile = new Button("Open lesson file…");
        openFile.setId("openLessonFile");
        openFile.setOnAction(e -> chooseFile());
        Hints.tip(openFile, "Opens a teacher's own lesson, a YAML or JSON file. A file that cannot be used leaves "
                + "everything as it was, and a line under this button says why.");
        catalogue.getChildren().setAll(entries(Lessons.builtIn()));
        catalogue.getChildren().addAll(openFile, fileError);
    }

    /**
     * Lists the built-in lessons; a lesson opened here runs on {@code lab}, and a compare run's
     * result is handed to {@code compared} (the Compare tab draws it). Once.
     */
    public void bind(Lab lab, Consumer<RunResult> compared) {
        this.lab = lab;
        this.compared = compared;
        if (isVisible()) {
            built();
        }
    }

    private List<Button> entries(List<Lesson> lessons) {
        return lessons.stream().map(l -> {
            Label title = Nodes.label(l.title(), "lesson-entry-title");
            Label about = Nodes.label(CardTexts.about(l), "lesson-entry-about");
            // one line each (the tooltip says more): a wrapping label inside a button's graphic is
            // asked its height for no width, and answered as if every word were a line of its own
            Button b = new Button(null, new VBox(2, title, about));
            b.setId("lesson-" + l.id());
            b.getStyleClass().add("lesson-entry");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> open(l));
            Hints.tip(b, CardTexts.entryTip(l));
            return b;
        }).toList();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Lessons (YAML, JSON)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            open(file.toPath());
        }
    }

    /**
     * Reads a teacher's lesson file and opens it; a file that cannot be used leaves everything as
     * it was and says why in one line under the button.
     *
     * @return whether it opened
     */
    public boolean open(Path file) {
        built();
        Lesson lesson;
        try {
            lesson = LessonReader.read(file);
        } catch (LessonFileException e) {
            fileError(e.getMessage());
            return false;
        } catch (RuntimeException e) { // the reader's own mistake: still one line, never a trace
            fileError(file + ": could not be read: " + e);
            return false;
        }
        fileError("");
        open(lesson);
        return true;
    }

    private void fileError(String text) {
        Nodes.text(fileError, text.lines().findFirst().orElse(""));
        Nodes.show(fileError, !text.isEmpty());
    }

    /** Opens {@code lesson} at its first step (leaving the lesson open before, if any). */
    public void open(Lesson lesson) {
        built();
        leave();
        LessonPlayer p = new LessonPlayer(lesson, new LessonRunner(lab, ExampleServers.standard()), sitting, Platform::runLater);
        player = p;
        p.onChange(() -> {
            if (p == player) { // a lesson left behind may still say it finished
                refresh();
            }
        });
        scroll.setContent(card);
        if (!getChildren().contains(card.nav())) {
            getChildren().add(getChildren().indexOf(scroll) + 1, card.nav());
        }
        scroll.setVvalue(0);
        p.start();
        refresh();
    }

    /** Esc or "Leave lesson": stops a run under way; the sitting's record stays. */
    public void leave() {
        if (player == null) {
            return;
        }
        LessonPlayer p = player;
        player = null;
        p.close();
        highlighter.clear();
        card.clear();
        scroll.setContent(catalogue);
        getChildren().remove(card.nav());
        scroll.setVvalue(0); // the list from its top, not where the card was scrolled to
        record.refresh();
    }

    /**
     * Tells {@code shows} the run a reveal quotes, when the reveal comes in front: the window takes
     * its picture back to that run (the timeline has scrolled past it by then), and Go live returns.
     */
    public void onRevealRun(Consumer<RunResult> shows) {
        revealRun = shows;
    }

    /** Whether a lesson is open and shown: its keys (the arrows among them) are the lesson's. */
    public boolean inFront() {
        return player != null && isVisible();
    }

    /** Tells {@code live} the run step of the lesson that has started: the window shows it as it happens. */
    public void onRunStarted(Consumer<Step.Run> live) {
        runStarted = live;
    }

    /** Ends the lesson with the window: no run or thread is left. */
    public void close() {
        leave();
    }

    private void refresh() {
        if (record == null) {
            return; // nothing built, nothing open: nothing to show
        }
        record.refresh();
        if (player == null) {
            highlighter.clear();
            return;
        }
        card.show(player);
        RunResult last = player.lastResult();
        if (last != null && last != lastShown && last.compared() != null) {
            compared.accept(last); // once per run, however often the card is redrawn
        }
        lastShown = last;
        boolean running = player.status() == LessonPlayer.Status.RUNNING;
        if (running && !wasRunning) {
            if (player.step() instanceof Step.Run run) {
                runStarted.accept(run); // a run is watched live, whatever an earlier reveal took the window back to
            }
        }
        wasRunning = running;
        LessonPlayer.Reveal reveal = player.reveal();
        if (reveal != null && last != null && last.timed() && last != lastRevealed) {
            lastRevealed = last; // once per reveal of a run: the teacher may go live and stay there
            revealRun.accept(last);
        } else if (reveal == null) {
            lastRevealed = null;
        }
        Scene scene = getScene();
        highlighter.show(scene, isVisible() ? HighlightTargets.forStep(player.step()).orElse(null) : null);
    }

    /** The presenter's keys, unless the focus is in a field (a guess, hands) or no lesson is in front. */
    private void onKey(KeyEvent e) {
        if (player == null || !isVisible() || e.isShortcutDown() || e.isAltDown()
                || getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        LessonKeys.of(e.getCode().name()).ifPresent(action -> {
            LessonPlayer p = player;
            switch (action.kind()) {
                case CHOOSE:
                    if (card.takesDigits()) {
                        return; // hands are being counted: a digit is not an answer
                    }
                    p.choose(action.choice());
                    break;
                case NEXT:
                    p.next();
                    break;
                case BACK:
                    p.back();
                    break;
                case RERUN:
                    p.rerun();
                    break;
                case LEAVE:
                    leave();
                    break;
                default:
                    return;
            }
            e.consume();
        });
    }

    // For the window and tests

    public LessonPlayer player() {
        return player;
    }

    public Sitting sitting() {
        return sitting;
    }

    /** Writes the sitting's record as the export buttons do, without the file chooser. */
    public boolean export(SittingFiles.Format format, Path file) {
        built();
        return record.export(format, file);
    }
}
