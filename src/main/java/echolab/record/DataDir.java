package echolab.record;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where EchoLab keeps what it writes for the user, per the platform's convention: Linux
 * {@code $XDG_DATA_HOME/echolab} (else {@code ~/.local/share/echolab}), macOS
 * {@code ~/Library/Application Support/EchoLab}, Windows {@code %LOCALAPPDATA%\EchoLab}. The system
 * property {@code echolab.dataDir} overrides it (the tests point it under {@code target/}).
 * Threading: any thread.
 */
public final class DataDir {

    public static final String PROPERTY = "echolab.dataDir";

    private DataDir() {
    }

    /** The base folder, not created. */
    public static Path base() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("EchoLab");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("EchoLab");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("echolab");
    }

    /** The folder of the window's continuous recordings, not created. */
    public static Path recordings() {
        return base().resolve("recordings");
    }
}
