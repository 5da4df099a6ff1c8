package echolab.clients;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * A client with a real socket that talks to the echo server the way its {@link Behaviour} says,
 * checks every echoed byte and publishes its own side of the conversation: connect returned, write
 * returned, waiting for the echo, echo received.
 *
 * <p>Threading: {@link #run} runs on the client's own thread; {@link #disconnect} may be called
 * from any thread and makes {@code run} end soon after.
 */
public final class SimulatedClient implements Runnable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String name;
    private final InetSocketAddress server;
    private final Behaviour behaviour;
    private final EventBus events;
    private final LineMaker lines;
    private final Wire wire;
    private final CompletableFuture<ClientResult> result = new CompletableFuture<>();
    private final Socket socket = new Socket();
    private volatile boolean disconnecting;
    private int localPort = -1;
    private int sent;
    private int verified;

    public SimulatedClient(String name, InetSocketAddress server, Behaviour behaviour, EventBus events) {
        this(name, server, behaviour, events, Wire.EMBEDDED);
    }

    /** A client whose messages go on the wire as {@code wire} says: framing, and any bytes or text only. */
    public SimulatedClient(String name, InetSocketAddress server, Behaviour behaviour, EventBus events, Wire wire) {
        this.wire = wire;
        this.name = name;
        this.server = server;
        this.behaviour = behaviour;
        this.events = events;
        this.lines = new LineMaker(name, name.hashCode());
    }

    public String name() {
        return name;
    }

    /** Completes when the client has finished, whatever the outcome. */
    public CompletableFuture<ClientResult> result() {
        return result;
    }

    /** Closes the socket; the conversation ends with outcome {@code disconnected}. */
    public void disconnect() {
        disconnecting = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void run() {
        String outcome;
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.bind(null); // an ephemeral port now, so the client can say who it is before the server sees it
            localPort = socket.getLocalPort();
            int bound = localPort;
            events.publish((s, t) -> new Event.ClientConnecting(s, t, name, bound));
            long start = System.nanoTime();
            socket.connect(server, CONNECT_TIMEOUT_MS);
            long took = System.nanoTime() - start;
            int port = localPort;
            events.publish((s, t) -> new Event.ClientConnectReturned(s, t, name, port, took));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (behaviour instanceof Behaviour.Steady b) {
                steady(b, in, out);
            } else if (behaviour instanceof Behaviour.Burst b) {
                burst(b, in, out);
            } else if (behaviour instanceof Behaviour.Slow b) {
                slow(b, in, out);
            } else if (behaviour instanceof Behaviour.Silent b) {
                silent(b, in);
            } else if (behaviour instanceof Behaviour.Scripted b) {
                scripted(b, in, out);
            }
            if (wire.awaitsClose()) {
                socket.shutdownOutput();
                outcome = in.read() < 0 ? "done" : "unexpected bytes after the last echo";
            } else {
                outcome = "done";
            }
        } catch (EchoMismatch e) {
            outcome = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "disconnected";
        } catch (IOException e) {
            outcome = disconnecting ? "disconnected" : "connection failed: " + e.getMessage();
        }
        ClientResult r = new ClientResult(name, localPort, sent, verified, outcome);
        int port = localPort;
        String finalOutcome = outcome;
        events.publish((s, t) -> new Event.ClientFinished(s, t, name, port, r.linesSent(), r.linesVerified(),
                finalOutcome));
        result.complete(r);
    }

    private void silent(Behaviour.Silent b, InputStream in) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, b.holdMillis())));
        try {
            if (in.read() >= 0) {
                throw new EchoMismatch("the server sent bytes nobody asked for");
            }
        } catch (java.net.SocketTimeoutException held) {
            socket.setSoTimeout(0); // held as long as asked: now it leaves like any other client
        }
    }

    private void scripted(Behaviour.Scripted b, InputStream in, OutputStream out) throws IOException {
        for (byte[] body : b.bodies()) {
            byte[] message = wire.framing().frame(body);
            long sentAt = write(out, message);
            awaitEcho(in, message, sentAt);
        }
    }

    private void steady(Behaviour.Steady b, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        for (int i = 1; i <= b.lines(); i++) {
            byte[] line = wire.message(lines, i, b.lineBytes());
            long sentAt = write(out, line);
            awaitEcho(in, line, sentAt);
            if (i < b.lines() && b.thinkMillis() > 0) {
                TimeUnit.MILLISECONDS.sleep(b.thinkMillis());
            }
        }
    }

    private void burst(Behaviour.Burst b, InputStream in, OutputStream out) throws IOException {
        byte[][] all = new byte[b.lines()][];
        int total = 0;
        for (int i = 0; i < all.length; i++) {
            all[i] = wire.message(lines, i + 1, b.lineBytes());
            total += all[i].length;
        }
        byte[] joined = new byte[total];
        int at = 0;
        for (byte[] line : all) {
            System.arraycopy(line, 0, joined, at, line.length);
            at += line.length;
        }
        long sentAt = System.nanoTime();
        out.write(joined);
        out.flush();
        sent = all.length;
        int port = localPort;
        events.publish((s, t) -> new Event.ClientWriteReturned(s, t, name, port, joined.length,
                all.length));
        for (byte[] line : all) {
            awaitEcho(in, line, sentAt);
        }
    }

    private void slow(Behaviour.Slow b, InputStream in, OutputStream out) throws IOException, InterruptedException {
        TimeUnit.MILLISECONDS.sleep(b.holdMillis());
        for (int i = 1; i <= b.lines(); i++) {
            byte[] line = wire.message(lines, i, b.lineBytes());
            for (int j = 0; j < line.length - 1; j++) {
                out.write(line[j]);
                out.flush();
                TimeUnit.MILLISECONDS.sleep(b.byteGapMillis());
            }
            long sentAt = write(out, new byte[] {line[line.length - 1]}); // the message is complete, and counted, only now
            awaitEcho(in, line, sentAt);
        }
    }

    /** Writes a whole line (or its last byte) and counts it sent; returns when write returned. */
    private long write(OutputStream out, byte[] bytes) throws IOException {
        long at = System.nanoTime();
        out.write(bytes);
        out.flush();
        sent++;
        int port = localPort;
        events.publish((s, t) -> new Event.ClientWriteReturned(s, t, name, port, bytes.length, 1));
        return at;
    }

    /** Reads one echoed line and checks it against what was sent. */
    private void awaitEcho(InputStream in, byte[] expected, long sentAt) throws IOException {
        int port = localPort;
        events.publish((s, t) -> new Event.ClientWaitingForEcho(s, t, name, port));
        byte[] got = readMessage(in, expected.length);
        long rtt = System.nanoTime() - sentAt;
        boolean matched = Arrays.equals(got, expected);
        events.publish((s, t) -> new Event.ClientEchoReceived(s, t, name, port, got.length, rtt, matched));
        if (!matched) {
            String text = new String(got, StandardCharsets.UTF_8).strip();
            String other = sender(got);
            throw new EchoMismatch(text.startsWith("ERROR") ? "refused: " + text
                    : other != null ? "got bytes that " + other + " sent"
                    : "echo differs from line " + (verified + 1));
        }
        verified++;
    }

    /**
     * The other client whose bytes came back instead of this one's, named by the head every
     * message starts with ({@code client-9 #1 }); null when the bytes are nobody else's.
     */
    private String sender(byte[] got) {
        String head = new String(got, 0, Math.min(got.length, 64), StandardCharsets.ISO_8859_1);
        int hash = head.indexOf(" #");
        if (hash <= 0) {
            return null;
        }
        String who = head.substring(0, hash);
        return who.equals(name) || who.contains(" ") || !who.startsWith(namePrefix()) ? null : who;
    }

    private String namePrefix() {
        int i = name.length();
        while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
            i--;
        }
        return name.substring(0, i);
    }

    /** Up to and including the next terminator of the framing, or at most {@code expected + 1} bytes, or EOF. */
    private byte[] readMessage(InputStream in, int expected) throws IOException {
        byte[] buf = new byte[Math.max(expected + 1, 128)];
        int n = 0;
        while (n < buf.length) {
            int b = in.read();
            if (b < 0) {
                if (n == 0) {
                    throw new IOException("the server closed the connection");
                }
                break;
            }
            buf[n++] = (byte) b;
            if (b == '\n' && wire.framing().endsMessage(buf, n)) {
                break;
            }
        }
        return Arrays.copyOf(buf, n);
    }

    /** The server sent back something other than the line. */
    private static final class EchoMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        EchoMismatch(String message) {
            super(message);
        }
    }
}
