package echolab.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import echolab.base.Background;
import echolab.base.LabThreads;

/**
 * A file of JSON lines written as a sequence of gzip members, "chunks": each chunk is complete on disk
 * once it is written, so a crash loses at most the chunks not yet written, and {@code zcat} reads the
 * whole file as one stream. A chunk ends after {@link #CHUNK_NANOS} or {@link #CHUNK_BYTES} of text,
 * whichever comes first.
 *
 * <p>The writer only gathers a chunk's text; compressing it, nine tenths of a recording's CPU, is done on
 * a thread of the lowest priority, with the CPU the server leaves (measured in docs/measurements.md).
 * On a machine with no CPU to spare that thread falls behind; once {@link #BACKLOG_BYTES} of text wait,
 * the writer compresses its chunks itself, at its own priority, so that the recording falls no
 * further behind and nothing is dropped. Chunks reach the file in their order, whoever compressed them.
 *
 * <p>Threading: {@link #write}, {@link #tick}, {@link #endChunk}, {@link #sync} and {@link #close} on one
 * thread (the recording's drain); compressing on the file's own ({@code echolab-recording-gzip}).
 */
final class ChunkedGzipFile implements LineTarget {

    static final long CHUNK_NANOS = 1_000_000_000L;
    static final int CHUNK_BYTES = 256 * 1024;
    /** A chunk's buffer: the chunk and the batch that ends it (a drain's batch is well under 256 KB). */
    private static final int CHUNK_ROOM = 2 * CHUNK_BYTES;
    /** Text waiting to be compressed beyond which the writer compresses its chunks itself: about 500,000 events. */
    static final long BACKLOG_BYTES = 64L * 1024 * 1024;

    private final Path path;
    private final OutputStream file;
    private final long chunkNanos;
    private final ThreadPoolExecutor compressor;
    /** Chunk buffers back from the compressor, for the next chunks: a busy recording allocates none. */
    private final ArrayBlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(4);
    /** The current chunk's text, handed whole to be compressed when it ends; null between chunks. */
    private byte[] chunk;
    private int chunkLength;
    private long chunkStarted;
    private long lines;
    private long chunksEnded;

    // the chunks compressed and not yet written, and the next one due: guarded by "order"
    private final Object order = new Object();
    private final TreeMap<Long, byte[]> compressed = new TreeMap<>();
    private long nextToWrite;
    private long backlog;
    private long bytesOnDisk;
    private IOException failure;

    ChunkedGzipFile(Path path, long chunkNanos) throws IOException {
        this.path = path;
        this.chunkNanos = chunkNanos;
        this.file = Files.newOutputStream(path);
        // one thread, ended after a second without chunks, so an idle lab keeps none
        this.compressor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> LabThreads.daemon("echolab-recording-gzip", () -> {
                    Background.lowerThisThread();
                    work.run();
                }));
        compressor.allowCoreThreadTimeOut(true);
    }

    /** Writes {@code length} bytes of whole lines, newlines included, into the current chunk, starting one if needed. */
    @Override
    public void write(byte[] utf8, int length, int lineCount) throws IOException {
        rethrow();
        if (chunk == null) {
            // room for a whole chunk and the batch that ends it: never grown and copied
            chunk = spare.poll();
            if (chunk == null || chunk.length < length) {
                chunk = new byte[Math.max(CHUNK_ROOM, length)];
            }
            chunkLength = 0;
            chunkStarted = System.nanoTime();
        }
        if (chunkLength + length > chunk.length) {
            chunk = Arrays.copyOf(chunk, chunkLength + length);
        }
        System.arraycopy(utf8, 0, chunk, chunkLength, length);
        chunkLength += length;
        lines += lineCount;
        if (chunkLength >= CHUNK_BYTES) {
            endChunk();
        }
    }

    /** Ends the chunk if it is old enough: called whenever the writer has caught up. */
    @Override
    public void tick(long now) throws IOException {
        if (chunk != null && now - chunkStarted >= chunkNanos) {
            endChunk();
        }
        rethrow();
    }

    /** Ends the current chunk: it is compressed and written behind the writer's back (see the class comment). */
    void endChunk() throws IOException {
        endChunk(false);
    }

    /** Ends the current chunk, compressed on this thread when {@code here} or when too much text waits. */
    private void endChunk(boolean here) throws IOException {
        if (chunk == null) {
            return;
        }
        byte[] text = chunk;
        int length = chunkLength;
        chunk = null;
        long seq = chunksEnded++;
        boolean behind = here;
        if (!behind) {
            synchronized (order) {
                behind = backlog + length > BACKLOG_BYTES;
                if (!behind) {
                    backlog += length;
                }
            }
        }
        if (behind) {
            written(seq, gzip(text, length)); // on this thread, at its priority
            return;
        }
        compressor.execute(new Chunk(seq, text, length));
    }

    /** A chunk's text waiting to be compressed and written: run by the compressor, or by {@link #close}. */
    private final class Chunk implements Runnable {
        private final long seq;
        private final byte[] text;
        private final int length;

        Chunk(long seq, byte[] text, int length) {
            this.seq = seq;
            this.text = text;
            this.length = length;
        }

        @Override
        public void run() {
            try {
                byte[] gz = gzip(text, length);
                synchronized (order) {
                    backlog -= length;
                }
                spare.offer(text); // kept when there is room, else left to the collector
                written(seq, gz);
            } catch (IOException e) {
                synchronized (order) {
                    failure = failure == null ? e : failure;
                    order.notifyAll();
                }
            }
        }
    }

    /**
     * Ends the current chunk and returns once every chunk ended so far is on disk: for a header. The
     * chunk is compressed here, on this thread: a header is a few hundred bytes, and waiting for the
     * compressing thread to start cost the window's opening 45 ms.
     */
    void sync() throws IOException {
        endChunk(true);
        long due = chunksEnded;
        synchronized (order) {
            while (nextToWrite < due && failure == null) {
                try {
                    order.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the recording was written");
                }
            }
        }
        rethrow();
    }

    /** Puts a compressed chunk in the file in its turn, with any that waited for it. */
    private void written(long seq, byte[] gz) throws IOException {
        synchronized (order) {
            compressed.put(seq, gz);
            while (!compressed.isEmpty() && compressed.firstKey() == nextToWrite) {
                byte[] next = compressed.pollFirstEntry().getValue();
                file.write(next);
                bytesOnDisk += next.length;
                nextToWrite++;
            }
            file.flush();
            order.notifyAll();
        }
    }

    /** gzip at the fastest level: JSON lines of a few field names compress well even so, at a fraction of the CPU. */
    private static byte[] gzip(byte[] text, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 6 + 64);
        try (FastGzip gz = new FastGzip(out)) {
            gz.write(text, 0, length);
        }
        return out.toByteArray();
    }

    private void rethrow() throws IOException {
        synchronized (order) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Compressed bytes handed to the file so far. */
    long bytesOnDisk() {
        synchronized (order) {
            return bytesOnDisk;
        }
    }

    long lines() {
        return lines;
    }

    Path path() {
        return path;
    }

    /**
     * Ends the last chunk and closes the file once every chunk is in it. The chunks still waiting are
     * compressed here, at this thread's priority, rather than waited for at the compressor's.
     */
    @Override
    public void close() throws IOException {
        try {
            endChunk();
            // the chunks not yet begun; not shutdownNow, whose interrupt would close the file's channel
            List<Runnable> waiting = new ArrayList<>();
            compressor.getQueue().drainTo(waiting);
            compressor.shutdown();
            waiting.forEach(Runnable::run);
            sync();
        } finally {
            try {
                compressor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            file.close();
        }
    }

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
}
