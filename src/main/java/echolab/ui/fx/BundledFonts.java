package echolab.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import javafx.scene.text.Font;

/**
 * The window's two typefaces, DejaVu Sans and DejaVu Sans Mono (regular and bold; the sans in
 * oblique too), carried in the jar and loaded before the first style sheet: JavaFX takes only the
 * first family of a CSS font list and falls back to its own default when that is missing, so the
 * fonts the sheets name must exist on every machine, Windows and macOS included. Their licence is
 * {@code fonts/LICENSE-DejaVu.txt} beside them.
 *
 * <p>Threading: any thread; loads once.
 */
public final class BundledFonts {

    /** The monospace family, for code set in Java rather than in a sheet. */
    public static final String MONO = "DejaVu Sans Mono";

    static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
            "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf");

    private static boolean loaded;

    private BundledFonts() {
    }

    /** Loads the fonts, once. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = BundledFonts.class.getResourceAsStream("/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks fonts/" + file);
                }
                if (Font.loadFont(in, 14) == null) {
                    throw new IllegalStateException("JavaFX could not read fonts/" + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("fonts/" + file, e);
            }
        }
        loaded = true;
    }
}
