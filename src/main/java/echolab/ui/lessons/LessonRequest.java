package echolab.ui.lessons;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import echolab.lessons.Lesson;

/**
 * A lesson to show in the Lessons panel as soon as the window opens ({@code open --lesson ID} or
 * {@code open --lesson-file F}). The window is made by {@code Application.launch}, which takes no
 * arguments, so the lesson (already read and checked by the command) waits here until the
 * window's controller takes it, as {@link echolab.ui.observe.ObserveRequest} does.
 */
public record LessonRequest(Lesson lesson) {

    private static final AtomicReference<LessonRequest> PENDING = new AtomicReference<>();

    /** Leaves the request for the next window that opens. Any thread. */
    public static void leave(LessonRequest request) {
        PENDING.set(request);
    }

    /** The request left for this window, once. Any thread. */
    public static Optional<LessonRequest> take() {
        return Optional.ofNullable(PENDING.getAndSet(null));
    }
}
