package echolab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import echolab.record.Recording;
import echolab.record.RecordingException;

/**
 * A recording a lesson ships for a student run that a machine cannot make (no C compiler for the
 * example server, no {@code /proc} to watch it): a built-in lesson's is a resource beside it under
 * {@code /lessons/}, a teacher's file's is a file beside that file. {@code lessons --check --record DIR}
 * makes one on a machine that can.
 *
 * @param name as the lesson file writes it, e.g. {@code recordings/fork_noreap.jsonl.gz}
 * @param at   where it is
 */
public record ShippedRecording(String name, URI at) {

    /** Relative, no way up, and a recording's ending. */
    private static final Pattern NAME = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\\.jsonl(\\.gz)?");

    /**
     * Finds {@code name} for the lesson whose {@link Lesson#source()} is {@code source}; null with the
     * reason in {@code why[0]} when it is not there.
     */
    static ShippedRecording find(String name, String source, String[] why) {
        if (!NAME.matcher(name).matches()) {
            why[0] = "'" + name + "' is not a recording's name: a path beside the lesson, ending in .jsonl.gz or .jsonl";
            return null;
        }
        if (source.startsWith(Lessons.BUILT_IN)) {
            URL url = ShippedRecording.class.getResource("/lessons/" + name);
            if (url == null) {
                why[0] = "the built-in recording /lessons/" + name + " is missing";
                return null;
            }
            try {
                return new ShippedRecording(name, url.toURI());
            } catch (java.net.URISyntaxException e) {
                why[0] = "the built-in recording /lessons/" + name + " cannot be named: " + e.getMessage();
                return null;
            }
        }
        Path beside = Path.of(source).toAbsolutePath().getParent();
        Path file = beside == null ? Path.of(name) : beside.resolve(name);
        if (!Files.isRegularFile(file)) {
            why[0] = "there is no recording " + file;
            return null;
        }
        return new ShippedRecording(name, file.toUri());
    }

    /** The recording, read whole. */
    public Recording read() throws RecordingException {
        InputStream in;
        try {
            in = at.toURL().openStream();
        } catch (IOException e) {
            throw new RecordingException("cannot read the lesson's recording " + name + ": " + e.getMessage());
        }
        return Recording.read(in, name, name.substring(name.lastIndexOf('/') + 1));
    }
}
