package echolab.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import echolab.events.Event;

/**
 * One accepted client: its socket, the number the server gave it, and a close that happens once.
 *
 * <p>Threading: the model's worker reads and writes the channel; any thread may close it (the
 * server does at shutdown, which is how a worker blocked in a read is released).
 */
final class Connection {

    final long id;
    final SocketChannel channel;
    final String remote;
    /** The machine the client connects from, which {@link HostQuota} counts by. */
    final InetAddress remoteHost;
    final int remotePort;
    final long acceptedNanos;
    private final ServerContext ctx;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Whether this connection holds one of its host's slots, to be given back when it closes. Set by
     * {@link ServerContext#remember} on the acceptor before any other thread can see the connection.
     */
    volatile boolean holdsHostSlot;

    Connection(ServerContext ctx, long id, SocketChannel channel) throws IOException {
        this.ctx = ctx;
        this.id = id;
        this.channel = channel;
        InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
        this.remoteHost = peer.getAddress();
        this.remote = peer.getAddress().getHostAddress() + ":" + peer.getPort();
        this.remotePort = peer.getPort();
        this.acceptedNanos = System.nanoTime();
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Closes the socket and says why; only the first call has any effect. */
    void close(String workerId, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket the peer already reset: nothing left to release
        }
        ctx.forget(this);
        ctx.events.publish((s, t) -> new Event.ClientClosed(s, t, id, workerId, reason));
    }

    /**
     * Turns the client away: one {@code ERROR} line, then the socket closes. The write is best
     * effort, as the line is short and the socket's send buffer empty or nearly so.
     */
    void refuse(String workerId, String limit, String message) {
        ctx.stats.limitHits.increment();
        ctx.events.publish((s, t) -> new Event.LimitHit(s, t, id, limit, message));
        try {
            ByteBuffer line = ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8));
            for (int tries = 0; line.hasRemaining() && tries < 100; tries++) {
                channel.write(line);
            }
        } catch (IOException ignored) {
            // the client left already; it cannot be told
        }
        close(workerId, limit + ": " + message);
    }
}
