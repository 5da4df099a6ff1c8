package echolab.engine;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.events.Event;

/**
 * The parent's side of one child: copies the client's bytes into the child's stdin and the child's
 * stdout back to the client, reads the child's reports from its stderr, and reaps it.
 *
 * <p>Three named threads per child, one per byte stream, since each of them blocks. The parent
 * watches the bytes go by for newlines, to time each echo and to cut off a line over the limit.
 */
final class ChildRelay {

    private final ServerContext ctx;
    private final Connection connection;
    private final Process process;
    private final long pid;
    private final String worker;
    private final long startedNanos;
    private final ArrivalTimes receivedAt = new ArrivalTimes(4096);
    private final Thread toChild;
    private final Thread fromChild;
    private final Thread reports;
    private final Consumer<ChildRelay> onFinished;
    /** How long a child may take to say it is ready before it is given up; a test shortens it. */
    static volatile long readyTimeoutMillis = 15_000;

    private volatile boolean ready;
    private volatile java.util.concurrent.ScheduledFuture<?> readyWatch;
    private volatile boolean clientFinished;
    private volatile boolean refused;
    private volatile boolean stopping;

    /** {@code onFinished} runs on a relay thread once the child is reaped and the other relay threads ended. */
    ChildRelay(ServerContext ctx, Connection connection, Process process, long startedNanos,
               Consumer<ChildRelay> onFinished) {
        this.ctx = ctx;
        this.onFinished = onFinished;
        this.connection = connection;
        this.process = process;
        this.pid = process.pid();
        this.worker = "pid " + pid;
        this.startedNanos = startedNanos;
        this.toChild = thread("echolab-relay-in-" + pid, this::copyClientToChild);
        this.fromChild = thread("echolab-relay-out-" + pid, this::copyChildToClient);
        this.reports = thread("echolab-relay-err-" + pid, this::readReports);
    }

    private static Thread thread(String name, Runnable r) {
        return LabThreads.daemon(name, () -> {
            Background.enter();
            r.run();
        });
    }

    void start() {
        toChild.start();
        fromChild.start();
        reports.start();
    }

    long pid() {
        return pid;
    }

    /** Gives the child {@link #readyTimeoutMillis} to say it is ready; after that its client is told why and it is ended. */
    void watchReady(java.util.concurrent.ScheduledExecutorService watchdog) {
        try {
            readyWatch = watchdog.schedule(this::giveUpIfNotReady, readyTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server is stopping: the child ends with it
        }
        if (ready) {
            readyWatch.cancel(false);
        }
    }

    private void giveUpIfNotReady() {
        if (ready || !process.isAlive()) {
            return;
        }
        long seconds = TimeUnit.MILLISECONDS.toSeconds(readyTimeoutMillis);
        ctx.error(connection.id, worker, "the child process did not say it was ready within " + seconds + " s; ended");
        refused = true;
        connection.refuse(worker, "childNotReady",
                "ERROR the server's process for you did not start within " + seconds + " s; try again");
        process.destroyForcibly(); // its relay sees the end of its output and reaps it
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Client socket to child stdin; at the client's end of input, closes stdin so the child finishes. */
    private void copyClientToChild() {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        OutputStream stdin = process.getOutputStream();
        int lineLength = 0;
        int limit = ctx.options.maxLineBytes();
        try {
            while (connection.channel.read(buffer.clear()) >= 0) {
                byte[] bytes = buffer.array();
                int n = buffer.position();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        int length = lineLength + 1;
                        receivedAt.offer(ctx.lineReceived(connection, worker, length));
                        lineLength = 0;
                    } else if (++lineLength > limit) {
                        refused = true;
                        connection.refuse(worker, "maxLine",
                                "ERROR " + new LineTooLongException(limit).getMessage());
                        return;
                    }
                }
                stdin.write(bytes, 0, n);
                stdin.flush();
            }
            clientFinished = true;
        } catch (ClosedChannelException e) {
            // closed by the other relay thread or by the server: the child is told below
        } catch (IOException e) {
            clientFinished = true; // the child is gone or the client reset: either way, stop feeding
        } finally {
            closeQuietly(stdin);
        }
    }

    /** Child stdout to the client socket; at the child's end of output, reaps it and closes the client. */
    private void copyChildToClient() {
        InputStream stdout = process.getInputStream();
        byte[] bytes = new byte[16 * 1024];
        String reason;
        int lineLength = 0;
        try {
            int n;
            while ((n = stdout.read(bytes)) >= 0) {
                ServerContext.writeFully(connection.channel, ByteBuffer.wrap(bytes, 0, n));
                for (int i = 0; i < n; i++) {
                    lineLength++;
                    if (bytes[i] == '\n') {
                        ctx.lineEchoed(connection, worker, lineLength, receivedAt.poll(System.nanoTime()));
                        lineLength = 0;
                    }
                }
            }
            reason = null;
        } catch (IOException e) {
            reason = connection.isOpen() ? "connection lost: " + e.getMessage() : null;
        } finally {
            closeQuietly(stdout);
        }
        int exit = reap();
        if (reason == null) {
            reason = stopping ? "server stopping"
                    : clientFinished && exit == 0 ? "client closed"
                    : "child process ended (exit " + exit + ")";
        }
        if (!refused) {
            connection.close(worker, reason);
        }
        try {
            toChild.join(TimeUnit.SECONDS.toMillis(5));
            reports.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onFinished.accept(this);
    }

    /** The child's reports: {@code ready} once, then {@code counter N} after each increment. */
    private void readReports() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.startsWith("counter ")) {
                    long value;
                    try {
                        value = Long.parseLong(line.substring(8).trim());
                    } catch (NumberFormatException e) { // one bad report; the next may be fine
                        ctx.error(connection.id, worker, "unreadable report from child: " + line);
                        continue;
                    }
                    ctx.stats.childIncrements.increment();
                    ctx.events.publish((s, t) -> new Event.ChildCounterReported(s, t, connection.id, pid, value));
                } else if (line.equals("ready")) {
                    ready = true;
                    var watch = readyWatch;
                    if (watch != null) {
                        watch.cancel(false);
                    }
                    long micros = (System.nanoTime() - startedNanos) / 1000;
                    ctx.stats.processesReady.increment();
                    ctx.stats.spawnMicrosTotal.add(micros);
                    ctx.events.publish((s, t) -> new Event.ProcessReady(s, t, connection.id, pid, micros));
                } else if (!line.isBlank()) {
                    // not a report: the JVM's own warnings, say. Shown as the child's output, not counted as an error
                    String text = line;
                    ctx.events.publish((s, t) -> new Event.ObservedOutput(s, t, pid, "stderr", text));
                }
            }
        } catch (IOException e) {
            ctx.error(connection.id, worker, "unreadable report from child: " + e.getMessage());
        }
    }

    /** Waits for the child to end and collects its exit code: the JVM's {@code waitpid}. */
    private int reap() {
        int exit;
        while (true) {
            try {
                exit = process.waitFor();
                break;
            } catch (InterruptedException e) {
                process.destroy(); // asked to stop while waiting: end the child, then keep waiting
                stopping = true;
            }
        }
        int code = exit;
        ctx.stats.processesReaped.increment();
        ctx.stats.processesAlive.decrementAndGet();
        ctx.events.publish((s, t) -> new Event.ProcessReaped(s, t, connection.id, pid, code));
        return exit;
    }

    /** Server shutdown: ends the child (SIGTERM, then SIGKILL if it lingers). */
    void stop() {
        stopping = true;
        process.destroy();
        connection.close(worker, "server stopping");
    }

    /** Waits for the relay threads, which end once the child has been reaped. */
    boolean await(long deadlineNanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedJoin(fromChild, Math.max(1, deadlineNanos - System.nanoTime()));
        if (process.isAlive()) { // ignored SIGTERM for too long
            process.destroyForcibly();
            fromChild.join(TimeUnit.SECONDS.toMillis(5));
        }
        return !fromChild.isAlive() && !toChild.isAlive() && !reports.isAlive();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the pipe's other end has gone: nothing to flush to
        }
    }
}
