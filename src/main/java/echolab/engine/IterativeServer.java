package echolab.engine;

import java.util.concurrent.TimeUnit;

/**
 * The iterative server: the thread that accepts serves each client to its end before it accepts
 * the next. Meanwhile the kernel completes other clients' handshakes and buffers what they write,
 * so their {@code connect} and {@code write} return, but nobody reads them yet: they wait in the
 * listening socket's backlog.
 *
 * <p>The lecture's program: {@code echoserveri.c} in CS:APP (Bryant and O'Hallaron, chapter 11),
 * whose loop is {@code accept}, {@code echo}, {@code close}.
 */
final class IterativeServer implements ConcurrencyModel {

    private final ServerContext ctx;

    IterativeServer(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Mode mode() {
        return Mode.ITERATIVE;
    }

    @Override
    public boolean servesInline() {
        return true;
    }

    @Override
    public void take(Connection c) {
        String worker = Thread.currentThread().getName();
        ctx.workerAssigned(c, worker, Mode.ITERATIVE);
        BlockingSession.serve(ctx, c, worker);
    }

    @Override
    public void retire() {
        // the acceptor thread is the worker; the server retires it
    }

    @Override
    public boolean finished() {
        return true;
    }

    @Override
    public void stopNow() {
        // nothing of its own: the server closes the connection and stops the acceptor
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
