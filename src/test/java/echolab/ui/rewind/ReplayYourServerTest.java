package echolab.ui.rewind;

import static echolab.testing.FxThread.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import echolab.events.Event;
import echolab.events.EventBus;
import echolab.record.Recording;
import echolab.record.RecordingHeader;
import echolab.record.RecordingWriter;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.LabWindow;
import echolab.ui.observe.ObservedTreeModel;
import echolab.ui.subject.Subject;
import javafx.scene.control.Label;

/**
 * A recording of a student's server (as {@code check --record} or the window's ring on "Your server"
 * writes it), replayed: the window opens on the student's server, its tree drawn from the recording,
 * and the header says it is a replay rather than asking for a command to start.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class ReplayYourServerTest {

    @TempDir
    static Path dir;

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened).beforeOpening(() -> {
        Path file = dir.resolve("student.jsonl.gz");
        EventBus bus = new EventBus();
        try (RecordingWriter writer = RecordingWriter.start(file, RecordingHeader.forThisMachine(
                RecordingHeader.SUBJECT_YOUR_SERVER, null, Map.of("command", "./fork_noreap")), bus)) {
            bus.publish((seq, nanos) -> new Event.ObservedServerStarted(seq, nanos, 4711, 7000, "./fork_noreap"));
            bus.publish((seq, nanos) -> new Event.ObservedProcessAppeared(seq, nanos, 4712, 4711, "./fork_noreap"));
            bus.publish((seq, nanos) -> new Event.ObservedProcessZombie(seq, nanos, 4712, 4711));
        }
        ReplayRequest.leave(new ReplayRequest("student.jsonl.gz", Recording.read(file)));
    });

    @Test
    void aRecordingOfAStudentsServerOpensOnItsTreeAndSaysItIsAReplay(FxRobot robot) {
        assertEquals(Subject.STUDENT, onFx(() -> window.controller().subjectProperty().get()),
                "the recording's subject, whatever the window was left on");
        String header = onFx(() -> robot.lookup("#studentLabel").queryAs(Label.class).getText());
        assertTrue(header.startsWith("replay of student.jsonl.gz · "), header);
        assertTrue(onFx(() -> robot.lookup("#sidePanel").query().isDisabled()), "no server to act on");
        waitFor(5, () -> onFx(() -> robot.lookup("#observedCaption").tryQuery().isPresent()));
        String caption = onFx(() -> robot.lookup("#observedCaption").queryAs(Label.class).getText());
        assertTrue(caption.contains("when it ran, played from a recording"), caption);
        robot.clickOn("#liveButton"); // "To the end"
        ObservedTreeModel tree = onFx(() -> window.controller().yourServer().viewModel().tree());
        waitFor(5, () -> onFx(() -> tree.serverPid() == 4711 && tree.zombies() == 1));
    }
}
