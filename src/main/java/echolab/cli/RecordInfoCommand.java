package echolab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import echolab.record.Recording;
import echolab.record.RecordingException;
import echolab.record.RecordingHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code record-info FILE}: what a recording holds, where and when it was made, and whether it is whole. A
 * file that is no recording, or of a newer format, is one line and exit 2; a damaged one is read up to its
 * last good line, says where it stopped, and exits 1.
 */
@Command(name = "record-info", mixinStandardHelpOptions = true,
        description = "Says what a recording (serve/check/open --record) holds and whether it is whole.")
public final class RecordInfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a recording")
    private Path file;

    @Override
    public Integer call() {
        Recording recording;
        try {
            recording = Recording.read(file);
        } catch (RecordingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RecordingHeader h = recording.header();
        System.out.println(h.subject() + (h.mode() == null ? "" : ", mode " + h.mode()) + ": "
                + recording.events().size() + " events, " + h.provenance() + ", Java " + h.java());
        if (!recording.events().isEmpty()) {
            long first = recording.events().get(0).nanos();
            long last = recording.events().get(recording.events().size() - 1).nanos();
            System.out.printf(java.util.Locale.ROOT, "%.3f s of events%n", (last - first) / 1e9);
        }
        if (recording.dropped() > 0) {
            System.out.println(recording.dropped() + " events were dropped while recording, in "
                    + recording.gaps().size() + " gaps");
        }
        if (recording.damage().isPresent()) {
            System.out.println(recording.damage().get());
            return 1;
        }
        return 0;
    }
}
