package echolab.engine;

import echolab.base.LabThreads;

/**
 * Thread per client: the acceptor starts a new named platform thread for every connection.
 *
 * <p>The lecture's program: {@code echoservert.c} in CS:APP (chapter 12), which passes each
 * connection to its thread in memory of its own and detaches the thread.
 */
final class ThreadPerClientServer extends OneThreadPerClient {

    ThreadPerClientServer(ServerContext ctx) {
        super(ctx);
    }

    @Override
    public Mode mode() {
        return Mode.THREADS;
    }

    @Override
    protected String role() {
        return "thread";
    }

    @Override
    protected Thread newThread(Runnable work, long clientId) {
        return LabThreads.daemon("echolab-thread-c" + clientId, work);
    }
}
