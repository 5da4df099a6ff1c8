package echolab.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts a byte stream into {@code \n}-terminated lines, byte for byte, with a length limit.
 *
 * <p>Every byte but {@code \n} is line content, {@code \r} included, so {@code \r\n} comes back as
 * sent. Not thread-safe: one per connection, used by the thread that reads it.
 */
public final class LineAssembler {

    private final int maxLineBytes;
    private byte[] partial = new byte[256];
    private int length;

    public LineAssembler(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Takes bytes from {@code in} up to and including the next newline and returns that line with
     * its newline; returns null when {@code in} ran out first (the bytes are kept for next time).
     */
    public byte[] next(ByteBuffer in) throws LineTooLongException {
        int start = in.position();
        int limit = in.limit();
        for (int i = start; i < limit; i++) {
            if (in.get(i) == '\n') {
                int take = i + 1 - start;
                if (length + take - 1 > maxLineBytes) {
                    throw new LineTooLongException(maxLineBytes);
                }
                byte[] line = new byte[length + take];
                System.arraycopy(partial, 0, line, 0, length);
                in.get(line, length, take);
                length = 0;
                return line;
            }
        }
        int take = limit - start;
        if (length + take > maxLineBytes) {
            throw new LineTooLongException(maxLineBytes);
        }
        ensure(length + take);
        in.get(partial, length, take);
        length += take;
        return null;
    }

    /**
     * When no partial line is held back and {@code in} holds a whole line from its position: the
     * index just past that line's newline, leaving {@code in} untouched; otherwise -1. Lets a
     * caller echo the line straight from the buffer it was read into, with no copy.
     */
    public int wholeLineEnd(ByteBuffer in) throws LineTooLongException {
        if (length > 0) {
            return -1;
        }
        int start = in.position();
        int limit = in.limit();
        for (int i = start; i < limit; i++) {
            if (in.get(i) == '\n') {
                if (i - start > maxLineBytes) {
                    throw new LineTooLongException(maxLineBytes);
                }
                return i + 1;
            }
        }
        return -1;
    }

    /** Bytes of an unfinished line held back. */
    public int pending() {
        return length;
    }

    private void ensure(int capacity) {
        if (capacity > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(capacity, partial.length * 2));
        }
    }
}
