package echolab.ui.observe;

import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import echolab.events.Event;
import echolab.observe.check.Status;
import echolab.testing.FxWindow;
import echolab.testing.LiveLab;
import echolab.testing.NoLeftovers;
import echolab.ui.EventPump;
import echolab.ui.LabWindow;
import echolab.ui.rewind.EventHistory;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * The "Your server" tab driven from the real window, as a student would: type the program, Start,
 * add clients, watch the children it forks and the zombies they leave, Check, read the verdicts.
 * The C example servers are built into a temporary folder; without {@code cc} and {@code make} the
 * tests that need them are skipped, saying so.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(240)
class YourServerTabTest {

    private static final String PREFS = "echolab-test/your-server-" + ProcessHandle.current().pid();

    @TempDir
    static Path build;

    private LabWindow window;

    @BeforeAll
    static void ownHistory() {
        System.setProperty(CommandHistory.NODE_PROPERTY, PREFS); // the user's own history stays as it was
    }

    @AfterAll
    static void forgetHistory() throws Exception {
        System.clearProperty(CommandHistory.NODE_PROPERTY);
        Preferences node = Preferences.userRoot().node(PREFS);
        Preferences parent = node.parent();
        node.removeNode();
        if (parent.childrenNames().length == 0 && parent.keys().length == 0) {
            parent.removeNode();
        }
    }

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened).describedBy(this::shown);

    // Helpers

    /** What the tab shows, for a wait that times out to say. */
    private String shown() {
        return "the tab: " + vm().phaseProperty().get() + " | " + vm().statusProperty().get() + " | "
                + vm().figuresProperty().get() + " | " + vm().checkStatusProperty().get();
    }

    private YourServerViewModel vm() {
        return window.controller().yourServer().viewModel();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Builds example server {@code name} into the temporary folder, or skips the test saying why. */
    private static Path example(String name) throws Exception {
        assumeTrue(onPath("cc") && onPath("make"), "cc and make are needed to build the C example servers");
        Path program = build.resolve(name);
        if (Files.isExecutable(program)) {
            return program;
        }
        Path servers = Path.of("examples/servers").toAbsolutePath();
        assumeTrue(Files.isRegularFile(servers.resolve("Makefile")), "the example servers are not in " + servers);
        Process make = new ProcessBuilder("make", "-s", "-C", servers.toString(), "BUILD=" + build, program.toString())
                .redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(120, TimeUnit.SECONDS), "make did not finish");
        assertEquals(0, make.exitValue(), "make failed:\n" + out);
        return program;
    }

    /** Types {@code command} into the command field as a user would. */
    private static void typeCommand(FxRobot robot, String command) {
        TextField editor = LiveLab.onFx(() -> robot.lookup("#yourCommand").queryAs(ComboBox.class).getEditor());
        robot.clickOn(editor).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(command);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#yourStatus").queryAs(Label.class).getText();
    }

    /** PIDs of the child boxes drawn in the tab, zombies or not: the process diagram's own child boxes. */
    private static List<Long> childBoxes(FxRobot robot, boolean zombies) {
        List<Long> pids = new ArrayList<>();
        for (Node n : robot.lookup("#yourTree .process-box.child").queryAll()) {
            if (n.getId() != null && n.getId().startsWith("process-") && n.getStyleClass().contains("zombie") == zombies) {
                pids.add(Long.parseLong(n.getId().substring("process-".length())));
            }
        }
        return pids;
    }

    /** The box drawn in the tab for process {@code pid}, if any. */
    private static Optional<Node> box(FxRobot robot, long pid) {
        return robot.lookup("#yourTree #process-" + pid).tryQuery();
    }

    @SuppressWarnings("unchecked")
    private static Optional<VerdictRow> verdict(FxRobot robot, String id) {
        ListView<VerdictRow> list = robot.lookup("#yourVerdicts").queryAs(ListView.class);
        return list.getItems().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Starts {@code command} from the tab as a student would; returns its PID once it listens. */
    private long startListening(FxRobot robot, String command) throws Exception {
        robot.clickOn("#tabYourServer");
        typeCommand(robot, command);
        waitFor(5, () -> vm().commandProperty().get().equals(command));
        robot.clickOn("#yourStart");
        waitFor(20, () -> status(robot).startsWith("listening on 127.0.0.1:"));
        return LiveLab.onFx(() -> vm().serverPid());
    }

    // Tests

    @Test
    void aForkingServerThatNeverReapsShowsItsChildrenThenTheirZombiesAndFailsTheReapingCheck(FxRobot robot)
            throws Exception {
        Path program = example("fork_noreap");
        long server = startListening(robot, program.toString());
        assertTrue(status(robot).endsWith("· PID " + server), status(robot));
        waitFor(10, () -> box(robot, server).isPresent());

        robot.clickOn("#yourAdd5");
        waitFor(30, () -> childBoxes(robot, false).size() >= 5);
        List<Long> children = LiveLab.onFx(() -> childBoxes(robot, false));
        int live = 0;
        for (long pid : children) {
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            if (child.isPresent() && child.get().isAlive()) {
                assertEquals(server, child.get().parent().map(ProcessHandle::pid).orElse(-1L),
                        "PID " + pid + " is drawn as a child of the server");
                live++;
            }
        }
        assertTrue(live >= 5, "the children drawn are real processes, alive while their clients talk: " + children);
        // each child holds its client's connection, drawn in its box as the lab draws the client a child serves
        waitFor(10, () -> robot.lookup("#yourTree .process-box.child .process-client").queryAll().stream()
                .filter(n -> n.isVisible() && ((Label) n).getText().startsWith("serves s-client-")).count() >= 5);

        // the clients finish (a line every 0.1 s for 6 s); nobody reaps their children
        waitFor(40, () -> childBoxes(robot, true).containsAll(children));
        Node ghost = box(robot, children.get(0)).orElseThrow();
        assertTrue(LiveLab.onFx(() -> ghost.getStyleClass().contains("zombie")));
        assertTrue(LiveLab.onFx(() -> robot.from(ghost).lookup(".zombie-note").queryAs(Label.class).getText())
                .startsWith("zombie — ended, not reaped"));

        robot.clickOn("#yourCheck");
        waitFor(5, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.CHECKING);
        waitFor(150, () -> vm().phaseProperty().get() != YourServerViewModel.Phase.CHECKING);
        String checkStatus = robot.lookup("#yourCheckStatus").queryAs(Label.class).getText();
        waitFor(5, () -> verdict(robot, "reaping").isPresent());
        assertEquals(Status.FAIL, verdict(robot, "reaping").get().status(), checkStatus);
        LiveLab.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<VerdictRow> list = robot.lookup("#yourVerdicts").queryAs(ListView.class);
            list.scrollTo(verdict(robot, "reaping").get());
            return null;
        });
        waitFor(5, () -> robot.lookup("#verdict-reaping .verdict-mark").tryQuery()
                .map(n -> ((Label) n).getText().equals("✘")).orElse(false));
        assertTrue(robot.lookup("#yourModel").queryAs(Label.class).getText().startsWith("model: "));
        // where its parent waited with no client (Issue 21): in accept, its line named or why not
        List<String> modelEvidence = verdict(robot, "model").orElseThrow().evidence();
        assertTrue(modelEvidence.stream().anyMatch(line -> line.contains(", with no client: accept(")), modelEvidence.toString());

        Path md = build.resolve("report.md");
        Path json = build.resolve("report.json");
        LiveLab.onFx(() -> {
            vm().saveMarkdown(md);
            vm().saveJson(json);
            return null;
        });
        assertTrue(Files.readString(md).contains("`reaping`"));
        assertTrue(Files.readString(json).contains("\"reaping\""));

        robot.clickOn("#yourStop");
        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE);
        assertTrue(status(robot).startsWith("PID " + server), status(robot));
        assertFalse(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "the server is gone");
        waitFor(5, () -> robot.lookup("#yourTree .process-box").queryAll().isEmpty());
    }

    /**
     * The window's time machine takes the student's server back too: shown at an instant before
     * its children became zombies, the tab draws them alive, with the figures of that instant; Go
     * live draws the zombies again, and the server ran all along.
     */
    @Test
    void aForkingServerTakenBackBeforeItsZombiesDrawsItsChildrenAliveAndGoLiveDrawsTheZombiesAgain(FxRobot robot)
            throws Exception {
        Path program = example("fork_noreap");
        long server = startListening(robot, program.toString());
        robot.clickOn("#yourAdd5");
        waitFor(30, () -> childBoxes(robot, false).size() >= 5);
        List<Long> children = LiveLab.onFx(() -> childBoxes(robot, false));
        waitFor(40, () -> childBoxes(robot, true).containsAll(children));
        String zombieFigures = LiveLab.onFx(() -> vm().figuresProperty().get());
        assertTrue(zombieFigures.contains("zombie"), zombieFigures);
        int zombiesLive = LiveLab.onFx(() -> vm().tree().zombies()); // the framing probe's child is one too

        EventPump pump = window.controller().pump();
        long firstLine = firstTime(pump, e -> e instanceof Event.ObservedOutput o && o.pid() == server);
        long firstZombie = firstTime(pump, e -> e instanceof Event.ObservedProcessZombie z && children.contains(z.pid()));
        LiveLab.onFx(() -> {
            pump.rewindTo(firstLine - 1); // before the program said a word: nothing started yet
            return null;
        });
        waitFor(5, () -> outputShown(robot).isEmpty() && robot.lookup("#yourTree .process-box").queryAll().isEmpty());
        LiveLab.onFx(() -> {
            pump.rewindTo(firstZombie - 1);
            return null;
        });
        waitFor(5, () -> java.util.Collections.disjoint(childBoxes(robot, true), children)
                && childBoxes(robot, false).containsAll(children));
        String before = LiveLab.onFx(() -> vm().figuresProperty().get());
        assertTrue(before.startsWith("PID " + server), before);
        assertFalse(before.equals(zombieFigures), "the figures of the instant shown: " + before);
        // the zombies of that instant: the framing probe's child may have become one before or after ours
        long zombiesThen = before(pump, e -> e instanceof Event.ObservedProcessZombie, firstZombie)
                - before(pump, e -> e instanceof Event.ObservedProcessReaped r && r.wasZombie(), firstZombie);
        assertEquals(zombiesThen, (long) LiveLab.onFx(() -> vm().tree().zombies()),
                "the children are not zombies yet: " + before);
        waitFor(5, () -> !outputShown(robot).isEmpty() && outputShown(robot).equals(vm().tree().output()));

        LiveLab.onFx(() -> {
            pump.goLive();
            return null;
        });
        waitFor(5, () -> childBoxes(robot, true).containsAll(children));
        assertEquals(zombiesLive, (int) LiveLab.onFx(() -> vm().tree().zombies()), "live again, every zombie");
        String again = LiveLab.onFx(() -> vm().figuresProperty().get());
        assertTrue(again.contains("zombie"), "live again, the zombies' figures: " + again);
        assertTrue(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "the server ran all along");
        robot.clickOn("#yourStop");
        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE);
    }

    /** The time of the first event in the window's history that {@code which} accepts. */
    private static long firstTime(EventPump pump, java.util.function.Predicate<Event> which) {
        return LiveLab.onFx(() -> {
            EventHistory history = pump.timeMachine().history();
            for (long i = history.first(); i < history.head(); i++) {
                if (which.test(history.get(i))) {
                    return history.time(i);
                }
            }
            throw new AssertionError("not in the window's history");
        });
    }

    /** How many events of the window's history before {@code time} match. */
    private static long before(EventPump pump, java.util.function.Predicate<Event> which, long time) {
        return LiveLab.onFx(() -> {
            EventHistory history = pump.timeMachine().history();
            long n = 0;
            for (long i = history.first(); i < history.head() && history.time(i) < time; i++) {
                n += which.test(history.get(i)) ? 1 : 0;
            }
            return n;
        });
    }

    /** The lines the output pane shows. */
    @SuppressWarnings("unchecked")
    private static List<OutputLine> outputShown(FxRobot robot) {
        return List.copyOf(robot.lookup("#yourOutput").queryAs(ListView.class).getItems());
    }

    @Test
    void aProgramThatDoesNotExistIsSaidInOneLineAndNothingRuns(FxRobot robot) throws Exception {
        robot.clickOn("#tabYourServer");
        typeCommand(robot, "./no-such-server-here");
        robot.clickOn("#yourStart");
        waitFor(15, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE
                && status(robot).startsWith("no such program: ./no-such-server-here"));
        String said = status(robot);
        assertFalse(said.contains("\n"), "one line: " + said);
        assertEquals(-1, LiveLab.onFx(() -> vm().serverPid()));
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "nothing runs");
        assertFalse(NoLeftovers.ourThreads().contains("echolab-observer"), "nothing is being watched");
        assertTrue(robot.lookup("#yourTree .process-box").queryAll().isEmpty());
        assertTrue(LiveLab.onFx(() -> vm().canStartProperty().get()), "Start can be pressed again");
    }

    @Test
    void aProgramThatExitsBeforeItListensIsSaidWithItsLastWords(FxRobot robot) throws Exception {
        assumeTrue(onPath("sh"), "needs sh");
        Path script = build.resolve("dies.sh");
        Files.writeString(script, "#!/bin/sh\necho 'cannot bind: port taken' >&2\nexit 3\n");
        script.toFile().setExecutable(true);
        robot.clickOn("#tabYourServer");
        typeCommand(robot, script.toString());
        robot.clickOn("#yourStart");
        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE
                && status(robot).contains("exited with code 3"));
        @SuppressWarnings("unchecked")
        ListView<OutputLine> output = robot.lookup("#yourOutput").queryAs(ListView.class);
        waitFor(5, () -> output.getItems().stream().anyMatch(l -> l.stderr() && l.text().contains("cannot bind")));
    }

    @Test
    void aServerThatExitsByItselfWhileWatchedIsNoticedAndLetGo(FxRobot robot) throws Exception {
        assumeTrue(onPath("python3"), "needs python3 for a server that listens a moment and exits");
        Path script = build.resolve("brief.py");
        Files.writeString(script, String.join("\n",
                "import socket, sys, time",
                "s = socket.socket()",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('127.0.0.1', int(sys.argv[1])))",
                "s.listen()",
                "print('listening', flush=True)",
                "time.sleep(1.5)",
                "sys.exit(4)", ""));
        long server = startListening(robot, "python3 " + script);
        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE);
        assertTrue(status(robot).startsWith("PID " + server + ": the server exited with code 4"), status(robot));
        assertFalse(NoLeftovers.ourThreads().contains("echolab-observer"), "no longer watched");
        assertTrue(LiveLab.onFx(() -> vm().canStartProperty().get()), "Start can be pressed again");
    }

    @Test
    void aServerThatCrashesSaysWhichSignalShowsItsLastWordsAndStartsAgain(FxRobot robot) throws Exception {
        Path program = echolab.testing.TinyCServers.compile(build, "crash", echolab.testing.TinyCServers.CRASH_ON_FIRST_CLIENT);
        long first = startListening(robot, program.toString());
        robot.clickOn("#yourAddClient"); // its first client: the server writes through a null pointer

        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE);
        assertTrue(status(robot).startsWith("PID " + first + " crashed: SIGSEGV (signal 11): usually a read or write past"),
                status(robot));
        assertTrue(status(robot).endsWith("Start runs it again."), status(robot));
        waitFor(5, () -> box(robot, first).isPresent());
        Node box = box(robot, first).orElseThrow();
        waitFor(5, () -> box.getStyleClass().contains("crashed")); // drawn on the frame after the status says so
        assertEquals("crashed: SIGSEGV (signal 11)", LiveLab.onFx(() -> robot.from(box).lookup(".crash-note").queryAs(Label.class).getText()));
        @SuppressWarnings("unchecked")
        ListView<OutputLine> output = robot.lookup("#yourOutput").queryAs(ListView.class);
        waitFor(5, () -> output.getItems().stream().anyMatch(l -> l.stderr() && l.text().contains("wrote through a null pointer")));
        assertFalse(ProcessHandle.of(first).map(p -> p.isAlive()).orElse(false), "the crashed server is reaped");

        assertTrue(LiveLab.onFx(() -> vm().canStartProperty().get()), "Start can be pressed again");
        robot.clickOn("#yourStart");
        waitFor(20, () -> status(robot).startsWith("listening on"));
        long second = LiveLab.onFx(() -> vm().serverPid());
        assertTrue(second != first, "a fresh server");
        waitFor(5, () -> box(robot, first).isEmpty());
        robot.clickOn("#yourStop");
        waitFor(20, () -> vm().phaseProperty().get() == YourServerViewModel.Phase.IDLE);
    }
}
