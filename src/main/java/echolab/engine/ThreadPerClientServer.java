package echolab.engine;

import echolab.base.LabThreads;

/** Thread per client: the acceptor starts a new named platform thread for every connection. */
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
