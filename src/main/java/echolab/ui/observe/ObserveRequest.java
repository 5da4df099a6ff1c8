package echolab.ui.observe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command to start in the "Your server" tab as soon as the window opens ({@code open --observe --
 * COMMAND}). The window is made by {@code Application.launch}, which takes no arguments, so the
 * request waits here until the window's controller takes it.
 *
 * @param command the program and its arguments, or empty to only bring the tab to the front
 * @param framing how the tab's clients speak
 */
public record ObserveRequest(List<String> command, FramingChoice framing) {

    private static final AtomicReference<ObserveRequest> PENDING = new AtomicReference<>();

    public ObserveRequest {
        command = List.copyOf(command);
    }

    /** Leaves the request for the next window that opens. Any thread. */
    public static void leave(ObserveRequest request) {
        PENDING.set(request);
    }

    /** The request left for this window, once. Any thread. */
    public static Optional<ObserveRequest> take() {
        return Optional.ofNullable(PENDING.getAndSet(null));
    }
}
