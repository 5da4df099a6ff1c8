package echolab.clients;

import java.nio.charset.StandardCharsets;

/**
 * How a message ends on the wire: a line ({@code \n}, CS:APP's echo and the embedded server) or a
 * block ending in an empty line ({@code \r\n\r\n}, the lab's starter code, like an HTTP head).
 */
public enum Framing {
    LINE("line", "\n"),
    BLANK_LINE("blank-line", "\r\n\r\n");

    private final String id;
    private final byte[] terminator;

    Framing(String id, String terminator) {
        this.id = id;
        this.terminator = terminator.getBytes(StandardCharsets.US_ASCII);
    }

    /** The name on the command line: {@code line} or {@code blank-line}. */
    public String id() {
        return id;
    }

    public byte[] terminator() {
        return terminator.clone();
    }

    /** {@code body} with this framing's terminator after it. */
    public byte[] frame(byte[] body) {
        byte[] message = new byte[body.length + terminator.length];
        System.arraycopy(body, 0, message, 0, body.length);
        System.arraycopy(terminator, 0, message, body.length, terminator.length);
        return message;
    }

    /** Whether {@code buf[0..n)} ends with this framing's terminator. */
    public boolean endsMessage(byte[] buf, int n) {
        if (n < terminator.length) {
            return false;
        }
        for (int i = 0; i < terminator.length; i++) {
            if (buf[n - terminator.length + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }

    /** The framing named {@code id}; {@link IllegalArgumentException} naming the allowed ones otherwise. */
    public static Framing parse(String id) {
        for (Framing f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framing '" + id + "' (allowed: line, blank-line)");
    }
}
