package echolab.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * What happens to an error nobody caught, on any thread: it is written to the {@link AppLog} with
 * its stack trace, and a dialog says what happened, on which thread, and where the log file is,
 * with the details folded away. One dialog at a time: errors that come while it is open are
 * logged and counted in it, not stacked on the screen.
 *
 * <p>Threading: {@link #install} and {@link #uninstall} from the FX thread; the handler runs on
 * the thread that failed and shows the dialog on the FX thread.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {

    private final AppLog log;
    private final Window owner;
    private final Thread.UncaughtExceptionHandler previous;
    private final AtomicBoolean showing = new AtomicBoolean();
    private final AtomicInteger moreWhileShowing = new AtomicInteger();

    private ErrorReporter(AppLog log, Window owner, Thread.UncaughtExceptionHandler previous) {
        this.log = log;
        this.owner = owner;
        this.previous = previous;
    }

    /** From now on, every uncaught error is logged to {@code log} and shown over {@code owner}. */
    public static ErrorReporter install(AppLog log, Window owner) {
        ErrorReporter reporter = new ErrorReporter(log, owner, Thread.getDefaultUncaughtExceptionHandler());
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        return reporter;
    }

    /** Puts back the handler there was before. */
    public void uninstall() {
        if (Thread.getDefaultUncaughtExceptionHandler() == this) {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        String what = oneLine(error);
        log.error("uncaught in thread " + thread.getName() + ": " + what, error);
        if (!showing.compareAndSet(false, true)) {
            moreWhileShowing.incrementAndGet();
            return;
        }
        try {
            Platform.runLater(() -> show(thread.getName(), what, error));
        } catch (IllegalStateException toolkitGone) {
            showing.set(false); // no window to show it in: the log has it
        }
    }

    private void show(String thread, String what, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("EchoLab: something went wrong");
        alert.setHeaderText("Something went wrong: " + what);
        Label where = new Label("It happened in the thread \"" + thread + "\". The lab goes on, but what that part"
                + " was doing did not finish.\nThe details are in the log file:\n" + log.file().toAbsolutePath());
        where.setWrapText(true);
        where.setId("errorWhere");
        alert.getDialogPane().setContent(new VBox(where));
        TextArea trace = new TextArea(stackTrace(error));
        trace.setEditable(false);
        trace.setId("errorDetails");
        alert.getDialogPane().setExpandableContent(trace);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setOnHidden(e -> {
            showing.set(false);
            int more = moreWhileShowing.getAndSet(0);
            if (more > 0) {
                log.info(more + " more errors came while the dialog was open (above in this log)");
            }
        });
        alert.show();
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        String first = message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse("");
        return error.getClass().getSimpleName() + first;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
