package echolab.cli;

import echolab.sync.Protection;

/** Reads a {@link Protection} option by its lower-case name. */
public final class ProtectionConverter extends ParsingConverter<Protection> {
    public ProtectionConverter() {
        super(Protection::parse);
    }
}
