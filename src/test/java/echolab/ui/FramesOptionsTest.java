package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import echolab.testing.EchoLabJvm;
import echolab.testing.NoLeftovers;

/**
 * {@code frames --observe} measures a student's server, named after {@code --}: asked with no
 * command, or given a command without {@code --observe}, it says so in one line before opening
 * any window (exit 2).
 */
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class FramesOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--observe            | --observe needs the student's server after --",
        "--observe --         | --observe needs the student's server after --",
        "-- ./threads         | a command is measured only with --observe",
    })
    void aStudentsServerIsMeasuredOnlyWithObserveAndACommand(String args, String says) throws Exception {
        EchoLabJvm.Run run = EchoLabJvm.run("", 50, ("frames " + args.strip()).split(" "));
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("frames: " + says), run.err());
    }
}
