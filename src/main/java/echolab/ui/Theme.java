package echolab.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's colours: the light theme the style sheets define, or a dark, high-contrast one for
 * projectors, which redefines the sheets' named colours ({@code -ink}, {@code -paper}, the states…)
 * in {@code css/dark.css}. Chosen in View → Theme or with {@code open --theme}, and remembered.
 *
 * <p>No JavaFX.
 */
public enum Theme {
    LIGHT("light", "Light", null),
    DARK("dark", "Dark, high contrast", "/css/dark.css");

    private final String id;
    private final String title;
    private final String sheet;

    Theme(String id, String title, String sheet) {
        this.id = id;
        this.title = title;
        this.sheet = sheet;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The style sheet added after the others, if the theme has one. */
    Optional<String> sheet() {
        return Optional.ofNullable(sheet);
    }

    /** The theme called {@code id}; a one-line message naming the choices when there is none. */
    public static Theme parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no theme '" + id + "': light or dark"));
    }
}
