package echolab.cli;

import echolab.sync.Scenario;

/** Reads a {@link Scenario} option by its lower-case name. */
public final class ScenarioConverter extends ParsingConverter<Scenario> {
    public ScenarioConverter() {
        super(Scenario::parse);
    }
}
