package echolab.ui.lessons;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import echolab.lessons.Expectation;
import echolab.lessons.Lesson;
import echolab.lessons.LessonPlayer;
import echolab.lessons.Measured;
import echolab.lessons.RunResult;
import echolab.lessons.Step;

/**
 * The words of the Lessons panel, from the engine's records: kept apart from the nodes so that
 * what a class reads off the projector is tested without a window.
 */
public final class CardTexts {

    /** Figures a run without expectations is summed up by, when it measured them. */
    private static final List<String> PLAIN_FIGURES = List.of("clients", "echoed", "increments", "lost");

    private CardTexts() {
    }

    /** The catalogue's line under a lesson's title. */
    public static String about(Lesson lesson) {
        return lesson.labPoint() + " · " + lesson.minutes() + " min";
    }

    /**
     * The catalogue entry's tooltip: what the lesson sets up, the first thing it asks, and how long
     * it takes.
     */
    public static String entryTip(Lesson lesson) {
        StringBuilder out = new StringBuilder();
        lesson.steps().stream().filter(Step.SetUp.class::isInstance).map(s -> ((Step.SetUp) s).say())
                .filter(say -> say != null && !say.isBlank()).findFirst()
                .ifPresent(say -> out.append(say.strip()).append('\n'));
        lesson.steps().stream().filter(Step.Predict.class::isInstance).map(s -> ((Step.Predict) s).question())
                .filter(q -> q != null && !q.isBlank()).findFirst()
                .ifPresent(q -> out.append("It asks first: ").append(q.strip()).append('\n'));
        int steps = lesson.steps().size();
        out.append(steps).append(steps == 1 ? " step" : " steps").append(", about ").append(lesson.minutes())
                .append(" min. Opens here; its runs play on this window's server, in the diagram.");
        return out.toString();
    }

    /** "Step 2 of 5". */
    public static String position(int index, int count) {
        return "Step " + (index + 1) + " of " + count;
    }

    /** The step's kind as the card names it. */
    public static String kind(Step step) {
        switch (step.kind()) {
            case "setUp":
                return "Set up";
            case "predict":
                return "Predict";
            case "run":
                return "Run";
            case "reveal":
                return "Reveal";
            case "try":
                return "Try";
            default:
                return step.kind();
        }
    }

    /** What the step says or asks; empty for a reveal, whose words come from the run. */
    public static String text(Step step) {
        String text = null;
        if (step instanceof Step.SetUp s) {
            text = s.say();
        } else if (step instanceof Step.Predict p) {
            text = p.question();
        } else if (step instanceof Step.Run r) {
            text = r.say();
        } else if (step instanceof Step.Try t) {
            text = t.say();
        }
        return text == null ? "" : text;
    }

    /** A number question's prompt beside its field: "Your guess (increments)". */
    public static String guessPrompt(Step.NumberGuess number) {
        return "Your guess" + (number.unit() == null || number.unit().isEmpty() ? "" : " (" + number.unit() + ")");
    }

    /**
     * What a run measured, in one line: the figures its expectations name, each with its value and
     * whether it held; for a run expecting nothing, its plain counts.
     */
    public static String runSummary(RunResult result) {
        if (result == null) {
            return "";
        }
        if (result.skipped() != null) {
            return "Not run here: " + result.skipped();
        }
        if (result.recorded() != null && !result.expectations().isEmpty()) {
            return "From the lesson's recording: " + result.expectations().stream().map(CardTexts::checked)
                    .collect(Collectors.joining(" · "));
        }
        if (!result.expectations().isEmpty()) {
            return "Measured: " + result.expectations().stream().map(CardTexts::checked).collect(Collectors.joining(" · "));
        }
        Map<String, Double> f = result.figures();
        String plain = PLAIN_FIGURES.stream().filter(f::containsKey)
                .map(n -> n + " " + Measured.format(f.get(n))).collect(Collectors.joining(" · "));
        return plain.isEmpty() ? "Measured." : "Measured: " + plain;
    }

    private static String checked(Expectation.Result e) {
        return e.figure() + " " + e.measured() + (e.holds() ? " ✓" : " ✗ (expected " + e.expected() + ")");
    }

    public static String predicted(LessonPlayer.Reveal reveal) {
        return "You predicted: " + reveal.predicted();
    }

    public static String measured(LessonPlayer.Reveal reveal) {
        return "Measured: " + reveal.measured();
    }

    /** "Right: 2. Fewer than 200", or empty when the measurement makes no choice right. */
    public static String right(List<String> right) {
        if (right.isEmpty()) {
            return "";
        }
        return (right.size() == 1 ? "Right: " : "Right answers: ") + String.join(", ", right);
    }
}
