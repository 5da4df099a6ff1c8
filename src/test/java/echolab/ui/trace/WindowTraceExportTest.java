package echolab.ui.trace;

import static echolab.testing.FxThread.onFx;
import static echolab.testing.FxThread.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import com.fasterxml.jackson.databind.ObjectMapper;

import echolab.clients.Behaviour;
import echolab.testing.FxWindow;
import echolab.testing.NoLeftovers;
import echolab.ui.LabWindow;

/**
 * File → Export trace… writes what the window keeps of its run: a Perfetto trace whose tracks,
 * states and flows are those of the run on screen, or a Chrome JSON trace for a {@code .json} file.
 * The real window with its real server and clients; the file dialog itself is the system's.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class WindowTraceExportTest {

    @TempDir
    Path dir;

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(opened -> window = opened);

    @Test
    void theWindowsRunIsExportedAsAPerfettoTraceAndAsChromeJson(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        assertTrue(onFx(() -> bar.getMenus().get(0).getItems().stream().anyMatch(i -> "exportTrace".equals(i.getId()))),
                "File → Export trace…");
        for (int i = 0; i < 3; i++) {
            window.lab().addClient(new Behaviour.Steady(5, 5, 32));
        }
        waitFor(20, () -> window.lab().stats().echoed() >= 15);
        waitFor(10, () -> window.controller().pump().timeMachine().cursor() > 50);

        Path perfetto = dir.resolve("run.perfetto-trace");
        onFx(() -> {
            window.controller().exportTrace(perfetto);
            return null;
        });
        PerfettoCheck trace = new PerfettoCheck(Files.readAllBytes(perfetto));
        assertTrue(trace.sliceNames.contains("reading"), "the workers' states: " + trace.sliceNames);
        assertTrue(trace.sliceNames.contains("served"), "the clients' states: " + trace.sliceNames);
        assertEquals(3, trace.threadsOf(TraceTracks.CLIENTS_PID).size(), "a lane per client, as on screen");
        assertTrue(trace.flows >= 3, "an arrow from each accept to its worker: " + trace.flows);

        Path chrome = dir.resolve("run.json");
        onFx(() -> {
            window.controller().exportTrace(chrome);
            return null;
        });
        List<?> events = new ObjectMapper().readValue(chrome.toFile(), List.class);
        assertFalse(events.isEmpty());
        assertTrue(events.stream().anyMatch(e -> "reading".equals(((Map<?, ?>) e).get("name"))), "the same states in JSON");
    }
}
