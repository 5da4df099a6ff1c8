package echolab.lessons;

/**
 * A lesson file that cannot be used: its message is one line naming the file, the line and the
 * field, e.g. {@code my-lesson.yaml:14: steps[2].predict.choices: a question needs at least two choices}.
 */
public final class LessonFileException extends Exception {

    private final String file;
    private final int line;
    private final String field;

    public LessonFileException(String file, int line, String field, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + what);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
