package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.ServerOptions;
import echolab.lab.BindAddress;
import echolab.testing.EchoLabJvm;
import echolab.testing.FxWindow;
import echolab.testing.LineClient;
import javafx.scene.control.Label;

/**
 * {@code open --bind}: the window's server on every address of the machine, for the students' own
 * machines; the header gives them this machine's addresses; a bad address is one line on the
 * command line before any window opens.
 */
@Tag("ui")
@Timeout(90)
class OpenBindTest {

    private LabWindow window;

    @RegisterExtension
    final FxWindow fx = FxWindow.lab(ServerOptions.defaults().toBuilder().host("0.0.0.0").port(0).build(), opened -> window = opened);

    @Test
    void onEveryAddressTheHeaderGivesOutThisMachinesAddressesAndItServes(FxRobot robot) throws Exception {
        List<String> reachable = BindAddress.reachableAt("0.0.0.0");
        assumeFalse(reachable.isEmpty(), "this machine has no address but the loopback");
        int port = window.lab().port();
        String header = robot.lookup("#listeningLabel").queryAs(Label.class).getText();
        assertTrue(header.startsWith("listening on every address, port " + port + " — students: nc " + reachable.get(0) + " " + port),
                header);

        window.lab().addClient(); // the lab's own clients come through the loopback
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.lab().stats().echoed() > 0);
        try (LineClient viaItsAddress = new LineClient(new InetSocketAddress(InetAddress.getByName(reachable.get(0)), port))) {
            assertEquals("from a student's machine\n", viaItsAddress.send("from a student's machine\n").readLineText());
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesIsOneLineBeforeAnyWindow() throws Exception {
        EchoLabJvm.Run run = EchoLabJvm.run("", 60, "open", "--bind", "192.0.2.1");
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals("open: Invalid value for option '--bind': cannot listen on 192.0.2.1: it is not an address of this machine\n",
                run.err());
        run = EchoLabJvm.run("", 60, "open", "--bind", "nosuchhost.invalid");
        assertEquals(2, run.code());
        assertEquals("open: Invalid value for option '--bind': no such host 'nosuchhost.invalid'\n", run.err());
    }
}
