package echolab.ui;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import echolab.base.Limits;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.ui.subject.Subject;

/**
 * What the window remembers from one launch to the next: where it was and how big, whether the
 * presenter view was on, its zoom and theme, the server it studied ({@link #subject}), and the server's mode and settings when it closed (the
 * "Your server" tab's recent commands are kept by {@link echolab.ui.observe.CommandHistory}). Kept in the user's
 * preferences (node {@value #DEFAULT_NODE}, or the one the system property {@value #NODE_PROPERTY}
 * names); {@code open --forget} forgets it. A value that no longer fits (a mode this Java cannot
 * run, a number out of its range) is not used, and the default stands.
 *
 * <p>No JavaFX. Threading: any thread.
 */
public record Remembered(double x, double y, double width, double height, boolean maximized, boolean presenter,
                         double zoom, Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                         Theme theme) {

    /** The preferences node, under the user's root; a system property so tests keep to a node of their own. */
    public static final String NODE_PROPERTY = "echolab.window.prefs";
    static final String DEFAULT_NODE = "echolab/window";
    private static final String SUBJECT = "subject";

    /** The user's node. */
    static Preferences node() {
        return Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE));
    }

    /** What was saved in {@code node}; empty when nothing was, or it cannot be read. */
    static Optional<Remembered> load(Preferences node) {
        try {
            if (node.get("mode", null) == null) {
                return Optional.empty();
            }
            Mode mode = Mode.parse(node.get("mode", Mode.POOL.id()));
            Protection protection = Protection.parse(node.get("protection", Protection.NONE.id()));
            return Optional.of(new Remembered(node.getDouble("x", Double.NaN), node.getDouble("y", Double.NaN),
                    node.getDouble("width", Double.NaN), node.getDouble("height", Double.NaN),
                    node.getBoolean("maximized", false), node.getBoolean("presenter", false),
                    node.getDouble("zoom", 1), mode, protection,
                    node.getLong("delayMillis", 0), node.getLong("raceWindowMicros", 50), node.getInt("poolSize", 4),
                    Theme.parse(node.get("theme", Theme.LIGHT.id()))));
        } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
            return Optional.empty(); // unreadable or from another version: the defaults stand
        }
    }

    /** Saves this in {@code node}; a store that cannot be written is left as it was. */
    void save(Preferences node) {
        try {
            node.putDouble("x", x);
            node.putDouble("y", y);
            node.putDouble("width", width);
            node.putDouble("height", height);
            node.putBoolean("maximized", maximized);
            node.putBoolean("presenter", presenter);
            node.putDouble("zoom", zoom);
            node.put("mode", mode.id());
            node.put("protection", protection.id());
            node.putLong("delayMillis", delayMillis);
            node.putLong("raceWindowMicros", raceWindowMicros);
            node.putInt("poolSize", poolSize);
            node.put("theme", theme.id());
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // not remembered this time
        }
    }

    /**
     * The server the window studied when it closed ({@link Subject}); EchoLab's own when nothing was
     * saved. Kept apart from the window's record and saved as soon as it is switched: a window that
     * crashes still opens on the subject the teacher left it on.
     */
    static Subject subject(Preferences node) {
        try {
            return Subject.parse(node.get(SUBJECT, Subject.ECHOLAB.id()));
        } catch (IllegalStateException | SecurityException e) {
            return Subject.ECHOLAB;
        }
    }

    /** Saves {@code subject} in {@code node}; a store that cannot be written is left as it was. */
    static void saveSubject(Preferences node, Subject subject) {
        try {
            node.put(SUBJECT, subject.id());
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // not remembered this time
        }
    }

    /** Forgets everything saved in {@code node}. */
    static void forget(Preferences node) {
        try {
            node.clear();
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // nothing to forget, or nothing we may touch
        }
    }

    /** Forgets the window's settings and the "Your server" tab's recent commands: {@code open --forget}, File → Forget. */
    static void forgetAll() {
        forget(node());
        echolab.ui.observe.CommandHistory.forgetStandard();
    }

    /** {@code options} with the remembered mode and settings, each where it still fits. */
    ServerOptions applyTo(ServerOptions options) {
        ServerOptions.Builder b = options.toBuilder();
        if (mode.unavailableReason().isEmpty()) {
            b.mode(mode);
        }
        b.protection(protection);
        if (Limits.DELAY_MILLIS.contains(delayMillis)) {
            b.delayMillis(delayMillis);
        }
        if (Limits.RACE_WINDOW_MICROS.contains(raceWindowMicros)) {
            b.raceWindowMicros(raceWindowMicros);
        }
        if (Limits.POOL_SIZE.contains(poolSize)) {
            b.poolSize(poolSize);
        }
        return b.build();
    }

    /** Whether the window's place and size were saved (not just the server's settings). */
    boolean hasBounds() {
        return !Double.isNaN(x) && !Double.isNaN(y) && width > 0 && height > 0;
    }
}
