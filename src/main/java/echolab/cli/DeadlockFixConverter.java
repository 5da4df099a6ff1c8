package echolab.cli;

import echolab.sync.DeadlockFix;

/** Reads a {@link DeadlockFix} option by its lower-case name. */
public final class DeadlockFixConverter extends ParsingConverter<DeadlockFix> {
    public DeadlockFixConverter() {
        super(DeadlockFix::parse);
    }
}
