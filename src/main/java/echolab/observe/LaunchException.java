package echolab.observe;

/**
 * A student's program could not be started or watched: it does not exist, exits at once, never
 * listens, listens elsewhere, or forks without end. The message is one line in the lab's words;
 * {@link #output()} holds the program's last output, if it said anything.
 */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String output;

    public LaunchException(String message, String output) {
        super(message);
        this.output = output == null ? "" : output;
    }

    /** The program's last lines of output, each on its own line, or empty. */
    public String output() {
        return output;
    }
}
