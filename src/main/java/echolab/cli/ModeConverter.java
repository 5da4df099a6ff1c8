package echolab.cli;

import echolab.engine.Mode;

/** Reads a {@link Mode} option by its lower-case name. */
public final class ModeConverter extends ParsingConverter<Mode> {
    public ModeConverter() {
        super(Mode::parse);
    }
}
