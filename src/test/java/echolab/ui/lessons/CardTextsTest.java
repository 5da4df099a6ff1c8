package echolab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import echolab.lessons.Expectation;
import echolab.lessons.LessonPlayer;
import echolab.lessons.RunResult;
import echolab.lessons.Step;

/** The card's words, as the class reads them. */
class CardTextsTest {

    private static final Step.Run RUN = new Step.Run(3, "Go", null, List.of(), null, null, 5, "diagram", List.of(), null);

    private static RunResult result(Map<String, Double> figures, List<Expectation.Result> expectations) {
        return result(figures, expectations, null);
    }

    private static RunResult result(Map<String, Double> figures, List<Expectation.Result> expectations, String skipped) {
        return new RunResult(RUN, figures, expectations, null, skipped, null, -1, -1, null);
    }

    @Test
    void theStepIsPlacedAndNamed() {
        assertEquals("Step 2 of 5", CardTexts.position(1, 5));
        assertEquals("Set up", CardTexts.kind(new Step.SetUp(1, "say", null)));
        assertEquals("Predict", CardTexts.kind(new Step.Predict(1, "q", List.of(), new Step.NumberGuess("lost", "updates"))));
        assertEquals("Run", CardTexts.kind(RUN));
        assertEquals("Reveal", CardTexts.kind(new Step.Reveal(1, List.of(), "why", null)));
        assertEquals("Try", CardTexts.kind(new Step.Try(1, "t", null)));
    }

    @Test
    void theTextIsWhatTheStepSaysOrAsks() {
        assertEquals("How many?", CardTexts.text(new Step.Predict(1, "How many?", List.of(), new Step.NumberGuess("lost", null))));
        assertEquals("Go", CardTexts.text(RUN));
        assertEquals("", CardTexts.text(new Step.Run(3, null, null, List.of(), null, null, 5, null, List.of(), null)));
        assertEquals("", CardTexts.text(new Step.Reveal(1, List.of(), "why", null)));
        assertEquals("Your guess (updates)", CardTexts.guessPrompt(new Step.NumberGuess("lost", "updates")));
        assertEquals("Your guess", CardTexts.guessPrompt(new Step.NumberGuess("lost", null)));
    }

    @Test
    void aRunIsSummedUpByWhatItsExpectationsMeasured() {
        RunResult held = result(Map.of("lost", 57.0, "increments", 200.0),
                List.of(new Expectation.Result("increments", "== 200", "200", true), new Expectation.Result("lost", "> 0", "57", true)));
        assertEquals("Measured: increments 200 ✓ · lost 57 ✓", CardTexts.runSummary(held));
        RunResult not = result(Map.of("lost", 0.0), List.of(new Expectation.Result("lost", "> 0", "0", false)));
        assertEquals("Measured: lost 0 ✗ (expected > 0)", CardTexts.runSummary(not));
        RunResult plain = result(Map.of("clients", 8.0, "echoed", 199.5, "elapsedMillis", 12.0), List.of());
        assertEquals("Measured: clients 8 · echoed 200", CardTexts.runSummary(plain));
        RunResult skipped = result(Map.of(), List.of(), "no C compiler");
        assertEquals("Not run here: no C compiler", CardTexts.runSummary(skipped));
        assertEquals("", CardTexts.runSummary(null));
    }

    @Test
    void aRevealSaysThePredictionBesideTheMeasurementAndTheRightChoices() {
        LessonPlayer.Reveal r = new LessonPlayer.Reveal("2. Fewer than 200", "lost 57 · counter 143", List.of("2. Fewer than 200"),
                "57 were lost", true, null, null, "figures", null);
        assertEquals("You predicted: 2. Fewer than 200", CardTexts.predicted(r));
        assertEquals("Measured: lost 57 · counter 143", CardTexts.measured(r));
        assertEquals("Right: 2. Fewer than 200", CardTexts.right(r.right()));
        assertEquals("Right answers: 1. A, 3. C", CardTexts.right(List.of("1. A", "3. C")));
        assertEquals("", CardTexts.right(List.of()));
    }
}
