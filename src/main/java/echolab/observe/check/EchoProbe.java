package echolab.observe.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import echolab.base.LabThreads;
import echolab.clients.Framing;

/**
 * Sends messages as real clients do and reads their echoes on a plain socket: several messages in
 * a row on one connection, one message split over several writes with pauses between them,
 * several messages in one write, and a long message written while its echo is being read.
 *
 * <p>Threading: one probe at a time per instance; a long message is written on a thread of its own.
 */
final class EchoProbe {

    /** One message, or a few, and how to write them. */
    record Message(String label, String hint, List<byte[]> writes, long pauseMillis, byte[] expected) {}

    private final Framing framing;
    private final long timeoutMillis;

    EchoProbe(Framing framing, long timeoutMillis) {
        this.framing = framing;
        this.timeoutMillis = timeoutMillis;
    }

    /** The ordinary ones, one after the other on one connection: ASCII, UTF-8, 4 KiB, a single byte. */
    List<Message> inARow() {
        List<Message> m = new ArrayList<>();
        m.add(whole("ASCII", "", "Hello, echo! 0123456789 ~`!@#$%^&*()_+-=[]{}|;':\",./<>?"
                .getBytes(StandardCharsets.US_ASCII)));
        m.add(whole("UTF-8", "", "Grüße, 你好, Привет, 🙂 — naïve café".getBytes(StandardCharsets.UTF_8)));
        m.add(whole("4 KiB", "longer than your buffer? a write past its end", text(4096, 'a')));
        m.add(whole("one byte", "", "x".getBytes(StandardCharsets.US_ASCII)));
        return m;
    }

    /** Each on a connection of its own: split over writes, several in one write, 64 KiB. */
    List<Message> asClientsSend() {
        List<Message> m = new ArrayList<>();
        byte[] split = framing.frame(text(90, 'k'));
        int third = split.length / 3;
        m.add(new Message("split over 3 writes", "read until the whole message has arrived: one read may bring part of it",
                List.of(Arrays.copyOfRange(split, 0, third), Arrays.copyOfRange(split, third, 2 * third),
                        Arrays.copyOfRange(split, 2 * third, split.length)), 100, split));
        ByteArrayOutputStream three = new ByteArrayOutputStream();
        for (int i = 1; i <= 3; i++) {
            three.writeBytes(framing.frame(("message " + i + " of 3 in one write").getBytes(StandardCharsets.US_ASCII)));
        }
        m.add(new Message("3 messages in one write", "one read may bring several messages: echo them all",
                List.of(three.toByteArray()), 0, three.toByteArray()));
        byte[] big = framing.frame(text(64 * 1024, 'A'));
        m.add(new Message("64 KiB, read while it is sent", "longer than your buffer? a write past its end",
                List.of(big), 0, big));
        return m;
    }

    private Message whole(String label, String hint, byte[] body) {
        byte[] framed = framing.frame(body);
        return new Message(label, hint, List.of(framed), 0, framed);
    }

    private static byte[] text(int length, char first) {
        byte[] b = new byte[length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i % 26);
            if (i % 64 == 63) {
                b[i] = ' ';
            }
        }
        return b;
    }

    /** A connection to the server for a few messages in turn. */
    Connection connect(InetSocketAddress address) throws IOException {
        return new Connection(address);
    }

    final class Connection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;

        private Connection(InetSocketAddress address) throws IOException {
            socket.connect(address, (int) timeoutMillis);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** Sends one message as it says, reads its echo; the outcome in words ({@code came back byte for byte} when right). */
        String send(Message m) throws InterruptedException {
            AtomicReference<String> writeFailed = new AtomicReference<>();
            Thread writer = LabThreads.startDaemon("echolab-check-writer", () -> {
                try {
                    for (int i = 0; i < m.writes().size(); i++) {
                        if (i > 0 && m.pauseMillis() > 0) {
                            TimeUnit.MILLISECONDS.sleep(m.pauseMillis());
                        }
                        out.write(m.writes().get(i));
                        out.flush();
                    }
                } catch (IOException e) {
                    writeFailed.set("the connection broke while sending (" + e.getMessage() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String outcome = read(m.expected());
            writer.join(timeoutMillis);
            if (writer.isAlive()) {
                writer.interrupt();
                return outcome.equals(MATCHED) ? "the echo came, but the message could not be sent whole" : outcome;
            }
            return outcome.equals(MATCHED) || writeFailed.get() == null ? outcome : writeFailed.get();
        }

        private String read(byte[] expected) {
            byte[] got = new byte[expected.length];
            int n = 0;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            try {
                while (n < got.length) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) Math.max(1, left));
                    int r;
                    try {
                        r = in.read(got, n, got.length - n);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (r < 0) {
                        return n == 0 ? "the server closed the connection without an echo"
                                : "the server closed the connection after " + n + " of " + expected.length
                                + " bytes" + firstDifference(expected, got, n);
                    }
                    n += r;
                    int diff = mismatch(expected, got, n);
                    if (diff >= 0) {
                        return "the echo differs from the message at byte " + (diff + 1) + " of " + expected.length;
                    }
                }
            } catch (IOException e) {
                return "the connection broke: " + e.getMessage() + (n > 0 ? " (after " + n + " bytes)" : "");
            }
            if (n == expected.length) {
                return MATCHED;
            }
            return n == 0 ? "no echo within " + Figures.seconds(timeoutMillis)
                    : "only " + n + " of " + expected.length + " bytes came back within " + Figures.seconds(timeoutMillis);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
    }

    static final String MATCHED = "came back byte for byte";

    private static int mismatch(byte[] expected, byte[] got, int n) {
        for (int i = 0; i < n; i++) {
            if (expected[i] != got[i]) {
                return i;
            }
        }
        return -1;
    }

    private static String firstDifference(byte[] expected, byte[] got, int n) {
        int d = mismatch(expected, got, n);
        return d < 0 ? "" : ", differing at byte " + (d + 1);
    }
}
