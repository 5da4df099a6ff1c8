package echolab.ui.rewind;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import echolab.record.Recording;

/**
 * A recording to play in the window as soon as it opens ({@code open --replay FILE}). The window is
 * made by {@code Application.launch}, which takes no arguments, so the request waits here until the
 * window's controller takes it.
 *
 * @param name      the file's name, for the header
 * @param recording the recording, read whole
 */
public record ReplayRequest(String name, Recording recording) {

    private static final AtomicReference<ReplayRequest> PENDING = new AtomicReference<>();

    /** Leaves the request for the next window that opens. Any thread. */
    public static void leave(ReplayRequest request) {
        PENDING.set(request);
    }

    /** The request left for this window, once. Any thread. */
    public static Optional<ReplayRequest> take() {
        return Optional.ofNullable(PENDING.getAndSet(null));
    }
}
