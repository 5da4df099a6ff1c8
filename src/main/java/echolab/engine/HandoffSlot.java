package echolab.engine;

import echolab.events.Event;
import echolab.sync.RaceWindow;

/**
 * The hand-off race of the lecture, made real: the acceptor passes each new connection to its
 * worker through one shared slot, the {@code connfd} that the C server's main thread shares with
 * the threads it starts. The worker reads the slot a moment after it starts; if the acceptor has
 * accepted again meanwhile, it overwrote the slot, two workers serve the same client and the client
 * whose connection was overwritten is never served.
 *
 * <p>The fix is to give every worker its own copy ({@code connfdp = malloc(...)} in C, an argument
 * here), which the models do when the scenario runs safe. The slot keeps exact books of what went
 * wrong: the race is in the window before the read, not in the books.
 *
 * <p>Threading: {@link #put} on the acceptor thread, {@link #take} on worker threads.
 */
final class HandoffSlot {

    private final ServerContext ctx;
    // @GuardedBy("this")
    private Connection current;
    // @GuardedBy("this")
    private String takenBy;

    HandoffSlot(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** The acceptor writes the new connection into the slot, over whatever was there. */
    synchronized void put(Connection c, String acceptor) {
        if (current != null && takenBy == null && current.isOpen()) {
            long lost = current.id; // nobody took it before this overwrite: it will never be served
            ctx.sync.orphaned();
            ctx.events.publish((s, t) -> new Event.HandoffOrphaned(s, t, lost, acceptor));
        }
        current = c;
        takenBy = null;
    }

    /** A newly started worker reads the slot, a moment late: whatever connection is in it now. */
    Connection take(String worker) {
        RaceWindow.pause(ctx.sync.handoffWindowNanos());
        synchronized (this) {
            Connection c = current;
            if (takenBy == null) {
                takenBy = worker;
            } else {
                String first = takenBy;
                ctx.sync.doubleServed();
                ctx.events.publish((s, t) -> new Event.HandoffDoubleServed(s, t, c.id, worker, first));
            }
            return c;
        }
    }
}
