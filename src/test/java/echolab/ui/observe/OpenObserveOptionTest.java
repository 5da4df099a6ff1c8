package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import echolab.ui.OpenCommand;
import picocli.CommandLine;

/** {@code open --observe}'s mistakes are said before any window opens. */
class OpenObserveOptionTest {

    @AfterEach
    void nothingLeftForAWindow() {
        ObserveRequest.take();
    }

    private static String refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new OpenCommand()).setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(args));
        return err.toString();
    }

    @Test
    void aCommandWithoutObserveIsRefusedNamingTheOption() {
        String err = refused("--", "./server");
        assertTrue(err.contains("--observe"), err);
        assertTrue(ObserveRequest.take().isEmpty());
    }

    @Test
    void anUnknownFramingIsRefusedNamingTheAllowedOnes() {
        String err = refused("--observe", "--framing", "crlf", "--", "./server");
        assertTrue(err.contains("auto, line, blank-line"), err);
        assertTrue(ObserveRequest.take().isEmpty());
    }

    @Test
    void theFramingChoicesAreTheCommandLinesNames() {
        assertEquals(FramingChoice.BLANK_LINE, FramingChoice.parse("blank-line"));
        assertEquals(FramingChoice.LINE, FramingChoice.parse("line"));
        assertEquals(null, FramingChoice.AUTO.framing());
    }
}
