package echolab.ui.observe;

import java.util.function.Consumer;
import java.util.regex.Pattern;

import echolab.clients.Framing;
import echolab.events.EventBus;
import echolab.observe.check.CheckReport;
import echolab.observe.check.CheckRun;
import echolab.observe.check.CheckSettings;
import echolab.observe.check.Status;
import echolab.observe.check.Verdict;

/**
 * What the Check button does: checks the running student's server with the lab's defaults (in the
 * framing chosen or found, if any) and turns the report into the tab's terms. The only place the
 * tab calls the check.
 *
 * <p>Threading: blocks for the whole check (5 to 30 s); call it on the tab's background thread.
 */
final class CheckAction {

    private CheckAction() {
    }

    /**
     * Checks {@code session}'s server, reading its printed total with {@code counterPattern} (null:
     * the counter is skipped); {@code progress} hears a sentence per phase, on this thread.
     */
    static CheckOutcome run(ObservedSession session, EventBus events, Pattern counterPattern,
                            Consumer<String> progress) throws InterruptedException {
        CheckSettings d = CheckSettings.defaults();
        // named apart from the embedded lab's clients and the tab's own, which share the window's bus
        CheckSettings settings = new CheckSettings(session.knownFraming(), d.bursts(), counterPattern,
                d.counterUnit(), d.timeoutSeconds()).withClientPrefix("check-client-");
        CheckReport report;
        try {
            report = CheckRun.run(session.server(), session.sampler(), session.server().launch(), events, settings,
                    progress);
        } catch (CheckRun.Failed e) {
            return CheckOutcome.failed(e.getMessage());
        }
        try {
            session.learned(Framing.parse(report.framing()));
        } catch (IllegalArgumentException e) {
            // a framing this version does not know: the clients keep probing for themselves
        }
        return new CheckOutcome("", report.framing(), report.model(),
                // what failed first: that is what the student must fix; then the rest in the report's order
                report.verdicts().stream().sorted(java.util.Comparator.comparing(v -> v.status() != Status.FAIL))
                        .map(v -> row(v, report)).toList(), report.passed(), report.toMarkdown(),
                report.toJson());
    }

    /** A verdict's row; the model's also says where each thread waited with no client (Issue 21). */
    private static VerdictRow row(Verdict v, CheckReport report) {
        if (!v.id().equals("model") || report.threads().isEmpty()) {
            return new VerdictRow(v.id(), v.status(), v.summary(), v.evidence());
        }
        java.util.List<String> evidence = new java.util.ArrayList<>(v.evidence());
        report.threads().forEach(t -> evidence.add(t.name() + " (TID " + t.tid() + "), with no client: "
                + t.site().describe()));
        return new VerdictRow(v.id(), v.status(), v.summary(), evidence);
    }
}
