package echolab.engine;

import java.io.IOException;

/** A client sent more bytes without a newline than the server's line limit allows. */
public final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    public LineTooLongException(int limit) {
        super("line too long: the limit is " + limit + " bytes");
    }
}
