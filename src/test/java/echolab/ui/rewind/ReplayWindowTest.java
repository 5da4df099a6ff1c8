package echolab.ui.rewind;

import static echolab.testing.FxThread.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import echolab.cli.EchoLabCommand;
import echolab.events.Event;
import echolab.record.Recording;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.testing.RecordedRun;
import echolab.ui.EventPump;
import echolab.ui.LabWindow;
import echolab.ui.OpenCommand;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

/**
 * {@code open --replay FILE}: the window plays a recording of a real run instead of its own server.
 * It opens at the recording's start, paused; the arrows step through it; Go live goes to its end,
 * where the diagram shows the recorded server (its PID, its counter), not the window's own; the
 * side panel, which acts on a server, is off. A file that is no recording is one line and exit 2.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class ReplayWindowTest {

    @TempDir
    static Path dir;

    private static List<Event> recorded;

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened).beforeOpening(() -> {
        Path file = dir.resolve("run.jsonl.gz");
        if (!Files.exists(file)) {
            RecordedRun.recordTo(file, 3, 15);
        }
        Recording read = Recording.read(file);
        recorded = read.events();
        ReplayRequest.leave(new ReplayRequest("run.jsonl.gz", read));
    });

    @Test
    void aRecordingPlaysInTheWindowFromItsStartAndGoLiveGoesToItsEnd(FxRobot robot) throws Exception {
        EventPump pump = window.controller().pump();
        assertTrue(onFx(pump::replaying));
        assertTrue(onFx(() -> robot.lookup("#listeningLabel").queryAs(Label.class).getText()).startsWith("replay of run.jsonl.gz"));
        assertTrue(onFx(() -> robot.lookup("#sidePanel").query().isDisabled()), "no server to act on");
        assertTrue(onFx(() -> pump.pausedProperty().get()), "it opens paused");
        assertEquals(0L, (long) onFx(() -> pump.timeMachine().cursor()), "at the recording's start");
        assertEquals("To the end", onFx(() -> robot.lookup("#liveButton").queryAs(javafx.scene.control.Button.class).getText()),
                "nothing is live in a replay");

        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.RIGHT);
        }
        waitFor(5, () -> onFx(() -> pump.timeMachine().cursor()) == 20);

        robot.clickOn("#liveButton");
        waitFor(5, () -> onFx(() -> pump.timeMachine().cursor()) == recorded.size());
        long pid = recorded.stream().filter(Event.ServerStarted.class::isInstance).map(Event.ServerStarted.class::cast)
                .findFirst().orElseThrow().pid();
        long counter = recorded.stream().filter(Event.CounterWritten.class::isInstance)
                .map(Event.CounterWritten.class::cast).reduce((a, b) -> b).orElseThrow().value();
        assertEquals(pid, (long) onFx(() -> window.controller().folds().diagram().serverProcess().pid()),
                "the recorded server, not the window's own");
        assertEquals(counter, (long) onFx(() -> window.controller().folds().diagram().serverProcess().counterProperty().get()));
        assertEquals(recorded.size(), (long) onFx(() -> pump.timeMachine().head()), "nothing of the window's own server");
    }

    @Test
    void aFileThatIsNoRecordingIsOneLineAndExitTwoBeforeAnyWindow() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my notes\n");
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = EchoLabCommand.execute(new Object[] {new OpenCommand()}, "open", "--replay", notes.toString());
        } finally {
            System.setErr(was);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, said);
        assertEquals(1, said.strip().lines().count(), said);
        assertTrue(said.contains("not an EchoLab recording"), said);
        ReplayRequest.take(); // none was left, but leave nothing for another window either
    }
}
