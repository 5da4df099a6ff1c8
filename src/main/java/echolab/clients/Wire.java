package echolab.clients;

/**
 * What a simulated client puts on the wire: the framing of its messages, and whether their bodies
 * are any bytes (the embedded server is byte-exact) or printable text only (a student's server may
 * treat a message as a C string, or decode it as UTF-8, and still be right for the lab), and whether
 * the client waits for the server to close after its last echo.
 */
public record Wire(Framing framing, boolean textOnly, boolean awaitsClose) {

    /** The embedded server's: lines of any bytes but {@code \n}; after the last echo the server closes first. */
    public static final Wire EMBEDDED = new Wire(Framing.LINE, false, true);

    /**
     * A student's server in {@code framing}: printable text, and the client closes once its echoes
     * are back, as the lab's test driver does (a server that keeps a copy of the connection, by
     * mistake, would otherwise keep the client waiting for a close that never comes).
     */
    public static Wire text(Framing framing) {
        return new Wire(framing, true, false);
    }

    /** Message {@code number} of a client, about {@code length} bytes with its terminator. */
    public byte[] message(LineMaker maker, int number, int length) {
        if (!textOnly && framing == Framing.LINE) {
            return maker.line(number, length);
        }
        byte[] body = maker.text(number, Math.max(1, length - framing.terminator().length));
        return framing.frame(body);
    }
}
