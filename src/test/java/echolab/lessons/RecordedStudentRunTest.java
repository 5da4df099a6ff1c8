package echolab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.engine.ServerOptions;
import echolab.events.Event;
import echolab.events.Subscription;
import echolab.lab.Lab;
import echolab.record.EventJson;
import echolab.record.Recording;
import echolab.record.RecordingHeader;
import echolab.testing.NoLeftovers;

/**
 * A lesson's run of an example server, on a machine that cannot make it: the lesson ships the run
 * recorded, and the figures come from the recording by the same books as a live run's. Here the
 * machine "cannot" because the example servers are not where EchoLab looks (as in an installed
 * app without them); the run is real and recorded on this machine first.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class RecordedStudentRunTest {

    /** A lesson of a question and a run of fork_noreap: {@code student} in its braces, then the run's {@code rest} (indented 6). */
    private static String zombies(String student, String rest) {
        return """
                id: zombies
                title: Zombies
                labPoint: Reaping children
                minutes: 2
                steps:
                  - predict:
                      question: How many zombies are left?
                      number: {figure: zombiesLeft, unit: zombies}
                  - run:
                      student: {example: fork_noreap, STUDENT}
                """.replace("STUDENT", student) + rest;
    }

    private static Lab lab() throws Exception {
        return Lab.start(ServerOptions.defaults().toBuilder().port(0).build());
    }

    /** No example servers here: every example's run needs its recording. */
    private static ExampleServers none(Path dir) {
        return new ExampleServers(null, dir.resolve("build"));
    }

    /** The built-in reaping lesson ships both of its runs, and they hold its expectations wherever it is shown. */
    @Test
    void theReapingLessonShowsItsRecordedRunsWhereTheExamplesCannotRun(@TempDir Path dir) throws Exception {
        Lesson lesson = Lessons.find("reaping-zombies").orElseThrow();
        try (Lab lab = lab()) {
            LessonCheck.Outcome o = LessonCheck.run(lesson, lab, none(dir));
            assertEquals("holds", o.status(), o.toString());
            assertEquals(5, o.expectations().size(), o.toString());
            assertEquals(2, o.notes().size(), o.toString());
            for (String note : o.notes()) {
                assertTrue(note.matches("run at line \\d+: A recorded run, shipped with the lesson, since the example "
                        + "servers \\(examples/servers\\) are not here.*: recorded on .+ \\(Linux .+\\), \\d{4}-\\d\\d-\\d\\dT.+, "
                        + "by EchoLab .+\\."), note);
            }
        }
    }

    /**
     * Recorded live with {@code lessons --check --record}'s code, a run read back from its recording gives
     * the figures the live run measured.
     */
    @Test
    void aRunRecordedHereAndReadBackGivesTheFiguresItMeasuredLive(@TempDir Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        Path lessonFile = dir.resolve("zombies.yaml");
        Files.writeString(lessonFile, zombies("clients: 3, settleMillis: 600, recording: recordings/fork_noreap.jsonl.gz",
                """
                      seconds: 15
                      expect:
                        - childrenForked == 3
                """));
        Files.createDirectories(recordings);
        // the run is made from the same lesson without the recording, which does not exist yet
        Step.Run run;
        Map<String, Double> live = new LinkedHashMap<>();
        try (Lab lab = lab()) {
            Lesson first = LessonReader.read(lessonFileWithoutRecording(lessonFile, dir));
            run = (Step.Run) first.steps().get(1);
            LessonRunner runner = new LessonRunner(lab, ExampleServers.standard());
            runner.recordStudentRunsTo(recordings);
            RunResult made = runner.run(run, null, Map.of());
            assertNull(made.skipped(), made.skipped());
            assertNull(made.recorded(), "made here");
            assertTrue(made.holds(), made.contradiction());
            assertTrue(made.timed(), "a live run's span is known, so its reveal can show it again");
            live.putAll(made.figures());
        }
        Recording recording = Recording.read(recordings.resolve("fork_noreap.jsonl.gz"));
        assertEquals(RecordingHeader.SUBJECT_YOUR_SERVER, recording.header().subject());
        assertEquals("fork_noreap", recording.header().mode());
        assertEquals(0, recording.dropped());

        Lesson shipped = LessonReader.read(lessonFile);
        Step.Run recorded = (Step.Run) shipped.steps().get(1);
        assertNotNull(recorded.student().recording());
        try (Lab lab = lab(); Subscription window = lab.subscribe("the window", 1 << 20)) {
            RunResult replayed = new LessonRunner(lab, none(dir)).run(recorded, null, Map.of());
            assertNull(replayed.skipped(), replayed.skipped());
            assertShownAsItHappened(recording, window, replayed);
            assertTrue(replayed.recorded().contains(recording.header().provenance()), replayed.recorded());
            assertTrue(replayed.holds(), replayed.contradiction());
            for (String figure : List.of("childrenForked", "childrenReaped", "peakZombies", "zombiesLeft",
                    "clientsServed", "clients")) {
                assertEquals(live.get(figure), replayed.figures().get(figure), figure + ": live " + live + ", recorded "
                        + replayed.figures());
            }
        }
    }

    /**
     * The recorded run was played down the lab's bus for the window to draw: every recorded event of
     * the server and its clients, in order, each as recorded but stamped anew within the run's span
     * and as far apart as recorded; the span ends before the server's stop, with its zombies there.
     */
    private static void assertShownAsItHappened(Recording recording, Subscription window, RunResult run) {
        List<Event> shown = new java.util.ArrayList<>();
        // the lab's own pool may start its workers after the test subscribed (Lab.start returns before
        // they say so; the window, which subscribes before the lab starts, sees them first): not the run's
        window.drain(e -> {
            if (!(e instanceof Event.WorkerStarted)) {
                shown.add(e);
            }
        }, Integer.MAX_VALUE);
        List<Event> events = recording.events();
        assertEquals(events.size(), shown.size(), () -> "every recorded event shown; shown: "
                + shown.stream().map(e -> e.getClass().getSimpleName()).toList() + "; recorded: "
                + events.stream().map(e -> e.getClass().getSimpleName()).toList());
        assertTrue(run.timed(), "the recorded run's span is known, so its reveal can show it again");
        long stopped = Long.MAX_VALUE;
        for (int i = 0; i < events.size(); i++) {
            Event was = events.get(i);
            Event is = shown.get(i);
            assertEquals(EventJson.restamped(was, is.seq(), is.nanos()), is, "event " + i);
            assertTrue(is.nanos() >= run.startedNanos(), "event " + i + " within the run");
            long recordedGap = was.nanos() - events.get(0).nanos();
            long shownGap = is.nanos() - shown.get(0).nanos();
            assertTrue(shownGap >= recordedGap - 2_000_000, "event " + i + " not ahead of its recorded pace");
            if (is instanceof Event.ObservedServerStopped && stopped == Long.MAX_VALUE) {
                stopped = is.nanos();
            }
        }
        assertTrue(run.endedNanos() <= stopped, "the run's instant is before its server was stopped");
    }

    /** The same lesson with no recording named, for the live run that makes it. */
    private static Path lessonFileWithoutRecording(Path lessonFile, Path dir) throws Exception {
        Path plain = dir.resolve("zombies-live.yaml");
        Files.writeString(plain, Files.readString(lessonFile).replace(", recording: recordings/fork_noreap.jsonl.gz", ""));
        return plain;
    }

    /** A lesson file naming a recording that is not there, or a name that is not a recording's, says so in one line. */
    @Test
    void aMissingOrBadlyNamedRecordingIsTheLessonFilesOneLineError(@TempDir Path dir) throws Exception {
        String text = zombies("recording: NAME", "      seconds: 5\n");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, text.replace("NAME", "recordings/nowhere.jsonl.gz"));
        LessonFileException e = org.junit.jupiter.api.Assertions.assertThrows(LessonFileException.class,
                () -> LessonReader.read(missing));
        assertTrue(e.getMessage().contains("there is no recording " + dir.resolve("recordings/nowhere.jsonl.gz")),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        Path up = dir.resolve("up.yaml");
        Files.writeString(up, text.replace("NAME", "../secret.jsonl.gz"));
        e = org.junit.jupiter.api.Assertions.assertThrows(LessonFileException.class, () -> LessonReader.read(up));
        assertTrue(e.getMessage().contains("is not a recording's name"), e.getMessage());
    }
}
