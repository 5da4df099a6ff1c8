package echolab.ui.sync;

import java.util.List;

import echolab.sync.step.Action;
import echolab.sync.step.Phase;
import echolab.sync.step.RaceState;
import echolab.sync.step.Step;
import echolab.sync.step.Worker;
import echolab.sync.step.WorkerState;

/** The words of the step-through view: what each state is called and what the lesson says. */
final class StepTexts {

    private StepTexts() {
    }

    /** What the view explains, in three parts; the headings change with the lock. */
    record Explanation(String whatHeading, String what, String whyHeading, String why, String fixHeading,
                       String fix) {
    }

    static final Explanation WITHOUT_LOCK = new Explanation(
            "What happens",
            "Each thread copies the counter into its own local (on its stack), adds 1 to that copy, "
                    + "and writes the copy back: three steps, and the other thread may run between any two.",
            "Why one is lost",
            "If B reads before A writes, both copy the same value and both write value + 1: the second "
                    + "write covers the first.",
            "What fixes it",
            "Make read, add and write indivisible: take a lock before the read and release it after "
                    + "the write. Tick Lock and try the same order.");

    static final Explanation WITH_LOCK = new Explanation(
            "What happens",
            "A thread takes the lock before its read and keeps it until its write. A thread asking "
                    + "for a lock the other holds is blocked inside lock().",
            "Why nothing is lost",
            "B cannot read until A has written and unlocked, so the value B copies already holds A's +1.",
            "What it costs",
            "B waits: the two increments run one after the other. Keep the code under a lock short.");

    static Explanation explanation(boolean locked) {
        return locked ? WITH_LOCK : WITHOUT_LOCK;
    }

    /** The phase tag of a worker's column. */
    static String phase(WorkerState w) {
        return switch (w.phase()) {
            case READY -> "ready to read";
            case READ -> "has read " + w.local();
            case ADDED -> "has added 1";
            case DONE -> "done: wrote " + w.local();
            case BLOCKED -> "blocked on the lock";
        };
    }

    /** The text of a worker's step button. */
    static String button(WorkerState w, boolean locked) {
        String name = w.worker().name();
        return switch (w.phase()) {
            case READY -> "Step " + name + ": " + (locked ? "lock, read" : "read");
            case READ -> "Step " + name + ": add 1";
            case ADDED -> "Step " + name + ": " + (locked ? "write, unlock" : "write");
            case DONE -> name + " is done";
            case BLOCKED -> name + " waits for the lock";
        };
    }

    /** Who holds the lock, for the data region. */
    static String lock(RaceState s) {
        if (!s.locked()) {
            return "no lock: nothing keeps the threads apart";
        }
        for (Worker w : Worker.values()) {
            if (s.worker(w).holdsLock()) {
                return "lock held by " + w;
            }
        }
        return "lock free";
    }

    /** The last thing done to the counter, for the data region. */
    static String lastTouch(RaceState s) {
        for (int i = s.steps().size() - 1; i >= 0; i--) {
            Step step = s.steps().get(i);
            if (step.action() == Action.READ) {
                return step.worker() + " read " + step.local();
            }
            if (step.action() == Action.WRITE) {
                return step.worker() + " wrote " + step.local() + (step.overwrote() ? " over a value it never read" : "");
            }
        }
        return "nobody has touched it yet";
    }

    /** One entry of the history as a sentence, short enough for one line of the list. */
    static String history(Step s, List<Step> all, boolean locked) {
        String w = s.worker().name();
        String other = s.worker().other().name();
        return switch (s.action()) {
            case READ -> (locked ? (waitedBefore(s, all) ? w + " got the lock and read" : w + " took the lock and read")
                    : w + " read the counter") + ": local = " + s.local();
            case ADD -> w + " added 1 to its local: local = " + s.local();
            case WRITE -> s.overwrote()
                    ? w + " wrote " + s.local() + " over " + other + "'s " + s.counter() + ": " + other + "'s +1 is lost"
                    : w + " wrote its local: counter = " + s.counter() + (locked ? ", unlocked" : "");
            case BLOCKED -> w + " asked for the lock: " + other + " holds it, " + w + " is blocked";
        };
    }

    private static boolean waitedBefore(Step read, List<Step> all) {
        return all.stream().anyMatch(x -> x.number() < read.number() && x.worker() == read.worker()
                && x.action() == Action.BLOCKED);
    }

    /** The result line, and how it should look. */
    static StepThroughViewModel.Result result(RaceState s) {
        if (s.lostUpdate()) {
            Step overwrite = s.overwrite().orElse(null);
            String eraser = overwrite == null ? "A write" : overwrite.worker() + "'s write";
            String erased = overwrite == null ? "the other's update" : overwrite.worker().other() + "'s update";
            return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.LOST,
                    "Both workers added 1, but the counter is " + s.counter() + ": " + eraser + " erased " + erased + ".");
        }
        if (s.bothDone()) {
            Worker waited = s.steps().stream().filter(x -> x.action() == Action.BLOCKED).map(Step::worker)
                    .findFirst().orElse(null);
            String why = waited != null ? "The lock made " + waited + " wait until " + waited.other() + " had written."
                    : "One worker wrote before the other read.";
            return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.SAFE,
                    "Counter is " + s.counter() + ": nothing lost. " + why);
        }
        for (Worker w : Worker.values()) {
            if (s.worker(w).phase() == Phase.BLOCKED) {
                return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.WAITING,
                        w + " is blocked in lock(). When " + w.other() + " writes and unlocks, " + w
                                + " gets the lock and reads.");
            }
        }
        if (bothReadBeforeEitherWrote(s)) {
            return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.WARNING,
                    "Both workers copied " + s.counter() + " before either wrote: one +1 is about to be lost.");
        }
        if (s.steps().isEmpty()) {
            return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.PENDING,
                    "Two workers will each add 1. Step them in any order: which orders lose an update?");
        }
        return new StepThroughViewModel.Result(StepThroughViewModel.Outcome.PENDING,
                "Each worker adds 1: once both have written, the counter should be 2.");
    }

    /** Both are between their read and their write: they copied the same value. */
    private static boolean bothReadBeforeEitherWrote(RaceState s) {
        boolean aMid = s.a().phase() == Phase.READ || s.a().phase() == Phase.ADDED;
        boolean bMid = s.b().phase() == Phase.READ || s.b().phase() == Phase.ADDED;
        return aMid && bMid;
    }

    /** Where a replay stands, or empty when none runs. */
    static String replay(RaceState s) {
        if (!s.replaying()) {
            return "";
        }
        if (!s.replayHasNext()) {
            return "Replay done: " + s.replayLength() + " of " + s.replayLength() + " clicks";
        }
        return "Replaying: " + s.replayPosition() + " of " + s.replayLength() + " clicks done";
    }
}
