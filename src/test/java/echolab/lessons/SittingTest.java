package echolab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SittingTest {

    @Test
    void aTallyAndItsOutcomeRoundTripThroughCsv() {
        Sitting s = new Sitting();
        s.add(new Sitting.Row(Instant.parse("2026-11-30T09:15:02Z"), "threads-share-memory", 2,
                "How many of the 200 increments survive?", "1. All 200: 4 · 2. Fewer than 200: 17 · 3. More than 200: 1",
                "lost = 57, counter = 143; right: 2. Fewer than 200", true));
        s.add(new Sitting.Row(Instant.parse("2026-11-30T09:21:40Z"), "pool-queue", 2,
                "Six clients, \"two\" workers:\nhow long?", "900 ms", "elapsedMillis = 912", false));
        String csv = s.toCsv();
        assertTrue(csv.startsWith("time,lesson,step,question,prediction,measured,holds\r\n"), csv);
        assertEquals(s.rows(), Sitting.fromCsv(csv).rows());
    }

    @Test
    void markdownIsATableWithOneRowPerPrediction() {
        Sitting s = new Sitting();
        s.add(new Sitting.Row(Instant.parse("2026-11-30T09:15:02Z"), "deadlock", 2, "What | happens?", "2. They stop",
                "deadlocksDetected = 1", true));
        String md = s.toMarkdown(ZoneOffset.UTC);
        assertTrue(md.contains("| 2026-11-30 09:15:02 | deadlock | 2 | What \\| happens? | 2. They stop | deadlocksDetected = 1 | yes |"), md);
    }

    @Test
    void somethingElseIsNotReadAsASitting() {
        assertEquals("line 1: not a sitting's record: expected the header time,lesson,step,question,prediction,measured,holds",
                assertThrows(IllegalArgumentException.class, () -> Sitting.fromCsv("a,b\n1,2\n")).getMessage());
    }
}
