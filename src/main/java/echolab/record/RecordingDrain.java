package echolab.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.events.Event;
import echolab.events.Subscription;

/**
 * Takes a subscription's events off the bus on a thread of its own, encodes them there (never on the
 * server's threads) and writes them to a {@link LineTarget} in batches. When the subscription's queue
 * overflowed, it writes a {@code {"type":"gap","dropped":N}} line where it noticed, so that a replay can
 * say events are missing.
 *
 * <p>Threading: {@link #start} and {@link #close} from the owner's thread; the rest is the drain's.
 */
final class RecordingDrain {

    /** The type of the line that says events were dropped before it. */
    static final String GAP = "gap";
    /** Events per drain: small enough that a batch of text stays well under a chunk. */
    private static final int BATCH = 512;
    private static final int FLUSH_CHARS = 64 * 1024;
    /** How long the drain sleeps when it has caught up: long enough that an idle lab costs next to nothing. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Subscription subscription;
    private final LineTarget target;
    private final Thread thread;
    private final StringBuilder text = new StringBuilder(FLUSH_CHARS + 4096);
    /** The text as bytes, reused (see {@link #flushText}). */
    private byte[] bytes = new byte[2 * FLUSH_CHARS];
    private int pendingLines;
    private long droppedSeen;
    private long written;
    private volatile boolean stopping;
    private volatile IOException failure;

    RecordingDrain(String threadName, Subscription subscription, LineTarget target) {
        this.subscription = subscription;
        this.target = target;
        this.thread = LabThreads.daemon(threadName, this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        // behind the window like the lab's own threads while a window is open; at full priority for
        // serve/check --record, which asked for every event: at nice 19 on a saturated machine the
        // recorder fell behind and dropped a quarter of the events (docs/measurements.md#recording)
        Background.enter();
        try {
            while (true) {
                int n = subscription.drain(this::append, BATCH);
                noteGap();
                if (text.length() >= FLUSH_CHARS || n < BATCH) {
                    flushText();
                }
                if (n == 0) {
                    target.tick(System.nanoTime());
                    if (stopping && subscription.isEmpty()) {
                        return;
                    }
                    LockSupport.parkNanos(IDLE_NANOS);
                }
            }
        } catch (IOException e) {
            failure = e;
            subscription.close(); // a full disk must not keep a queue growing: the bus drops (and counts) from now
        }
    }

    private void append(Event event) {
        EventJson.encode(event, text);
        text.append('\n');
        pendingLines++;
        written++;
    }

    private void noteGap() {
        long dropped = subscription.dropped();
        if (dropped > droppedSeen) {
            text.append("{\"type\":\"" + GAP + "\",\"dropped\":").append(dropped - droppedSeen).append("}\n");
            pendingLines++;
            droppedSeen = dropped;
        }
    }

    /**
     * Hands the text to the target as UTF-8: byte for char into a reused buffer while it is ASCII, as
     * JSON of names and numbers nearly always is (a fresh String and array per batch cost the recorder
     * more than its encoding), else through {@link String#getBytes}.
     */
    private void flushText() throws IOException {
        if (pendingLines == 0) {
            return;
        }
        int n = text.length();
        if (bytes.length < n) {
            bytes = new byte[n + n / 2];
        }
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[i++] = (byte) c;
        }
        byte[] utf8 = bytes;
        int length = n;
        if (i < n) {
            utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
            length = utf8.length;
        }
        text.setLength(0);
        int lines = pendingLines;
        pendingLines = 0;
        target.write(utf8, length, lines);
    }

    /** Events encoded so far (read by the owner after {@link #close}). */
    long written() {
        return written;
    }

    /** Writes what is still queued, closes the subscription and the target; throws what went wrong on the way. */
    void close() throws IOException {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
        if (thread.isAlive()) { // the target is the drain's: leave it rather than close it under the thread
            throw new IOException("the recording's writer did not finish within 30 s");
        }
        target.close();
        if (failure != null) {
            throw failure;
        }
    }
}
