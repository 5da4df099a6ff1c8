package echolab.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import echolab.events.Event;
import echolab.sync.Scenario;

/**
 * Serves one connection to its end on the calling thread with blocking reads and writes: the
 * {@code echo(connfd)} of the lab, shared by the iterative, thread, pool and virtual-thread models.
 */
final class BlockingSession {

    private static final int READ_BUFFER = 16 * 1024;

    private BlockingSession() {
    }

    /** The work of one line: the service wait, the counter, the echo. */
    private static void echo(ServerContext ctx, Connection c, String worker, byte[] line, boolean virtual)
            throws IOException, InterruptedException {
        ctx.serviceDelay();
        if (virtual) {
            mounted(ctx, c, worker); // after the wait, perhaps on another carrier
        }
        if (ctx.sync.scenario() == Scenario.NONE) {
            ctx.counter.increment(c.id, worker);
        } else {
            ctx.sync.counterWork(c.id, worker, () -> ctx.counter.increment(c.id, worker));
        }
        ServerContext.writeFully(c.channel, ByteBuffer.wrap(line));
    }

    /** Says which carrier thread the calling virtual thread runs on right now. */
    private static void mounted(ServerContext ctx, Connection c, String worker) {
        if (ctx.events.active()) {
            String carrier = VirtualThreads.carrierName(Thread.currentThread());
            ctx.events.publish((s, t) -> new Event.VirtualThreadMounted(s, t, c.id, worker, carrier));
        }
    }

    /** Echoes lines until the client leaves, a limit is hit or the server stops; then closes. */
    static void serve(ServerContext ctx, Connection c, String worker) {
        ctx.stats.busyWorkers.incrementAndGet();
        String reason = "client closed";
        boolean virtual = VirtualThreads.isVirtual(Thread.currentThread());
        try {
            ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
            LineAssembler lines = new LineAssembler(ctx.options.maxLineBytes());
            while (c.channel.read(in.clear()) >= 0) {
                in.flip();
                byte[] line;
                while ((line = lines.next(in)) != null) {
                    long received = ctx.lineReceived(c, worker, line.length);
                    if (virtual) {
                        mounted(ctx, c, worker);
                    }
                    Scenario scenario = ctx.sync.scenario();
                    if (scenario == Scenario.NONE || scenario == Scenario.HANDOFF) {
                        echo(ctx, c, worker, line, virtual);
                    } else {
                        byte[] echoed = line;
                        ctx.sync.echoWork(c.id, worker, () -> echo(ctx, c, worker, echoed, virtual));
                    }
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
