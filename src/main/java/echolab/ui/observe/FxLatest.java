package echolab.ui.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Hands the latest of many values from a background thread to the FX thread: however many are
 * offered, at most one {@code Platform.runLater} is queued, and it delivers the newest value.
 *
 * <p>Threading: {@link #offer} from any thread; the consumer runs on the FX thread.
 */
final class FxLatest<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<T> onFx;

    FxLatest(Consumer<T> onFx) {
        this.onFx = onFx;
    }

    void offer(T value) {
        latest.set(value);
        if (!queued.getAndSet(true)) {
            Platform.runLater(() -> {
                queued.set(false); // before reading, so a value offered meanwhile queues a new hand-off
                T newest = latest.get();
                if (newest != null) {
                    onFx.accept(newest);
                }
            });
        }
    }
}
