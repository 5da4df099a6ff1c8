package echolab.ui.lessons;

import java.util.Optional;

/**
 * The presenter's keys while a lesson is open: {@code 1}-{@code 9} answer, Space or → next (which
 * runs a run step), ← back, {@code R} run again, Esc leave. Toolkit-free: it reads the name of a
 * JavaFX {@code KeyCode} ({@code "DIGIT3"}, {@code "SPACE"}), so the table is tested without a window.
 */
public final class LessonKeys {

    public enum Kind { CHOOSE, NEXT, BACK, RERUN, LEAVE }

    /** What a key does; {@code choice} (from 1) only for {@link Kind#CHOOSE}. */
    public record Action(Kind kind, int choice) {}

    private LessonKeys() {
    }

    /** The action of the key named {@code keyCode}, or empty for a key the lesson leaves alone. */
    public static Optional<Action> of(String keyCode) {
        for (String digits : new String[] {"DIGIT", "NUMPAD"}) {
            if (keyCode.startsWith(digits) && keyCode.length() == digits.length() + 1) {
                char d = keyCode.charAt(digits.length());
                if (d >= '1' && d <= '9') {
                    return Optional.of(new Action(Kind.CHOOSE, d - '0'));
                }
                return Optional.empty(); // 0 answers nothing
            }
        }
        switch (keyCode) {
            case "SPACE":
            case "RIGHT":
                return Optional.of(new Action(Kind.NEXT, 0));
            case "LEFT":
                return Optional.of(new Action(Kind.BACK, 0));
            case "R":
                return Optional.of(new Action(Kind.RERUN, 0));
            case "ESCAPE":
                return Optional.of(new Action(Kind.LEAVE, 0));
            default:
                return Optional.empty();
        }
    }
}
