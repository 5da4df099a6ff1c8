package echolab.ui.observe;

import java.util.List;

/**
 * What a Check gave the tab: the verdicts, the model the server was found to be, the framing it
 * speaks, and the report as Markdown and JSON; or, when it could not be checked, why.
 *
 * @param failure why the server could not be checked, or empty
 * @param framing the framing's id ({@code line}, {@code blank-line}), or empty
 * @param model   the model in the lab's words ({@code process per client}), or empty when not recognised
 */
public record CheckOutcome(String failure, String framing, String model, List<VerdictRow> verdicts, boolean passed,
                           String markdown, String json) {

    public CheckOutcome {
        verdicts = List.copyOf(verdicts);
    }

    static CheckOutcome failed(String why) {
        return new CheckOutcome(why, "", "", List.of(), false, "", "");
    }

    public boolean checked() {
        return failure.isEmpty();
    }
}
