package echolab.ui.compare;

import java.util.Locale;
import java.util.Optional;

import echolab.bench.Bench;
import echolab.bench.ModeResult;
import echolab.bench.Workload;
import echolab.engine.Mode;

/**
 * One comparison kept for the charts: its number in this window (1, 2, ...), what the bench
 * measured, and whether it was cancelled before every mode was done.
 *
 * @param number    counts the comparisons of this window from 1; fixes the run's colour while shown
 * @param report    the bench's report
 * @param cancelled the bench was stopped early; the report holds the modes done by then
 */
public record CompareRun(int number, Bench.Report report, boolean cancelled) {

    /** Colours for runs: each run keeps one of these while it is shown. */
    static final int SLOTS = 3;

    /** The name of its series: the workload, as "20×100, delay 0 ms, none". */
    public String name() {
        return name(report.workload()) + (cancelled ? " (cancelled)" : "");
    }

    /** A workload in a few words: clients × lines, delay, protection, and churn and runs when not the usual. */
    public static String name(Workload w) {
        return String.format(Locale.ROOT, "%s%d×%d, delay %d ms, %s%s", w.churn() ? "churn " : "", w.clients(),
                w.lines(), w.delayMillis(), w.protection().id(), w.repeat() > 1 ? ", " + w.repeat() + " runs" : "");
    }

    /** Which of the {@link #SLOTS} run colours this run wears. */
    public int slot() {
        return (number - 1) % SLOTS;
    }

    public Workload workload() {
        return report.workload();
    }

    /** The figures of {@code mode}, when it was measured (not skipped, not cancelled before it). */
    public Optional<ModeResult> result(Mode mode) {
        return report.modes().stream().filter(m -> m.mode().equals(mode.id()) && m.skipped() == null).findFirst();
    }
}
