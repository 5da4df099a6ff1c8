package echolab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import echolab.lessons.LessonFileException;
import echolab.lessons.LessonReader;
import echolab.lessons.Lessons;
import echolab.ui.OpenCommand;
import picocli.CommandLine;

/** {@code open --lesson} and {@code --lesson-file}: a lesson that cannot be used is refused in one line, exit 2, before any window. */
class OpenLessonOptionTest {

    @TempDir
    Path dir;

    @AfterEach
    void nothingLeftForAWindow() {
        assertTrue(LessonRequest.take().isEmpty());
    }

    /** The first line of what {@code open} says when it refuses. */
    private static String refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new OpenCommand()).setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(args));
        return err.toString().lines().findFirst().orElse("");
    }

    @Test
    void anUnknownLessonIsRefusedNamingTheLessons() {
        String err = refused("--lesson", "no-such-lesson");
        assertTrue(err.contains("no-such-lesson"), err);
        assertTrue(err.contains(Lessons.ids()), err);
    }

    @Test
    void aBadLessonFileIsRefusedWithItsOneLineMessage() throws Exception {
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "id: Broken Name\ntitle: x\n");
        String message;
        try {
            LessonReader.read(bad);
            throw new AssertionError("the reader took " + bad);
        } catch (LessonFileException e) {
            message = e.getMessage();
        }
        assertEquals("--lesson-file: " + message, refused("--lesson-file", bad.toString()));
    }

    @Test
    void aMissingLessonFileIsRefusedNamingIt() {
        String err = refused("--lesson-file", dir.resolve("absent.yaml").toString());
        assertTrue(err.contains("absent.yaml") && err.contains("no such file"), err);
    }

    @Test
    void oneLessonAtATime() {
        String err = refused("--lesson", Lessons.builtIn().get(0).id(), "--lesson-file", "x.yaml");
        assertTrue(err.contains("--lesson and --lesson-file"), err);
    }
}
