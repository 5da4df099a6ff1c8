package echolab.cli;

import java.util.function.Function;

import picocli.CommandLine;

/**
 * Reads an option with a {@code parse} method whose exception already names the allowed values,
 * so a wrong value is reported as one line that says what would have been right.
 */
abstract class ParsingConverter<T> implements CommandLine.ITypeConverter<T> {

    private final Function<String, T> parse;

    ParsingConverter(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
