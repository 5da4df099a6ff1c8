package echolab.cli;

import echolab.engine.Mode;
import picocli.CommandLine;

/** Reads {@code --mode}; a wrong value is reported with the allowed ones. */
public final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
        try {
            return Mode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
