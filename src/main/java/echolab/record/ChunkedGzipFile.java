package echolab.record;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A file of JSON lines written as a sequence of gzip members, "chunks": each chunk is complete on disk
 * once it is finished, so a crash loses at most the chunk being written, and {@code zcat} reads the
 * whole file as one stream. A chunk ends after {@link #CHUNK_NANOS} or {@link #CHUNK_BYTES} of text,
 * whichever comes first.
 *
 * <p>Threading: one thread (the recording's writer).
 */
final class ChunkedGzipFile implements LineTarget {

    static final long CHUNK_NANOS = 1_000_000_000L;
    static final int CHUNK_BYTES = 256 * 1024;

    private final Path path;
    private final OutputStream file;
    private final long chunkNanos;
    private GZIPOutputStream chunk;
    private long chunkStarted;
    private int chunkBytes;
    private long lines;
    private long bytesOnDisk;

    ChunkedGzipFile(Path path, long chunkNanos) throws IOException {
        this.path = path;
        this.chunkNanos = chunkNanos;
        this.file = Files.newOutputStream(path);
    }

    /** Writes {@code length} bytes of whole lines, newlines included, into the current chunk, starting one if needed. */
    @Override
    public void write(byte[] utf8, int length, int lineCount) throws IOException {
        if (chunk == null) {
            chunk = new FastGzip(new Unclosable(file, this));
            chunkStarted = System.nanoTime();
            chunkBytes = 0;
        }
        chunk.write(utf8, 0, length);
        chunkBytes += length;
        lines += lineCount;
        if (chunkBytes >= CHUNK_BYTES) {
            endChunk();
        }
    }

    /** Ends the chunk if it is old enough: called whenever the writer has caught up. */
    @Override
    public void tick(long now) throws IOException {
        if (chunk != null && now - chunkStarted >= chunkNanos) {
            endChunk();
        }
    }

    /** Finishes the current chunk (its gzip trailer) and hands it to the operating system. */
    void endChunk() throws IOException {
        if (chunk != null) {
            chunk.finish();
            chunk = null;
            file.flush();
        }
    }

    /** Compressed bytes handed to the file so far. */
    long bytesOnDisk() {
        return bytesOnDisk;
    }

    long lines() {
        return lines;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            endChunk();
        } finally {
            file.close();
        }
    }

    /** gzip at the fastest level: JSON lines of a few field names compress well even so, at a fraction of the CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }

        @Override
        public void finish() throws IOException {
            super.finish();
            def.end(); // each chunk has its own Deflater: free its native memory now, not at GC
        }
    }

    /** Lets a chunk's stream finish without closing the file under it, and counts what it writes. */
    private static final class Unclosable extends FilterOutputStream {
        private final ChunkedGzipFile owner;

        Unclosable(OutputStream out, ChunkedGzipFile owner) {
            super(out);
            this.owner = owner;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            owner.bytesOnDisk += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            owner.bytesOnDisk++;
        }

        @Override
        public void close() {
            // the file stays open for the next chunk
        }
    }
}
