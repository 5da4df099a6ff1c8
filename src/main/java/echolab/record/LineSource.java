package echolab.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a stream that may end badly: each complete line is given as soon as its bytes are read,
 * so a gzip member cut off in the middle still yields every line decoded before the cut. An error of the
 * stream ends the lines and is kept ({@link #failure}); so is a last line without its newline
 * ({@link #cutLine}), for the reader to judge.
 *
 * <p>Threading: one thread.
 */
final class LineSource implements AutoCloseable {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean ended;
    private IOException failure;
    private String cutLine;

    LineSource(InputStream in) {
        this.in = in;
    }

    /** The next complete line without its newline (a trailing CR dropped too), or null at the end. */
    String next() {
        line.reset();
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    if (line.size() > 0) {
                        cutLine = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                    }
                    return null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++; // the newline
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                ended = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            ended = true;
            failure = e;
            return false;
        }
    }

    /** What ended the stream other than its end, or null. */
    IOException failure() {
        return failure;
    }

    /** The bytes after the last newline, when the stream ended inside a line; else null. */
    String cutLine() {
        return cutLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
