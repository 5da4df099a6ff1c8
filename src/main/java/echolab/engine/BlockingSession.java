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

    /** Echoes lines until the client leaves, a limit is hit or the server stops; then closes. */
    static void serve(ServerContext ctx, Connection c, String worker) {
        ctx.stats.busyWorkers.incrementAndGet();
        String reason = "client closed";
        boolean virtual = VirtualThreads.isVirtual(Thread.currentThread());
        try {
            // Direct: the kernel reads into it and writes from it with no copy through the heap.
            ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER);
            ByteBuffer line = in.duplicate(); // a window on one line of the read buffer, moved line by line
            LineAssembler lines = new LineAssembler(ctx.options.maxLineBytes());
            while (c.channel.read(in.clear()) >= 0) {
                in.flip();
                while (in.hasRemaining()) {
                    int end = lines.wholeLineEnd(in);
                    if (end >= 0) { // the usual case: a whole line, echoed from where it was read
                        line.limit(end).position(in.position());
                        in.position(end);
                        oneLine(ctx, c, worker, line, virtual);
                        continue;
                    }
                    byte[] joined = lines.next(in); // a line that came in pieces
                    if (joined == null) {
                        break;
                    }
                    oneLine(ctx, c, worker, ByteBuffer.wrap(joined), virtual);
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

    /** One line, from its arrival to its echo: {@code line} holds exactly the line, newline included. */
    private static void oneLine(ServerContext ctx, Connection c, String worker, ByteBuffer line, boolean virtual)
            throws IOException, InterruptedException {
        int length = line.remaining();
        long received = ctx.lineReceived(c, worker, length);
        if (virtual) {
            mounted(ctx, c, worker);
        }
        Scenario scenario = ctx.sync.scenario();
        if (scenario == Scenario.NONE || scenario == Scenario.HANDOFF) {
            echo(ctx, c, worker, line, virtual);
        } else {
            ctx.sync.echoWork(c.id, worker, () -> echo(ctx, c, worker, line, virtual));
        }
        ctx.lineEchoed(c, worker, length, received);
    }

    /** The work of one line: the service wait, the counter, the echo. */
    private static void echo(ServerContext ctx, Connection c, String worker, ByteBuffer line, boolean virtual)
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
        ServerContext.writeFully(c.channel, line);
    }

    /** Says which carrier thread the calling virtual thread runs on right now. */
    private static void mounted(ServerContext ctx, Connection c, String worker) {
        if (ctx.events.active()) {
            String carrier = VirtualThreads.carrierName(Thread.currentThread());
            ctx.events.publish((s, t) -> new Event.VirtualThreadMounted(s, t, c.id, worker, carrier));
        }
    }
}
