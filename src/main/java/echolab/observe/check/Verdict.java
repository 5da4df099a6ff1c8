package echolab.observe.check;

import java.util.List;

/**
 * One requirement of the lab, judged: its stable id ({@code reaping}), pass, fail or skip, one
 * sentence in the lab's words (for a failure: what is wrong and what to fix), and the evidence
 * (numbers, PIDs, client names) it rests on.
 */
public record Verdict(String id, Status status, String summary, List<String> evidence) {

    public Verdict {
        evidence = List.copyOf(evidence);
    }

    static Verdict pass(String id, String summary, List<String> evidence) {
        return new Verdict(id, Status.PASS, summary, evidence);
    }

    static Verdict fail(String id, String summary, List<String> evidence) {
        return new Verdict(id, Status.FAIL, summary, evidence);
    }

    static Verdict skip(String id, String summary, List<String> evidence) {
        return new Verdict(id, Status.SKIP, summary, evidence);
    }
}
