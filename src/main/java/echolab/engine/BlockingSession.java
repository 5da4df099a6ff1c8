package echolab.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * Serves one connection to its end on the calling thread with blocking reads and writes: the
 * {@code echo(connfd)} of the lab, shared by the iterative, thread, pool and virtual-thread models.
 */
final class BlockingSession {

    private static final int READ_BUFFER = 16 * 1024;

    private BlockingSession() {
    }

    /** Echoes lines until the client leaves, a limit is hit or the server stops; then closes. */
    static void serve(ServerContext ctx, Connection c, String worker) {
        ctx.stats.busyWorkers.incrementAndGet();
        String reason = "client closed";
        try {
            ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
            LineAssembler lines = new LineAssembler(ctx.options.maxLineBytes());
            while (c.channel.read(in.clear()) >= 0) {
                in.flip();
                byte[] line;
                while ((line = lines.next(in)) != null) {
                    long received = ctx.lineReceived(c, worker, line.length);
                    ctx.serviceDelay();
                    ctx.counter.increment(c.id, worker);
                    ServerContext.writeFully(c.channel, ByteBuffer.wrap(line));
                    ctx.lineEchoed(c, worker, line.length, received);
                }
            }
        } catch (LineTooLongException e) {
            c.refuse(worker, "maxLine", "ERROR " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "server stopping";
        } catch (ClosedChannelException e) {
            reason = "server stopping";
        } catch (IOException e) {
            reason = "connection lost: " + e.getMessage();
        } finally {
            ctx.stats.busyWorkers.decrementAndGet();
            c.close(worker, reason);
        }
    }
}
