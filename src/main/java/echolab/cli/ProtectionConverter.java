package echolab.cli;

import echolab.sync.Protection;
import picocli.CommandLine;

/** Reads {@code --protection}; a wrong value is reported with the allowed ones. */
public final class ProtectionConverter implements CommandLine.ITypeConverter<Protection> {
    @Override
    public Protection convert(String value) {
        try {
            return Protection.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
