package echolab.observe.check;

import java.util.List;

/** {@code reaping}: after the clients leave, no zombie children remain. */
final class ReapingCheck implements Check {

    @Override
    public String id() {
        return "reaping";
    }

    @Override
    public Verdict judge(Evidence e) {
        if (e.waves().waves().isEmpty()) {
            return Verdict.skip(id(), "No wave of clients was completed, so reaping could not be followed.",
                    List.of("waves completed: none"));
        }
        if (Children.of(e).all().isEmpty() && e.waves().after().zombies().isEmpty()) {
            return Verdict.skip(id(), "The server started no child processes, so there is nothing to reap.",
                    List.of("child processes seen: none"));
        }
        int peak = e.whole().peakZombies();
        var left = e.waves().after().zombies();
        List<String> evidence = List.of("most zombies at once: " + peak,
                "zombies " + Figures.seconds(CheckDriver.SETTLE_MILLIS) + " after the clients left: "
                        + (left.isEmpty() ? "none" : left.size() + " (PIDs " + Figures.pids(left) + ")"));
        if (left.isEmpty()) {
            return Verdict.pass(id(), "Every child was reaped once it ended; no zombies remain.", evidence);
        }
        return Verdict.fail(id(), left.size() + " finished child" + (left.size() == 1 ? " is a zombie" : "ren are zombies")
                + " (state Z): nobody waited for them. Install a SIGCHLD handler that reaps with "
                + "waitpid(-1, NULL, WNOHANG) in a loop.", evidence);
    }
}
