package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import echolab.base.Background;
import echolab.engine.ServerOptions;
import echolab.testing.NoLeftovers;
import javafx.stage.Stage;

/**
 * A window that cannot open (it cannot listen on the address it was given, as when Server → Open to
 * the classroom network names an address that is gone) leaves nothing behind it: no lab thread or student's
 * server started afterwards in the same JVM is put behind a window that does not exist. It was: the
 * count of open windows stayed one up, and a later check ran its server at the lowest priority.
 */
@Tag("ui")
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class WindowThatCannotListenTest {

    @Test
    void aWindowThatCannotListenThrowsAndPutsNothingBehindIt() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        {
            // 192.0.2.1 is for documentation (RFC 5737): no machine has it, so nothing can listen on it
            ServerOptions options = ServerOptions.defaults().toBuilder().host("192.0.2.1").port(0).build();
            assertFalse(Background.behindWindow(), "no window is open before");
            Throwable thrown = WaitForAsyncUtils.asyncFx(() -> {
                try {
                    LabWindow.open(stage, options);
                    return null;
                } catch (IOException e) {
                    return e;
                }
            }).get();
            assertThrows(IOException.class, () -> {
                if (thrown != null) {
                    throw thrown;
                }
            }, "the window cannot listen on an address this machine does not have");
            assertFalse(Background.behindWindow(), "no window is open after: nothing goes behind one");
        }
    }
}
