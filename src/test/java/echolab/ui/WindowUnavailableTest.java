package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echolab.testing.EchoLabJvm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Where the window cannot open, the user reads one line saying what to install, not a stack trace. */
@Timeout(60)
class WindowUnavailableTest {

    @Test
    void whatJavaFxSaysWithoutADisplayOrGtkIsTold() {
        assertEquals("Unable to open DISPLAY", WindowUnavailable.displayProblem(
                new RuntimeException("Application launch failed", new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertEquals("no libgtk-3.so.0", WindowUnavailable.displayProblem(new UnsatisfiedLinkError("no libgtk-3.so.0")));
        assertNull(WindowUnavailable.displayProblem(new IllegalStateException("the main window's FXML could not be loaded")),
                "the app's own failures are not blamed on the display");
    }

    /** A real JVM with no display at all, as on a bare server or over ssh without X forwarding. */
    @ParameterizedTest
    @ValueSource(strings = {"open", "frames"})
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWindowsCommandsSayWhatIsMissingInOneLineAndExitOne(String subcommand) throws Exception {
        List<String> command = new java.util.ArrayList<>(EchoLabJvm.command(subcommand));
        if (subcommand.equals("open")) {
            command.addAll(List.of("--port", "0"));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(50, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith(subcommand + ": cannot open a window ("), out);
        assertTrue(out.contains("sudo apt install libgtk-3-0"), out);
    }
}
