package echolab.observe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import echolab.base.LabThreads;

/**
 * What an observed program prints, kept within bounds: the last {@value #KEPT_LINES} lines of
 * stdout and stderr together, each cut at {@value #MAX_LINE} characters. A program that floods its
 * output is still read to the end (so it never blocks on a full pipe), but only its tail is kept
 * and only {@value #LINES_PER_SECOND} lines a second reach the listeners; the rest are counted.
 *
 * <p>Threading: one reader thread per stream appends; every other method may be called from any
 * thread.
 */
public final class ProgramOutput {

    static final int KEPT_LINES = 200;
    static final int MAX_LINE = 500;
    static final int LINES_PER_SECOND = 200;

    /** One line the program printed. */
    public record Line(long nanos, String stream, String text) {}

    private final ArrayDeque<Line> tail = new ArrayDeque<>();
    private final List<Consumer<Line>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Line>> watchers = new CopyOnWriteArrayList<>();
    private long lines;
    private long bytes;
    private long notPassedOn;
    private long secondStart;
    private int inThisSecond;

    /** Calls {@code listener} with each line as it arrives, on the reader's thread, within the rate limit. */
    public void onLine(Consumer<Line> listener) {
        listeners.add(listener);
    }

    /** Calls {@code watcher} with every line, however fast they come (keep it cheap), on the reader's thread. */
    public void watch(Consumer<Line> watcher) {
        watchers.add(watcher);
    }

    /** Starts a daemon thread that reads {@code in} to its end. */
    Thread drain(InputStream in, String stream, String threadName) {
        return LabThreads.startDaemon(threadName, () -> read(in, stream));
    }

    private void read(InputStream raw, String stream) {
        byte[] line = new byte[MAX_LINE * 4];
        int n = 0;
        boolean cut = false;
        try (InputStream in = new BufferedInputStream(raw)) {
            int b;
            long count = 0;
            while ((b = in.read()) >= 0) {
                count++;
                if (b == '\n') {
                    synchronized (this) {
                        bytes += count;
                    }
                    count = 0;
                    add(stream, line, n, cut);
                    n = 0;
                    cut = false;
                } else if (n < line.length) {
                    line[n++] = (byte) b;
                } else {
                    cut = true;
                }
            }
            synchronized (this) {
                bytes += count;
            }
            if (n > 0) {
                add(stream, line, n, cut);
            }
        } catch (IOException e) {
            // the program is gone, or we closed its pipe: what it said is kept
        }
    }

    private void add(String stream, byte[] bytes, int n, boolean cut) {
        String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > MAX_LINE || cut) {
            text = text.substring(0, Math.min(MAX_LINE, text.length())) + " …";
        }
        Line l = new Line(System.nanoTime(), stream, text);
        boolean pass;
        synchronized (this) {
            lines++;
            tail.addLast(l);
            if (tail.size() > KEPT_LINES) {
                tail.removeFirst();
            }
            if (l.nanos() - secondStart > 1_000_000_000L) {
                secondStart = l.nanos();
                inThisSecond = 0;
            }
            pass = ++inThisSecond <= LINES_PER_SECOND;
            if (!pass) {
                notPassedOn++;
            }
        }
        for (Consumer<Line> watcher : watchers) {
            watcher.accept(l);
        }
        if (pass) {
            for (Consumer<Line> listener : listeners) {
                listener.accept(l);
            }
        }
    }

    /** The kept tail, oldest first. */
    public synchronized List<Line> tail() {
        return new ArrayList<>(tail);
    }

    /** The last {@code count} lines as text, each prefixed by its stream where it is stderr. */
    public String lastLines(int count) {
        List<Line> all = tail();
        StringBuilder sb = new StringBuilder();
        for (Line l : all.subList(Math.max(0, all.size() - count), all.size())) {
            sb.append("stderr".equals(l.stream()) ? "  ! " : "  | ").append(l.text()).append('\n');
        }
        return sb.toString();
    }

    public synchronized long lines() {
        return lines;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Lines not passed on to listeners because the program printed faster than they are shown. */
    public synchronized long notPassedOn() {
        return notPassedOn;
    }
}
