package echolab.ui.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import echolab.record.Recording;
import echolab.record.RecordingException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code export --perfetto RECORDING OUT} or {@code export --chrome RECORDING OUT}: a recording
 * ({@code serve}, {@code check} or {@code open --record}, or the window's own) as a trace to open in
 * ui.perfetto.dev, or in older tools as Chrome JSON. A file that is not a recording, or of a newer
 * format, is one line and exit 2; a damaged one is exported up to its last good line, which is said.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a recording as a Perfetto trace (ui.perfetto.dev) or a Chrome JSON trace.")
public final class ExportCommand implements Callable<Integer> {

    /** Which format: one of the two. */
    static final class Format {
        @Option(names = "--perfetto", required = true, description = "a Perfetto protobuf trace (.perfetto-trace)")
        boolean perfetto;

        @Option(names = "--chrome", required = true, description = "a Chrome JSON trace, for older tools")
        boolean chrome;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Format format;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "a recording (--record FILE)")
    private Path recording;

    @Parameters(index = "1", paramLabel = "OUT", description = "the trace to write")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Recording read;
        try {
            read = Recording.read(recording);
        } catch (RecordingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "no such folder for the trace: " + folder);
        }
        long start = System.nanoTime();
        String title = read.header().subject().equals("echolab") ? "EchoLab" : read.header().subject();
        try (var stream = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            TraceSettings settings = TraceSettings.of(read.header().settings());
            if (format.chrome) {
                ChromeTrace.write(title, settings, read.events(), stream);
            } else {
                PerfettoTrace.write(title, settings, read.events(), stream);
            }
        }
        System.err.printf(Locale.ROOT, "wrote %s: %d events as a %s trace in %.2f s%n", out, read.events().size(),
                format.chrome ? "Chrome JSON" : "Perfetto", (System.nanoTime() - start) / 1e9);
        read.damage().ifPresent(d -> System.err.println(d + "; the trace ends there"));
        return read.damage().isPresent() ? 1 : 0;
    }
}
