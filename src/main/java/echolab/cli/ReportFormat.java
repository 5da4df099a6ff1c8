package echolab.cli;

import java.util.Locale;

import echolab.observe.check.CheckReport;
import echolab.observe.check.report.CouldNotCheck;
import echolab.observe.check.report.GradescopeReport;
import echolab.observe.check.report.JUnitReport;

/** {@code check --format}: how a report is written, and what a server that could not be checked gives. */
enum ReportFormat {
    TEXT("txt"), JSON("json"), GRADESCOPE("json"), JUNIT("xml");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name ending of a report in this format, without the dot. */
    String extension() {
        return extension;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "' (allowed: text, json, gradescope, junit)");
    }

    String write(CheckReport report, double seconds) {
        return switch (this) {
            case TEXT -> report.toText();
            case JSON -> report.toJson() + "\n";
            case GRADESCOPE -> GradescopeReport.of(report, seconds);
            case JUNIT -> JUnitReport.of(report, seconds);
        };
    }

    /**
     * A grader's formats always give a file, so that an autograder has results to upload even for
     * a program that never started; text and JSON leave that to stderr and the exit code.
     */
    boolean reportsNotChecked() {
        return this == GRADESCOPE || this == JUNIT;
    }

    String write(CouldNotCheck notChecked, double seconds) {
        return switch (this) {
            case TEXT -> notChecked.toText();
            case JSON -> notChecked.toJson() + "\n";
            case GRADESCOPE -> GradescopeReport.of(notChecked, seconds);
            case JUNIT -> JUnitReport.of(notChecked, seconds);
        };
    }
}
