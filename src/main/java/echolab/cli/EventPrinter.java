package echolab.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import echolab.base.LabThreads;
import echolab.events.Subscription;

/**
 * Drains a subscription onto JSON lines from its own thread, flushing whenever it catches up.
 * Threading: {@link #start} and {@link #stop} from the owner's thread; the printing is its own.
 */
final class EventPrinter {

    private static final int BATCH = 4096;

    private final Subscription subscription;
    private final JsonLines json;
    private final Thread thread;
    private volatile boolean stopping;

    EventPrinter(Subscription subscription, JsonLines json) {
        this.subscription = subscription;
        this.json = json;
        this.thread = LabThreads.daemon("echolab-event-printer", this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (true) {
            int n = subscription.drain(e -> json.print(json.event(e)), BATCH);
            if (n == 0) {
                json.flush();
                if (stopping && subscription.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    /** Prints what is still queued, then returns. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        subscription.close();
        json.flush();
    }
}
