package echolab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.engine.ServerOptions;
import echolab.lab.Lab;
import echolab.testing.NoLeftovers;

/**
 * A lesson played as the window plays it, on a real lab: answers, runs, the reveal and the
 * sitting's record. The player's changes come back on this test's thread through a queue, as
 * they come back on the FX thread in the window.
 */
@ExtendWith(NoLeftovers.class)
@Timeout(120)
class LessonPlayerTest {

    private final LinkedBlockingQueue<Runnable> deliveries = new LinkedBlockingQueue<>();

    /** Runs what the player delivers until {@code done} holds (at most 60 s). */
    private void until(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            Runnable r = deliveries.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            assertTrue(System.nanoTime() < deadline, "the player did not get there in 60 s");
        }
    }

    private static Lab lab() throws Exception {
        return Lab.start(ServerOptions.defaults().toBuilder().port(0).build());
    }

    @Test
    void aPredictionIsAnsweredTheRunMeasuredAndTheRevealQuotesThatRunsFigures() throws Exception {
        Lesson lesson = Lessons.find("threads-share-memory").orElseThrow();
        Sitting sitting = new Sitting();
        try (Lab lab = lab();
             LessonPlayer player = new LessonPlayer(lesson, new LessonRunner(lab, ExampleServers.standard()), sitting, deliveries::add)) {
            player.start();
            until(() -> player.status() == LessonPlayer.Status.DONE);
            assertTrue(player.message().startsWith("Set: mode: Thread per client"), player.message());
            assertEquals("threads", lab.mode().id(), "the set-up set the real server");

            player.next();
            player.choose(2);
            assertEquals("2. Fewer than 200", player.predictionText(1));
            player.next(); // onto the run
            player.next(); // runs it
            until(() -> player.status() == LessonPlayer.Status.DONE);
            RunResult run = player.result(2);
            assertNotNull(run);
            assertEquals(200, run.figure("increments"));

            player.next(); // the reveal
            LessonPlayer.Reveal reveal = player.reveal();
            assertNotNull(reveal);
            assertEquals("2. Fewer than 200", reveal.predicted());
            assertEquals("increments 200 · counter " + (long) run.figure("counter") + " · lost " + (long) run.figure("lost"),
                    reveal.measured(), "the figures of this run, from the engine's books");
            assertEquals(run.figure("increments"), run.figure("counter") + run.figure("lost"), "the books add up");
            if (run.holds()) {
                assertTrue(reveal.why().contains((long) run.figure("lost") + " of 200 increments were lost"), reveal.why());
                assertEquals(java.util.List.of("2. Fewer than 200"), reveal.right());
            } else {
                assertNull(reveal.why(), "no explanation the numbers do not support");
            }
            assertEquals(1, sitting.rows().size());
            Sitting.Row row = sitting.rows().get(0);
            assertEquals("2. Fewer than 200", row.prediction());
            assertTrue(row.measured().startsWith("lost = " + (long) run.figure("lost")), row.measured());
        }
    }

    /** A lesson whose expectation this machine cannot meet: the reveal says so, offers to widen, and never explains. */
    @Test
    void aRevealTheNumbersDoNotSupportShowsTheContradictionAndOffersToWiden() throws Exception {
        Lesson lesson = LessonReader.read("""
                id: impossible
                title: Impossible
                labPoint: none
                minutes: 1
                steps:
                  - setUp: {mode: threads, raceWindowMicros: 10}
                  - predict:
                      question: Q?
                      number: {figure: lost, unit: updates}
                  - run:
                      clients: [{count: 2, kind: burst, lines: 5}]
                      expect: [lost > 1000]
                      widen: {setting: raceWindowMicros, factor: 2, times: 1}
                  - reveal:
                      figures: [lost]
                      why: "{lost} lost: a claim that must not show"
                """, "impossible.yaml", false, "test");
        Sitting sitting = new Sitting();
        try (Lab lab = lab();
             LessonPlayer player = new LessonPlayer(lesson, new LessonRunner(lab, ExampleServers.standard()), sitting, deliveries::add)) {
            player.start();
            until(() -> player.status() == LessonPlayer.Status.DONE);
            player.next();
            player.guess(3);
            player.next();
            player.next();
            until(() -> player.status() == LessonPlayer.Status.DONE);
            player.next();
            LessonPlayer.Reveal reveal = player.reveal();
            assertEquals(false, reveal.supported());
            assertNull(reveal.why());
            assertTrue(reveal.contradiction().startsWith("This machine did not show it: expected lost > 1000, measured "), reveal.contradiction());
            assertEquals("Widen raceWindowMicros ×2 and run again", reveal.widen());

            player.widenAndRerun();
            until(() -> player.status() == LessonPlayer.Status.DONE);
            assertEquals(20, lab.raceWindowMicros(), "widened ×2");
            assertEquals("raceWindowMicros 10 → 20", player.result(2).widened());
            player.next();
            assertNull(player.reveal().widen(), "widened as often as the lesson allows");
            assertEquals(2, sitting.rows().size(), "each run records the prediction beside what it measured");
            assertEquals("3 updates", sitting.rows().get(1).prediction());
        }
    }
}
