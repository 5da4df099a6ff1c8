package echolab.lessons;

import java.util.Map;
import java.util.stream.Collectors;

/** What a run must measure for its reveal to be true on this machine, e.g. {@code lost > 0}. */
public record Expectation(String text, Expression condition, int line) {

    /** One expectation against one run's figures. */
    public record Result(String figure, String expected, String measured, boolean holds) {}

    public static Expectation parse(String text, int line) {
        return new Expectation(text.strip(), Expression.parseCondition(text), line);
    }

    /**
     * Checks it: for a plain comparison the figure is its left side, the expected its operator and
     * right side (with the right side's value when it reads figures), the measured the left side's
     * value; for a compound condition, the whole text and every figure's value.
     */
    public Result check(Map<String, Double> figures) {
        boolean holds = condition.holds(figures);
        if (condition instanceof Expression.Comparison c) {
            String expected = c.op() + " " + c.right().text();
            if (!c.right().figures().isEmpty()) {
                expected += " (= " + Measured.format(c.right().value(figures)) + ")";
            }
            return new Result(c.left().text(), expected, Measured.format(c.left().value(figures)), holds);
        }
        String measured = condition.figures().stream()
                .map(f -> f + " = " + Measured.format(figures.getOrDefault(f, Double.NaN)))
                .collect(Collectors.joining(", "));
        return new Result(condition.text(), "true", measured, holds);
    }
}
