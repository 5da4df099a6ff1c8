package echolab.observe.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import echolab.clients.Framing;

/**
 * Finds which framing a server echoes: a line first ({@code probe\n}), then a block ending in an
 * empty line ({@code probe\r\n\r\n}), each on a fresh connection that is closed before the next.
 * A line server would also echo the second, so the line is tried first.
 *
 * <p>Threading: any thread; blocks for up to twice the wait.
 */
public final class FramingProbe {

    private FramingProbe() {
    }

    /** The framing that got an echo, or null when neither did within {@code waitMillis} each. */
    public static Framing detect(InetSocketAddress server, int waitMillis) {
        for (Framing framing : Framing.values()) {
            if (echoes(server, framing, waitMillis)) {
                return framing;
            }
        }
        return null;
    }

    static boolean echoes(InetSocketAddress server, Framing framing, int waitMillis) {
        byte[] message = framing.frame("echolab probe".getBytes(StandardCharsets.US_ASCII));
        try (Socket s = new Socket()) {
            s.connect(server, waitMillis);
            s.setSoTimeout(waitMillis);
            s.getOutputStream().write(message);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] got = new byte[message.length];
            long deadline = System.nanoTime() + waitMillis * 1_000_000L;
            int n = 0;
            while (n < got.length) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                int r = in.read(got, n, got.length - n);
                if (r < 0) {
                    return false;
                }
                n += r;
            }
            return java.util.Arrays.equals(got, message);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
