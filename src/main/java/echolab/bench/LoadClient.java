package echolab.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;

/**
 * The bench's load: one thread and a {@link Selector} drive many connections, each with exactly one
 * line in flight, and every echoed byte is compared with what was sent (the shape of
 * {@code bench/echoload.c}, in Java, so the bench needs nothing but the JVM).
 *
 * <p>Threading: a run happens on the calling thread, to its end or its deadline.
 */
final class LoadClient {

    /**
     * What a run did: round trips (or connections, in churn), how long, how each one took, what went
     * wrong, and whether it was stopped before its end (then it measures nothing).
     */
    record Result(long completed, long elapsedNanos, Histogram latencyMicros, long mismatches, long errors,
                  long incomplete, boolean stopped) {
        double perSecond() {
            return elapsedNanos == 0 ? 0 : completed * 1e9 / elapsedNanos;
        }
    }

    /** One connection of a run. */
    private static final class Conn {
        final int id;
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        byte[] expected;
        int seq;
        long sentAt;
        boolean done;

        Conn(int id, SocketChannel channel, int bytes) {
            this.id = id;
            this.channel = channel;
            this.out = ByteBuffer.allocate(bytes);
            this.in = ByteBuffer.allocate(bytes + 1);
        }
    }

    private LoadClient() {
    }

    /** The line a connection sends as its {@code seq}-th: every byte depends on both, and it ends in a newline. */
    static byte[] line(int conn, int seq, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes - 1; i++) {
            b[i] = (byte) ('!' + (conn * 31 + seq * 7 + i) % 90); // printable, never a newline
        }
        b[bytes - 1] = '\n';
        return b;
    }

    /**
     * Opens {@code conns} connections (all connected before the clock starts), then has each do
     * {@code lines} round trips of {@code bytes}-byte lines; {@code stop} is asked at least ten times
     * a second and ends the run early.
     */
    static Result steady(InetSocketAddress server, int conns, int lines, int bytes, long timeoutNanos,
                         BooleanSupplier stop) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        Histogram latency = new Histogram(3);
        long mismatches = 0;
        long errors = 0;
        long completed = 0;
        try (Selector selector = Selector.open()) {
            List<Conn> all = connectAll(selector, server, conns, bytes, deadline, stop);
            if (stop.getAsBoolean()) { // some may not have connected: nothing to measure
                all.forEach(LoadClient::close);
                return new Result(0, 0, latency, 0, 0, (long) conns * lines, true);
            }
            long start = System.nanoTime();
            for (Conn c : all) {
                send(c, bytes);
                c.channel.register(selector, SelectionKey.OP_READ, c);
            }
            int open = all.size();
            while (open > 0 && System.nanoTime() < deadline && !stop.getAsBoolean()) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isWritable()) {
                            c.channel.write(c.out);
                            if (!c.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (!key.isReadable() || c.channel.read(c.in) < 0) {
                            if (key.isReadable()) {
                                errors++;
                                finish(key, c);
                                open--;
                            }
                            continue;
                        }
                        if (c.in.position() < bytes) {
                            continue;
                        }
                        long now = System.nanoTime();
                        latency.recordValue(Math.max(0, (now - c.sentAt) / 1000));
                        if (!matches(c.in, c.expected)) {
                            mismatches++;
                        }
                        completed++;
                        if (++c.seq < lines) {
                            send(c, bytes);
                            if (c.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                            }
                        } else {
                            finish(key, c);
                            open--;
                        }
                    } catch (IOException e) {
                        errors++;
                        finish(key, c);
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
            long elapsed = System.nanoTime() - start;
            long incomplete = (long) conns * lines - completed;
            for (Conn c : all) {
                close(c);
            }
            return new Result(completed, elapsed, latency, mismatches, errors, incomplete, open > 0 && stop.getAsBoolean());
        }
    }

    /**
     * Churn: {@code slots} at once, each doing {@code perSlot} fresh connections in turn: connect,
     * one line, its echo, close. Latency includes the connect. {@code stop} as for {@link #steady}.
     */
    static Result churn(InetSocketAddress server, int slots, int perSlot, int bytes, long timeoutNanos,
                        BooleanSupplier stop) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        Histogram latency = new Histogram(3);
        long mismatches = 0;
        long errors = 0;
        long completed = 0;
        int[] left = new int[slots];
        java.util.Arrays.fill(left, perSlot);
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            int busy = 0;
            for (int s = 0; s < slots; s++) {
                open(selector, server, s, bytes);
                busy++;
            }
            while (busy > 0 && System.nanoTime() < deadline && !stop.getAsBoolean()) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    boolean finished = false;
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            send(c, bytes);
                            c.channel.write(c.out);
                            key.interestOps(SelectionKey.OP_READ);
                            continue;
                        }
                        if (c.channel.read(c.in) < 0) {
                            errors++;
                            finished = true;
                        } else if (c.in.position() >= bytes) {
                            latency.recordValue(Math.max(0, (System.nanoTime() - c.sentAt) / 1000));
                            if (!matches(c.in, c.expected)) {
                                mismatches++;
                            }
                            completed++;
                            finished = true;
                        }
                    } catch (IOException e) {
                        errors++;
                        finished = true;
                    }
                    if (finished) {
                        key.cancel();
                        close(c);
                        if (--left[c.id] > 0) {
                            open(selector, server, c.id, bytes);
                        } else {
                            busy--;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            long elapsed = System.nanoTime() - start;
            for (SelectionKey key : selector.keys()) {
                close((Conn) key.attachment());
            }
            return new Result(completed, elapsed, latency, mismatches, errors, (long) slots * perSlot - completed,
                    busy > 0 && stop.getAsBoolean());
        }
    }

    /** Time from starting a connect to the first echo, on a fresh connection; in milliseconds. */
    static double firstEcho(InetSocketAddress server, int bytes, long timeoutNanos) throws IOException {
        long start = System.nanoTime();
        try (SocketChannel ch = SocketChannel.open()) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.socket().setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            ch.connect(server);
            byte[] line = line(0, 0, bytes);
            ch.write(ByteBuffer.wrap(line));
            ByteBuffer in = ByteBuffer.allocate(bytes);
            java.io.InputStream stream = ch.socket().getInputStream();
            while (in.hasRemaining()) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    throw new IOException("closed before the first echo");
                }
                in.position(in.position() + n);
            }
            if (!matches(in, line)) {
                throw new IOException("the first echo differs from its line");
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static List<Conn> connectAll(Selector selector, InetSocketAddress server, int conns, int bytes,
                                         long deadline, BooleanSupplier stop) throws IOException {
        List<Conn> all = new ArrayList<>(conns);
        for (int i = 0; i < conns; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(i, ch, bytes);
            all.add(c);
            if (!ch.connect(server)) {
                ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
        }
        int pending = selector.keys().size();
        while (pending > 0 && !stop.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("could not connect " + pending + " of " + conns + " in time");
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                ((Conn) key.attachment()).channel.finishConnect();
                key.interestOps(0);
                pending--;
            }
            selector.selectedKeys().clear();
        }
        return all;
    }

    private static void open(Selector selector, InetSocketAddress server, int slot, int bytes) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Conn c = new Conn(slot, ch, bytes);
        c.sentAt = System.nanoTime(); // churn latency runs from the connect
        if (ch.connect(server)) {
            send(c, bytes);
            ch.write(c.out);
            ch.register(selector, SelectionKey.OP_READ, c);
        } else {
            ch.register(selector, SelectionKey.OP_CONNECT, c);
        }
    }

    private static void send(Conn c, int bytes) throws IOException {
        c.expected = line(c.id, c.seq, bytes);
        c.out.clear();
        c.out.put(c.expected).flip();
        c.in.clear();
        if (c.sentAt == 0 || c.seq > 0) {
            c.sentAt = System.nanoTime();
        }
        c.channel.write(c.out);
    }

    private static boolean matches(ByteBuffer in, byte[] expected) {
        if (in.position() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (in.get(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static void finish(SelectionKey key, Conn c) {
        key.cancel();
        c.done = true;
        close(c);
    }

    private static void close(Conn c) {
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // the run is over for this connection either way
        }
    }
}
