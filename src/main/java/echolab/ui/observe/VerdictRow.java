package echolab.ui.observe;

import java.util.List;

import echolab.observe.check.Status;

/** One line of the tab's list of verdicts: a requirement's id, pass, fail or skip, a sentence, the evidence. */
public record VerdictRow(String id, Status status, String summary, List<String> evidence) {

    public VerdictRow {
        evidence = List.copyOf(evidence);
    }

    /** The mark before the id: a tick, a cross, or a dash for a check that could not be judged. */
    public String mark() {
        return switch (status) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case SKIP -> "–";
        };
    }
}
