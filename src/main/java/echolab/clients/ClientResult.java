package echolab.clients;

/**
 * How a simulated client's conversation went.
 *
 * @param linesSent     complete lines written
 * @param linesVerified echoes that matched their line byte for byte
 * @param outcome       {@code done}, {@code disconnected}, or what went wrong
 */
public record ClientResult(String client, int localPort, int linesSent, int linesVerified, String outcome) {

    /** Every line written came back exactly. */
    public boolean allVerified() {
        return "done".equals(outcome) && linesVerified == linesSent;
    }
}
