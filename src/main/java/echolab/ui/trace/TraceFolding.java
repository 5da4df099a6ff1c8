package echolab.ui.trace;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import echolab.events.Event;
import echolab.ui.LabFolds;

/**
 * Folds a run's events through the window's own folds, whose lanes the recorder sees as well, so
 * the trace shows the states the window shows. A frame is closed every 16 ms of the run's time, as
 * the window closes one per frame.
 */
final class TraceFolding {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private TraceFolding() {
    }

    static void fold(String title, TraceSettings settings, List<Event> events, TraceSink sink) throws IOException {
        TraceRecorder recorder = new TraceRecorder(sink, title, events.isEmpty() ? 0 : events.get(0).nanos());
        LabFolds folds = new LabFolds(settings.mode(), settings.protection(), settings.delayMillis(),
                settings.raceWindowMicros(), settings.poolSize(), settings.blockingLoop(), recorder);
        long nextFrame = Long.MIN_VALUE;
        for (Event e : events) {
            recorder.before(e);
            folds.apply(e, e.nanos());
            recorder.after(e);
            if (e.nanos() >= nextFrame) {
                folds.endFrame(e.nanos());
                nextFrame = e.nanos() + FRAME_NANOS;
            }
        }
        recorder.finish();
    }
}
