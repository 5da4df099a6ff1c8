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
        // the one-message-per-connection mistake: the first message comes back, the second finds the door shut
        boolean closedAfterFirst = e.echo().tries().size() > 1 && e.echo().tries().get(0).matched()
                && e.echo().tries().get(1).outcome().startsWith("the server closed the connection");
        List<String> evidence = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Evidence.EchoTry t : e.echo().tries()) {
            evidence.add(t.label() + " (" + Figures.count(t.bytes()) + " bytes with the terminator): " + t.outcome());
            if (!t.matched()) {
                wrong.add(t.label());
            }
        }
        if (wrong.isEmpty()) {
            return Verdict.pass(id(), "Every message came back byte for byte in the " + e.framing().id()
                    + " framing: long ones, split ones, several in one write.", evidence);
        }
        return Verdict.fail(id(), "The " + String.join(", ", wrong) + " message" + (wrong.size() > 1 ? "s" : "")
                + " did not come back byte for byte: "
                + (closedAfterFirst ? "the server closed the connection after the first message; serve a client "
                + "until it closes (read() returns 0), not one message per connection. " : "")
                + "Read until the whole message has arrived (a message can "
                + "come in several reads and be longer than your buffer), and write until all of it is sent.",
                evidence);
    }
}
