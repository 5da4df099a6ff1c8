package echolab.ui.sync;

import echolab.sync.DeadlockFix;

/** The tab's words for each scenario and setting: our own, short enough to read from the back of the room. */
final class Explanations {

    private static final String FIX = "What fixes it";
    private static final String HOW = "What the fix does";

    private Explanations() {
    }

    static Explanation of(SyncChoice choice, boolean safe, DeadlockFix fix, boolean fair) {
        if (choice.ownPage()) {
            return Explanation.NONE;
        }
        return switch (choice.scenario()) {
            case NONE -> none();
            case HANDOFF -> safe ? handoffSafe() : handoff();
            case DEADLOCK -> deadlock(fix);
            case STARVATION -> fair ? fairLock() : unfairLock();
            case SEMAPHORE -> semaphore();
        };
    }

    private static Explanation none() {
        return new Explanation(
                "No scenario is on. The server echoes each line and adds one to a shared counter.",
                "The only hazard left is the counter's own race: read, wait, write. Two workers that overlap"
                        + " write the same value, and an update is lost.",
                "Where to look",
                "Race protection on the right guards the counter. Pick a scenario above, then press its"
                        + " Set up button.");
    }

    private static Explanation handoff() {
        return new Explanation(
                "The acceptor puts each new connection into one shared slot (connfd) and starts a worker,"
                        + " which reads the slot a moment later.",
                "A second accept can overwrite the slot before the first worker reads it. Both workers then"
                        + " serve the same client, and the overwritten one is never served: it waits forever.",
                FIX,
                "Give each worker its own copy of its connection (in C: malloc a fresh connfd per thread)."
                        + " Tick \"Each worker gets its own copy\".");
    }

    private static Explanation handoffSafe() {
        return new Explanation(
                "Each worker is handed its own copy of its connection when it starts.",
                "Nothing is shared between the acceptor and the workers, so a later accept has nothing to"
                        + " overwrite: every client is served exactly once.",
                HOW,
                "It removes the sharing instead of guarding it: no lock is needed. Untick to bring the"
                        + " shared slot back.");
    }

    private static Explanation deadlock(DeadlockFix fix) {
        return switch (fix) {
            case NONE -> new Explanation(
                    "Each echo needs the log and the counter. Workers of odd clients take the log first, of"
                            + " even clients the counter first, and hold it a moment.",
                    "Soon one holds the log and waits for the counter while another holds the counter and"
                            + " waits for the log: a cycle, so neither ever goes on. The server asks the JVM"
                            + " for such cycles.",
                    FIX,
                    "Break the cycle: one global order, or tryLock with a back-off. Choose a fix, then press"
                            + " Reset: the stuck workers start again the new way.");
            case ORDER -> new Explanation(
                    "Everyone takes the log first, then the counter.",
                    "Whoever holds the counter already holds the log, so nobody can hold the counter while"
                            + " waiting for the log: the cycle cannot close.",
                    HOW,
                    "The usual cure, and it costs nothing: one order for all locks. Workers stuck from"
                            + " before need one Reset.");
            case TRYLOCK_FIXED -> new Explanation(
                    "A worker that cannot get its second resource within 5 ms lets go of the first and"
                            + " retries after a pause, the same pause for everybody.",
                    "Workers that collided back off together and come back together, so they collide again."
                            + " Nobody is blocked, yet nobody gets through: a livelock.",
                    FIX,
                    "Make the pause random (tryLock, random back-off): the workers fall out of step and one"
                            + " of them gets both resources.");
            case TRYLOCK_RANDOM -> new Explanation(
                    "On a failed tryLock a worker lets go and waits a random time, whose range doubles with"
                            + " each failure.",
                    "Workers that collided pick different pauses; one returns first and finds both resources"
                            + " free. Retries happen, but echoes get through.",
                    HOW,
                    "It works, paid for in retries and idle waiting. One global order avoids both.");
        };
    }

    private static Explanation unfairLock() {
        return new Explanation(
                "Every echo holds one lock for 1 ms. One worker is greedy: it needs the lock 50 times per"
                        + " echo and asks again the moment it lets go.",
                "An unfair lock goes to whoever asks while it is free. The greedy worker is still running;"
                        + " the others must first be woken, so it usually wins and they wait: they starve.",
                FIX,
                "A fair lock, which serves its waiters in the order they came. Tick \"Fair lock\" and set"
                        + " up again.");
    }

    private static Explanation fairLock() {
        return new Explanation(
                "The lock is fair: it serves its waiters in the order they came, the greedy worker too.",
                "Nobody takes the lock twice in a row while another is queued, however greedy: everyone"
                        + " gets a turn within a few others' turns, and the others' longest waits drop.",
                "What fairness costs",
                "Each hand-over goes to a thread that must first be woken, a delay an unfair lock skips."
                        + " Beside 1 ms turns it is small: compare the two runs' turns per second.");
    }

    private static Explanation semaphore() {
        return new Explanation(
                "A counting semaphore with K permits guards the echo work: a worker takes a permit before"
                        + " its echo and gives it back after.",
                "So at most K workers do the echo work at once, however many clients there are; the others"
                        + " wait on the semaphore. With K = 1 it is a lock.",
                "How to use it",
                "Nothing is broken: K is the limit you choose, for something that takes K users at once"
                        + " (K database connections). Change K and watch.");
    }
}
