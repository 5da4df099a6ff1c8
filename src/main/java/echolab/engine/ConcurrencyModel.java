package echolab.engine;

import java.util.concurrent.TimeUnit;

/**
 * One way of serving accepted connections. The server keeps one current model, which takes every
 * new connection; after a switch, the old one is retired and keeps serving what it already took.
 */
interface ConcurrencyModel {

    Mode mode();

    /**
     * Takes a freshly accepted connection. Called on the acceptor thread. Returns at once, except
     * in a model that {@link #servesInline()}, which serves the client to its end first.
     */
    void take(Connection c);

    /** Whether {@link #take} serves the client on the acceptor thread (the iterative server). */
    default boolean servesInline() {
        return false;
    }

    /** Changes the number of workers, where the model has a fixed number. Any thread. */
    default void resize(int workers) {
    }

    /** Takes no more connections; its threads end once the connections it holds have ended. Any thread. */
    void retire();

    /** Whether it has no thread or child process left; only a retired model can have finished. */
    boolean finished();

    /** Stops its workers now (server shutdown); connections are closed by the server. Any thread. */
    void stopNow();

    /** Waits for every thread and child process of this model to end; true if they all did. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;
}
