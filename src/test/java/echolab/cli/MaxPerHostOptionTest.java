package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import echolab.testing.EchoLabJvm;
import echolab.testing.LineClient;
import echolab.testing.NoLeftovers;
import echolab.testing.OtherAddress;
import echolab.testing.Servers;

/**
 * {@code --max-per-host N} of {@code serve} and {@code open}: a bad value is one line naming the
 * option and its range (exit 2, before anything listens or any window opens); a good one reaches
 * the server.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class MaxPerHostOptionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve | --max-per-host=0     | '--max-per-host': expected 1..10000 but was 0",
        "serve | --max-per-host=10001 | '--max-per-host': expected 1..10000 but was 10001",
        "serve | --max-per-host=many  | '--max-per-host': 'many' is not an int",
        "open  | --max-per-host=0     | '--max-per-host': expected 1..10000 but was 0",
        "open  | --max-per-host=-3    | '--max-per-host': expected 1..10000 but was -3",
    })
    void aBadValueIsOneLineNamingTheOptionAndExitCodeTwo(String command, String argument, String message) throws Exception {
        try (ServeProcess run = new ServeProcess(command, argument)) {
            assertEquals(2, run.waitForExit());
            String err = run.stderr();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(message), err);
        }
    }

    @Test
    void theHelpSaysTheDefaultAndThatThisMachineIsNotLimited() throws Exception {
        for (String command : new String[] {"serve", "open"}) {
            EchoLabJvm.Run run = EchoLabJvm.run("", 60, command, "--help");
            assertEquals(0, run.code(), run.err());
            String help = run.out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--max-per-host=N connections one other machine may have open at once; more are"
                    + " turned away (default: 8). This machine's own, from the loopback (the lab's simulated clients,"
                    + " your terminal), are not limited"), command + " --help: " + run.out());
        }
    }

    @Test
    void serveLimitsAnotherMachineToWhatTheOptionSays() throws Exception {
        InetAddress student = OtherAddress.orSkip();
        try (ServeProcess serve = new ServeProcess("serve", "--bind", student.getHostAddress(), "--port", "0",
                "--mode", "threads", "--max-per-host", "1")) {
            Matcher m = Pattern.compile("listening on (\\S+):(\\d+) mode=threads").matcher(serve.listeningLine());
            assertTrue(m.matches());
            InetSocketAddress address = new InetSocketAddress(student, Integer.parseInt(m.group(2)));
            try (LineClient first = new LineClient(address, student)) {
                assertEquals("hello\n", first.send("hello\n").readLineText());
                try (LineClient second = new LineClient(address, student)) {
                    assertEquals("ERROR too many connections from " + student.getHostAddress()
                            + ": the limit is 1 per machine\n", second.readLineText());
                    assertTrue(second.closedByServer());
                }
                assertEquals("still\n", first.send("still\n").readLineText());
            }
            serve.command("quit");
            assertEquals(0, serve.waitForExit());
            assertTrue(Servers.portClosed(address));
        }
    }
}
