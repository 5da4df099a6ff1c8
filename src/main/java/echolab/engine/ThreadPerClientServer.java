package echolab.engine;

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
        Thread t = new Thread(work, "echolab-thread-c" + clientId);
        t.setDaemon(true);
        return t;
    }
}
