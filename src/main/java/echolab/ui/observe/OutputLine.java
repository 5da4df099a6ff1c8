package echolab.ui.observe;

/**
 * One line of the observed program's own output, or a line EchoLab adds between runs.
 *
 * @param number counts every line the fold has kept, so a view can append only the new ones
 * @param pid    the program that printed it
 * @param stream {@code stdout}, {@code stderr}, or {@code echolab} for the lines EchoLab adds
 * @param text   the line, without its line end
 */
public record OutputLine(long number, long pid, String stream, String text) {

    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";
    public static final String ECHOLAB = "echolab";

    public boolean stderr() {
        return STDERR.equals(stream);
    }
}
