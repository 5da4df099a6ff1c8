package echolab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import echolab.lessons.Sitting;

/** The export buttons' files: the record's CSV reads back as the same record; Markdown in local time. */
class SittingFilesTest {

    @TempDir
    Path dir;

    private static Sitting sitting() {
        Sitting s = new Sitting();
        s.add(new Sitting.Row(Instant.parse("2026-03-02T09:15:30.123456Z"), "threads-share-memory", 2,
                "How many, of \"200\"?", "1. All 200: 4 · 2. Fewer than 200: 17", "lost = 57, counter = 143; right: 2. Fewer", true));
        return s;
    }

    @Test
    void theCsvReadsBackAsTheSameRecord() throws Exception {
        Path file = dir.resolve("sitting.csv");
        SittingFiles.write(sitting(), SittingFiles.Format.CSV, file, ZoneOffset.UTC);
        assertEquals(sitting().rows(), Sitting.fromCsv(Files.readString(file, StandardCharsets.UTF_8)).rows());
    }

    @Test
    void theMarkdownIsTheRecordsTableInTheGivenClock() throws Exception {
        Path file = dir.resolve("sitting.md");
        SittingFiles.write(sitting(), SittingFiles.Format.MARKDOWN, file, ZoneOffset.ofHours(1));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(sitting().toMarkdown(ZoneOffset.ofHours(1)), text);
        assertTrue(text.contains("2026-03-02 10:15:30"), text);
    }
}
