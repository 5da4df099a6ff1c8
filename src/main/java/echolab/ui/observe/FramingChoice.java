package echolab.ui.observe;

import echolab.clients.Framing;

/** The framing the tab's clients speak: found out, or one of the two the lab knows. */
public enum FramingChoice {
    AUTO("auto", null),
    LINE("line", Framing.LINE),
    BLANK_LINE("blank-line", Framing.BLANK_LINE);

    private final String id;
    private final Framing framing;

    FramingChoice(String id, Framing framing) {
        this.id = id;
        this.framing = framing;
    }

    /** As on the command line: {@code auto}, {@code line}, {@code blank-line}. */
    public String id() {
        return id;
    }

    /** The framing, or null for {@link #AUTO}. */
    public Framing framing() {
        return framing;
    }

    /** The choice named {@code id}; {@link IllegalArgumentException} naming the allowed ones otherwise. */
    public static FramingChoice parse(String id) {
        for (FramingChoice f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framing '" + id + "' (allowed: auto, line, blank-line)");
    }

    @Override
    public String toString() {
        return id;
    }
}
