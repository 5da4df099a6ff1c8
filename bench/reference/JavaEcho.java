import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Reference server of bench/anchors.sh: plain Java, a platform thread per connection on
 * {@code java.net} sockets, every chunk written back as it is read. What Java's blocking sockets
 * reach with no server around them: no counter, no events, no printing per line.
 *
 * <p>usage: {@code java -cp DIR JavaEcho PORT} (listens on 127.0.0.1 only; SIGTERM ends it)
 */
public final class JavaEcho {

    private JavaEcho() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JavaEcho PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        try (ServerSocket listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress())) {
            System.err.println("JavaEcho listening on 127.0.0.1:" + listener.getLocalPort()
                    + " java=" + System.getProperty("java.version"));
            while (true) {
                Socket s = listener.accept();
                Thread t = new Thread(() -> echo(s), "echo-" + s.getPort());
                t.setDaemon(true);      // the JVM ends with main, whatever the clients do
                t.start();
            }
        }
    }

    /** One connection: read, write back, until the client closes. */
    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the client went away mid-line: nothing to report
        }
    }
}
