package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;

/** {@code echo}: tricky messages (ASCII, UTF-8, 4 KiB, one byte) come back byte for byte in the framing. */
final class EchoCheck implements Check {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public Verdict judge(Evidence e) {
        List<String> evidence = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Evidence.EchoTry t : e.echo().tries()) {
            evidence.add(t.label() + " (" + t.bytes() + " bytes + terminator): " + t.outcome());
            if (!t.matched()) {
                wrong.add(t.label());
            }
        }
        if (wrong.isEmpty()) {
            return Verdict.pass(id(), "Every message came back byte for byte in the " + e.framing().id()
                    + " framing, the 4 KiB one too.", evidence);
        }
        return Verdict.fail(id(), "The " + String.join(", ", wrong) + " message" + (wrong.size() > 1 ? "s" : "")
                + " did not come back byte for byte: read until the whole message has arrived (a message can "
                + "come in several reads and be longer than your buffer), and write until all of it is sent.",
                evidence);
    }
}
