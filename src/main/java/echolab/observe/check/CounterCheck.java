package echolab.observe.check;

import java.util.List;

/** {@code counter}: the server's printed running total grew by exactly what the clients sent. */
final class CounterCheck implements Check {

    @Override
    public String id() {
        return "counter";
    }

    @Override
    public Verdict judge(Evidence e) {
        Evidence.Counter c = e.counter();
        if (c == null) {
            return Verdict.skip(id(), "No --counter-pattern given: the server's total was not read.",
                    List.of("give --counter-pattern REGEX with one group, the total the server prints"));
        }
        if (c.after() == null) {
            return Verdict.skip(id(), "The server printed no line matching " + c.pattern() + ", so its total "
                    + "could not be compared.", List.of("pattern: " + c.pattern(), c.why()));
        }
        long before = c.before() == null ? 0 : c.before();
        long grew = c.after() - before;
        String unit = c.unit().id();
        List<String> evidence = List.of("printed total before the " + c.clients() + " clients: "
                        + (c.before() == null ? "none (0)" : Figures.count(c.before())),
                "after: " + Figures.count(c.after()) + ", so it grew by " + Figures.count(grew) + " " + unit,
                c.clients() + " clients had " + c.messages() + " messages echoed: " + Figures.count(c.sent()) + " " + unit);
        if (grew == c.sent()) {
            return Verdict.pass(id(), "The total grew by exactly the " + Figures.count(c.sent()) + " " + unit
                    + " the clients sent: no update was lost.", evidence);
        }
        long lost = c.sent() - grew;
        return Verdict.fail(id(), "The total " + (lost > 0 ? "fell short by " + Figures.count(lost) + " " + unit
                + ": updates were lost" : "grew by " + Figures.count(-lost) + " " + unit + " more than was sent")
                + ". Two threads read the same total and each wrote back its own sum: guard the read-modify-write "
                + "with a mutex (or a semaphore, or an atomic add).", evidence);
    }
}
