package echolab.ui.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import echolab.events.Event;

/**
 * A trace written to a file, in the format its name asks for: {@code .json} a Chrome JSON trace
 * (for older tools), anything else a Perfetto protobuf trace ({@code .perfetto-trace}).
 *
 * <p>Threading: any thread.
 */
public final class TraceFiles {

    private TraceFiles() {
    }

    /** Whether {@code file} is to hold a Chrome JSON trace rather than a Perfetto one. */
    public static boolean chrome(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Writes {@code events} to {@code file} as {@link #chrome} says; the process tracks are named after {@code title}. */
    public static void write(Path file, String title, TraceSettings settings, List<Event> events) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (chrome(file)) {
                ChromeTrace.write(title, settings, events, out);
            } else {
                PerfettoTrace.write(title, settings, events, out);
            }
        }
    }
}
