package echolab.observe;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One reusable buffer for the small files of /proc, which report size 0 and must be read to the end;
 * and the files read every time, kept open between readings: reading one again from its start is one
 * system call instead of four, and system calls are most of what the reader costs.
 *
 * <p>A kept file is a {@link FileChannel}, for its positioned reads; an interrupt closes one, so
 * {@link ProcTreeReader#read} holds the thread's interrupt back while it reads, and sets it again after.
 */
final class ProcText {
    /** Beyond this many kept files (a server of thousands of threads), files are opened for each reading. */
    private static final int MAX_KEPT = 4096;

    byte[] buf = new byte[4096];
    int len;
    /** Where positioned reads land before {@link #buf}: the JDK would otherwise copy through one of its own. */
    private final ByteBuffer direct = ByteBuffer.allocateDirect(4096);
    private final Map<String, Kept> kept = new HashMap<>();
    private boolean generation;
    private boolean interrupted;

    /** Reads up to {@code max} bytes of the file once; its length, or -1 if it could not be read. */
    int read(String path, int max) {
        len = -1;
        try (RandomAccessFile in = new RandomAccessFile(path, "r")) {
            len = fill(in, max);
        } catch (IOException gone) {
            // the process or thread ended, or this file is not ours to read
        }
        return len;
    }

    /**
     * Reads the file again through a file kept open; its length, or -1 if it could not be read. A
     * {@code oneRecord} file (stat, syscall, wchan, schedstat) comes whole in one read, so a short read
     * is its end: one {@code pread} in all.
     */
    int reread(String path, boolean oneRecord) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Kept k = kept.get(path);
            FileChannel fresh = null;
            try {
                FileChannel in;
                if (k != null) {
                    k.generation = generation;
                    in = k.channel;
                } else {
                    in = fresh = FileChannel.open(Path.of(path));
                }
                len = fill(in, oneRecord);
                if (fresh != null && kept.size() < MAX_KEPT) {
                    kept.put(path, new Kept(fresh, generation));
                    fresh = null;
                }
                return len;
            } catch (ClosedByInterruptException e) {
                // an interrupt closed the file, not an ending: hold the interrupt back until the reading is done
                interrupted |= Thread.interrupted();
                drop(path, k);
            } catch (IOException e) {
                if (k == null) {
                    break; // the process or thread ended, or this file is not ours to read
                }
                drop(path, k); // that task ended; its PID may already be a new process's: open the path afresh
            } finally {
                closeQuietly(fresh);
            }
        }
        return len = -1;
    }

    /** Whether an interrupt came during the reading, and was held back; clears it. */
    boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /** Closes the kept files that this reading did not use: their tasks have ended or left the tree. */
    void closeUnused() {
        Iterator<Kept> it = kept.values().iterator();
        while (it.hasNext()) {
            Kept k = it.next();
            if (k.generation != generation) {
                closeQuietly(k.channel);
                it.remove();
            }
        }
        generation = !generation;
    }

    void closeAll() {
        kept.values().forEach(k -> closeQuietly(k.channel));
        kept.clear();
    }

    private void drop(String path, Kept k) {
        if (k != null) {
            kept.remove(path);
            closeQuietly(k.channel);
        }
    }

    private int fill(RandomAccessFile in, int max) throws IOException {
        int n = 0;
        while (n < max) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, n, Math.min(buf.length, max) - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** Reads from the start with positioned reads, which need no seek first. */
    private int fill(FileChannel in, boolean oneRecord) throws IOException {
        int n = 0;
        while (true) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            direct.clear().limit(Math.min(direct.capacity(), buf.length - n));
            int room = direct.remaining();
            int r = in.read(direct, n);
            if (r <= 0) {
                break;
            }
            direct.flip().get(buf, n, r);
            n += r;
            if (oneRecord && r < room) {
                break;
            }
        }
        return n;
    }

    private static void closeQuietly(Closeable file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // a /proc file has nothing to flush
            }
        }
    }

    /** A file kept open, and the parity of the last reading that used it. */
    private static final class Kept {
        final FileChannel channel;
        boolean generation;

        Kept(FileChannel channel, boolean generation) {
            this.channel = channel;
            this.generation = generation;
        }
    }

    /** Whether the text just read is exactly {@code bytes}. */
    boolean sameAs(byte[] bytes) {
        return Arrays.equals(buf, 0, len, bytes, 0, bytes.length);
    }

    boolean startsWith(String word) {
        if (len < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The whole text, without its trailing newline. */
    String string() {
        int end = len;
        while (end > 0 && (buf[end - 1] == '\n' || buf[end - 1] == ' ')) {
            end--;
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8);
    }

    /** A cmdline: its NUL-separated arguments joined by spaces. */
    String cmdline() {
        int end = len;
        while (end > 0 && (buf[end - 1] == 0 || buf[end - 1] == ' ' || buf[end - 1] == '\n')) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (buf[i] == 0) {
                buf[i] = ' ';
            }
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8);
    }

    /** The signed decimal at {@code from}, or {@code Long.MIN_VALUE} if there is none. */
    long signedAt(int from) {
        int i = from;
        boolean negative = i < len && buf[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= len || buf[i] < '0' || buf[i] > '9') {
            return Long.MIN_VALUE;
        }
        long v = 0;
        while (i < len && buf[i] >= '0' && buf[i] <= '9') {
            v = v * 10 + (buf[i++] - '0');
        }
        return negative ? -v : v;
    }

    /** The second word read as hex ({@code 0x...}), as the syscall file gives arguments; -1 if absent. */
    long hexAfterFirstSpace() {
        int i = 0;
        while (i < len && buf[i] != ' ') {
            i++;
        }
        i++;
        if (i + 1 < len && buf[i] == '0' && (buf[i + 1] == 'x' || buf[i + 1] == 'X')) {
            i += 2;
        }
        long v = 0;
        int digits = 0;
        for (; i < len; i++, digits++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) {
                break;
            }
            v = (v << 4) | d;
        }
        return digits == 0 ? -1 : v;
    }

    /** Adds every decimal number in the text, as a children file lists PIDs. */
    void addNumbers(List<Long> into) {
        long v = 0;
        boolean in = false;
        for (int i = 0; i < len; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                in = true;
            } else if (in) {
                into.add(v);
                v = 0;
                in = false;
            }
        }
        if (in) {
            into.add(v);
        }
    }

    /** A non-negative decimal, or -1 if {@code s} is not one. */
    static long parseLong(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
