package echolab.ui;

/**
 * The window cannot open on this machine: no graphical session, or no GTK 3 for JavaFX to draw
 * with. Its message is the one line a user needs: what is missing and what to install.
 */
public final class WindowUnavailable extends RuntimeException {

    static final String ADVICE = "the window needs a graphical session and GTK 3 (Debian/Ubuntu: sudo apt install libgtk-3-0; "
            + "Fedora: sudo dnf install gtk3); without one, serve, bench, check and lessons run without a window";

    /**
     * JavaFX warns, on every start from the jar, that its classes come from the class path: the
     * jar's choice (see Main), not the user's problem. Kept here so the setting is not collected.
     */
    private static final java.util.logging.Logger QUIET_PLATFORM = quietPlatform();

    private WindowUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    private static java.util.logging.Logger quietPlatform() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("javafx"); // JavaFX's own logger
        l.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        return l;
    }

    /**
     * Runs {@code launch} (which starts the JavaFX platform) without JavaFX's class-path warning; a
     * failure to reach a display or GTK becomes this exception, anything else stays as it was.
     */
    static void launch(Runnable launch) {
        QUIET_PLATFORM.getName(); // the filter is set when this class loads; named here so it stays
        FxNatives.prepare(); // from the jar: this machine's JavaFX libraries, before JavaFX looks for them
        try {
            launch.run();
        } catch (RuntimeException | LinkageError e) {
            String why = displayProblem(e);
            if (why == null) {
                throw e;
            }
            throw new WindowUnavailable("cannot open a window (" + why + "): " + ADVICE, e);
        }
    }

    /** What JavaFX said when the display or its libraries are missing, or null when it is something else. */
    static String displayProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof UnsatisfiedLinkError || m.contains("DISPLAY") || m.contains("no suitable pipeline")
                    || m.contains("gtk") || m.contains("Gtk") || m.contains("Graphics Device initialization failed")) {
                return m.lines().findFirst().orElse(t.getClass().getSimpleName());
            }
        }
        return null;
    }
}
