package echolab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import echolab.engine.ServerOptions;
import echolab.events.EventBus;
import echolab.record.RecordingHeader;
import echolab.record.RecordingWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the commands share of {@code --record FILE}: the header of a lab's run, starting and closing the writer. */
public final class Recordings {

    private Recordings() {
    }

    /** The header of a recording of EchoLab's own server run with {@code options}. */
    public static RecordingHeader header(ServerOptions options) {
        Map<String, String> settings = new LinkedHashMap<>(RecordingHeader.settingsOf(options));
        return RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_ECHOLAB, options.mode().id(), settings);
    }

    /** The header of a recording of a student's server started with {@code command}. */
    public static RecordingHeader yourServer(String command, Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(more);
        settings.put("command", command);
        return RecordingHeader.forThisMachine(RecordingHeader.SUBJECT_YOUR_SERVER, null, settings);
    }

    /**
     * Starts recording {@code bus} into {@code file}, or returns null when {@code file} is null. A file that
     * cannot be created is a bad {@code --record} option: one line, exit 2.
     */
    public static RecordingWriter start(CommandSpec spec, Path file, RecordingHeader header, EventBus bus) {
        if (file == null) {
            return null;
        }
        try {
            return RecordingWriter.start(file, header, bus);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--record': cannot write "
                    + file + ": " + describe(e));
        }
    }

    /** Ends a recording (null: none); a failure to write is told on stderr, for the run itself went well. */
    public static void close(RecordingWriter recorder) {
        if (recorder == null) {
            return;
        }
        try {
            recorder.close();
        } catch (IOException e) {
            System.err.println("error: the recording " + recorder.file() + " is incomplete: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "its folder does not exist";
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> e.getMessage();
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
