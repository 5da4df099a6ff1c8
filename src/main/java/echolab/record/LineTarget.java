package echolab.record;

import java.io.IOException;

/** Where a recording's drain puts its lines: one file, or the ring's current segment. Threading: the drain's thread. */
interface LineTarget extends AutoCloseable {

    /** {@code length} bytes of whole lines, each ending in a newline; {@code lineCount} of them. The caller reuses {@code utf8} once this returns. */
    void write(byte[] utf8, int length, int lineCount) throws IOException;

    /** The drain has caught up at {@code now} ({@link System#nanoTime()}): a chance to end a chunk or a segment. */
    void tick(long now) throws IOException;

    @Override
    void close() throws IOException;
}
