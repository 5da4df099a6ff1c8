package echolab.engine;

import java.util.concurrent.ThreadFactory;

/**
 * A virtual thread per client (Java 21+): the code of the thread-per-client server, but the
 * threads are cheap and the JVM mounts them on a few carrier threads while they run.
 *
 * <p>CS:APP has no such program: this is Java's own (JEP 444), {@code echoservert.c}'s shape on
 * threads the runtime schedules.
 */
final class VirtualThreadServer extends OneThreadPerClient {

    private final ThreadFactory factory;

    VirtualThreadServer(ServerContext ctx) {
        super(ctx);
        this.factory = VirtualThreads.factory("echolab-virtual-");
    }

    @Override
    public Mode mode() {
        return Mode.VIRTUAL;
    }

    @Override
    protected String role() {
        return "virtual";
    }

    @Override
    protected Thread newThread(Runnable work, long clientId) {
        Thread t = factory.newThread(work);
        t.setName("echolab-virtual-c" + clientId);
        return t;
    }
}
