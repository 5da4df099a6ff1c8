package echolab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A condition over a run's figures, as a lesson writes it: {@code lost > 0},
 * {@code elapsedMillis >= 3 * delayMillis}, {@code lock.lost == 0 && atomic.lost == 0}.
 * Comparisons {@code == != < <= > >=}, arithmetic {@code + - * /}, parentheses, {@code &&}
 * ({@code and}) and {@code ||} ({@code or}); a figure's name may carry a run's label
 * ({@code unfair.longestWaitMs}). A figure the run did not measure makes its comparison false.
 */
public sealed interface Expression {

    /** The condition's value over {@code figures}; only for conditions. */
    default boolean holds(Map<String, Double> figures) {
        return value(figures) != 0;
    }

    /** The value over {@code figures}: a number, or 1/0 for a condition; NaN where a figure is missing. */
    double value(Map<String, Double> figures);

    /** The figures it reads, in order of appearance. */
    default Set<String> figures() {
        Set<String> out = new LinkedHashSet<>();
        collect(out);
        return out;
    }

    void collect(Set<String> out);

    /** How it was written, normalised. */
    String text();

    record Number(double v) implements Expression {
        public double value(Map<String, Double> f) {
            return v;
        }

        public void collect(Set<String> out) {
        }

        public String text() {
            return Measured.format(v);
        }
    }

    record Figure(String name) implements Expression {
        public double value(Map<String, Double> f) {
            Double v = f.get(name);
            return v == null ? Double.NaN : v;
        }

        public void collect(Set<String> out) {
            out.add(name);
        }

        public String text() {
            return name;
        }
    }

    record Arithmetic(Expression left, char op, Expression right) implements Expression {
        public double value(Map<String, Double> f) {
            double a = left.value(f);
            double b = right.value(f);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> a / b;
            };
        }

        public void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }

        public String text() {
            return wrap(left) + " " + op + " " + wrap(right);
        }

        private static String wrap(Expression e) {
            return e instanceof Arithmetic ? "(" + e.text() + ")" : e.text();
        }
    }

    record Comparison(Expression left, String op, Expression right) implements Expression {
        public double value(Map<String, Double> f) {
            double a = left.value(f);
            double b = right.value(f);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return 0;
            }
            boolean r = switch (op) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                default -> a >= b;
            };
            return r ? 1 : 0;
        }

        public void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }

        public String text() {
            return left.text() + " " + op + " " + right.text();
        }
    }

    record Logic(Expression left, boolean and, Expression right) implements Expression {
        public double value(Map<String, Double> f) {
            boolean r = and ? left.holds(f) && right.holds(f) : left.holds(f) || right.holds(f);
            return r ? 1 : 0;
        }

        public void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }

        public String text() {
            return left.text() + (and ? " && " : " || ") + right.text();
        }
    }

    /**
     * Parses a condition.
     *
     * @throws IllegalArgumentException saying what is wrong and where in the text
     */
    static Expression parseCondition(String text) {
        Parser p = new Parser(text);
        Expression e = p.or();
        p.end();
        if (!(e instanceof Comparison || e instanceof Logic)) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a condition: compare it with ==, !=, <, <=, > or >=");
        }
        return e;
    }

    /** The recursive-descent parser: or := and (|| and)*; and := cmp (&& cmp)*; cmp := sum op sum. */
    final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Expression or() {
            Expression e = and();
            while (take("||") || word("or")) {
                e = new Logic(e, false, and());
            }
            return e;
        }

        private Expression and() {
            Expression e = comparison();
            while (take("&&") || word("and")) {
                e = new Logic(e, true, comparison());
            }
            return e;
        }

        private Expression comparison() {
            if (peek('(') && parenthesisedCondition()) {
                take("(");
                Expression inner = or();
                expect(")");
                return inner;
            }
            Expression left = sum();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (take(op)) {
                    return new Comparison(left, op, sum());
                }
            }
            throw error("expected a comparison (==, !=, <, <=, >, >=)");
        }

        /** Whether the parenthesis at i holds a whole condition (it has a comparison before its close). */
        private boolean parenthesisedCondition() {
            int depth = 0;
            for (int j = i; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        String after = s.substring(j + 1).strip();
                        return after.isEmpty() || after.startsWith("&&") || after.startsWith("||")
                                || after.startsWith("and") || after.startsWith("or") || after.startsWith(")");
                    }
                } else if (depth == 1 && "<>=!".indexOf(c) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private Expression sum() {
            Expression e = product();
            while (true) {
                if (take("+")) {
                    e = new Arithmetic(e, '+', product());
                } else if (peek('-')) {
                    take("-");
                    e = new Arithmetic(e, '-', product());
                } else {
                    return e;
                }
            }
        }

        private Expression product() {
            Expression e = unary();
            while (true) {
                if (take("*")) {
                    e = new Arithmetic(e, '*', unary());
                } else if (take("/")) {
                    e = new Arithmetic(e, '/', unary());
                } else {
                    return e;
                }
            }
        }

        private Expression unary() {
            if (take("-")) {
                return new Arithmetic(new Number(0), '-', unary());
            }
            if (take("(")) {
                Expression e = sum();
                expect(")");
                return e;
            }
            skip();
            int start = i;
            if (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                try {
                    return new Number(Double.parseDouble(s.substring(start, i)));
                } catch (NumberFormatException e) {
                    i = start;
                    throw error("not a number");
                }
            }
            if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                return new Figure(s.substring(start, i));
            }
            throw error("expected a figure, a number or '('");
        }

        void end() {
            skip();
            if (i < s.length()) {
                throw error("unexpected '" + s.substring(i) + "'");
            }
        }

        private void expect(String token) {
            if (!take(token)) {
                throw error("expected '" + token + "'");
            }
        }

        private boolean peek(char c) {
            skip();
            return i < s.length() && s.charAt(i) == c;
        }

        private boolean take(String token) {
            skip();
            if (s.startsWith(token, i)) {
                i += token.length();
                return true;
            }
            return false;
        }

        private boolean word(String w) {
            skip();
            int end = i + w.length();
            if (s.startsWith(w, i) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
                i = end;
                return true;
            }
            return false;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("'" + s.strip() + "': " + what + " at column " + (i + 1));
        }
    }

    /** Every figure of every expression in {@code all}. */
    static List<String> figuresOf(List<Expression> all) {
        List<String> out = new ArrayList<>();
        all.forEach(e -> out.addAll(e.figures()));
        return out;
    }
}
