package echolab.ui.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import echolab.lessons.Sitting;

/** The sitting's record written to a file the teacher chose: CSV to read back, Markdown to paste into notes. */
public final class SittingFiles {

    /** A file format, with what the file chooser shows for it. */
    public enum Format {
        CSV("CSV", "*.csv", "sitting.csv"),
        MARKDOWN("Markdown", "*.md", "sitting.md");

        final String description;
        final String pattern;
        final String suggestedName;

        Format(String description, String pattern, String suggestedName) {
            this.description = description;
            this.pattern = pattern;
            this.suggestedName = suggestedName;
        }
    }

    private SittingFiles() {
    }

    /** The record as {@code format} writes it; Markdown in the clock of {@code zone}. */
    public static String text(Sitting sitting, Format format, ZoneId zone) {
        return format == Format.CSV ? sitting.toCsv() : sitting.toMarkdown(zone);
    }

    /** Writes the record to {@code file} (UTF-8), replacing what was there. */
    public static void write(Sitting sitting, Format format, Path file, ZoneId zone) throws IOException {
        Files.writeString(file, text(sitting, format, zone), StandardCharsets.UTF_8);
    }
}
