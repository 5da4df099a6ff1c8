package echolab.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.events.EventBus;

/** Starting servers for tests: loopback, a free port, and a check that the port is closed again. */
public final class Servers {

    private Servers() {
    }

    /** Options for a test server: port 0, the given mode, the rest as {@code serve} defaults. */
    public static ServerOptions.Builder options(Mode mode) {
        return ServerOptions.defaults().toBuilder().port(0).mode(mode);
    }

    public static EchoServer start(ServerOptions options, EventBus bus) throws IOException {
        return EchoServer.start(options, bus);
    }

    /** Whether nothing listens on the address any more. */
    public static boolean portClosed(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 1_000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
