package echolab.record;

/** A file that cannot be opened as a recording at all; the message is one line, for a user. */
public final class RecordingException extends Exception {

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
