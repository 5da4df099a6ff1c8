package echolab.ui.fx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Hands the latest of many values from a worker thread to the FX thread: however many values are
 * offered, at most one {@code Platform.runLater} is queued, and it delivers the newest value (the
 * {@code getAndSet} idiom of {@code javafx.concurrent.Task#updateProgress}).
 *
 * <p>Threading: {@link #offer} from any thread; the consumer runs on the FX thread.
 */
public final class FxHandOff<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<T> onFx;

    public FxHandOff(Consumer<T> onFx) {
        this.onFx = onFx;
    }

    public void offer(T value) {
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
