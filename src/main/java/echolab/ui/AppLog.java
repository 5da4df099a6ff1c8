package echolab.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The app's log file, where an unexpected error is written with its stack trace, in the place the
 * user's system keeps such files: {@code ~/.local/state/echolab} on Linux ({@code $XDG_STATE_HOME}
 * when set), {@code ~/Library/Logs/EchoLab} on macOS, {@code %LOCALAPPDATA%\EchoLab\Logs} on
 * Windows; the system property {@value #DIR_PROPERTY} names another folder. It rotates: three
 * files of 1 MB at most, {@code echolab0.log} the newest.
 *
 * <p>Threading: any thread.
 */
public final class AppLog {

    /** System property: the folder for the log files instead of the system's usual place. */
    public static final String DIR_PROPERTY = "echolab.logDir";

    private static final int LIMIT_BYTES = 1_000_000;
    private static final int FILES = 3;

    private final Path directory;
    private final Logger logger;
    private final FileHandler handler;

    private AppLog(Path directory, Logger logger, FileHandler handler) {
        this.directory = directory;
        this.logger = logger;
        this.handler = handler;
    }

    /** Opens (or creates) the log in {@link #directory()}; appends to the newest file. */
    public static AppLog open() throws IOException {
        return open(directory());
    }

    /** Opens (or creates) the log in {@code directory}. */
    public static AppLog open(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileHandler handler = new FileHandler(directory.resolve("echolab%g.log").toString(), LIMIT_BYTES, FILES, true);
        handler.setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                StringWriter text = new StringWriter();
                text.append(String.format(Locale.ROOT, "%1$tF %1$tT.%1$tL %2$s %3$s%n", r.getMillis(), r.getLevel(), r.getMessage()));
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(text));
                }
                return text.toString();
            }
        });
        Logger logger = Logger.getLogger("echolab.app." + directory.toAbsolutePath());
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return new AppLog(directory, logger, handler);
    }

    /** Where the log files go on this system (see the class comment). */
    public static Path directory() {
        String chosen = System.getProperty(DIR_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("EchoLab").resolve("Logs");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("EchoLab");
        }
        String state = System.getenv("XDG_STATE_HOME");
        return (state != null && !state.isBlank() ? Path.of(state) : home.resolve(".local").resolve("state")).resolve("echolab");
    }

    /** The newest log file, the one being written. */
    public Path file() {
        return directory.resolve("echolab0.log");
    }

    /** Writes {@code message} and {@code error}'s stack trace, at once. */
    public void error(String message, Throwable error) {
        logger.log(Level.SEVERE, message, error);
        handler.flush();
    }

    /** Writes {@code message}. */
    public void info(String message) {
        logger.info(message);
        handler.flush();
    }

    /** Closes the file. */
    public void close() {
        logger.removeHandler(handler);
        handler.close();
    }
}
