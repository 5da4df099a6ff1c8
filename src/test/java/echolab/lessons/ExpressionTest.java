package echolab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, Double> RUN = Map.of("lost", 57.0, "increments", 200.0, "elapsedMillis", 912.0,
            "delayMillis", 300.0, "fair.longestWaitMs", 4.0, "unfair.longestWaitMs", 60.0);

    private static boolean holds(String text) {
        return Expression.parseCondition(text).holds(RUN);
    }

    @Test
    void comparisonsArithmeticAndLogicOverFigures() {
        assertTrue(holds("lost > 0"));
        assertFalse(holds("lost == 0"));
        assertTrue(holds("elapsedMillis >= 3 * delayMillis"));
        assertFalse(holds("elapsedMillis >= 4 * delayMillis"));
        assertTrue(holds("increments - lost == 143"));
        assertTrue(holds("unfair.longestWaitMs > 2 * fair.longestWaitMs && lost > 0"));
        assertTrue(holds("lost == 0 or lost > 50"));
        assertTrue(holds("(lost == 0 || lost > 50) && increments == 200"));
        assertTrue(holds("(increments - lost) / increments < 1"));
        assertTrue(holds("-lost < 0"));
    }

    @Test
    void aFigureTheRunDidNotMeasureMakesItsComparisonFalseNotTrue() {
        assertFalse(holds("counter == 0"));
        assertFalse(holds("counter != 0"));
        assertTrue(holds("counter == 0 || lost > 0"));
    }

    @Test
    void itNamesTheFiguresItReads() {
        assertEquals(List.of("elapsedMillis", "delayMillis"),
                List.copyOf(Expression.parseCondition("elapsedMillis >= 3 * delayMillis").figures()));
    }

    @Test
    void anExpectationReportsItsFigureTheExpectedAndTheMeasured() {
        Expectation.Result r = Expectation.parse("elapsedMillis >= 3 * delayMillis", 1).check(RUN);
        assertEquals(new Expectation.Result("elapsedMillis", ">= 3 * delayMillis (= 900)", "912", true), r);
        Expectation.Result compound = Expectation.parse("lost == 0 && increments == 200", 1).check(RUN);
        assertEquals(new Expectation.Result("lost == 0 && increments == 200", "true", "lost = 57, increments = 200", false), compound);
    }

    @Test
    void whatIsNotAConditionIsRefusedWithWhereItWentWrong() {
        assertEquals("'lost + 1': expected a comparison (==, !=, <, <=, >, >=) at column 9",
                assertThrows(IllegalArgumentException.class, () -> Expression.parseCondition("lost + 1")).getMessage());
        assertEquals("'lost >': expected a figure, a number or '(' at column 8",
                assertThrows(IllegalArgumentException.class, () -> Expression.parseCondition("lost > ")).getMessage());
        assertEquals("'lost > 0 0': unexpected '0' at column 10",
                assertThrows(IllegalArgumentException.class, () -> Expression.parseCondition("lost > 0 0")).getMessage());
    }

    @Test
    void figuresAreQuotedAsAPersonWritesThem() {
        assertEquals("57", Measured.format(57.0));
        assertEquals("1.88", Measured.format(1.8765));
        assertEquals("14.9", Measured.format(14.94));
        assertEquals("1334", Measured.format(1334.4));
        assertEquals("not measured", Measured.format(Double.NaN));
    }
}
