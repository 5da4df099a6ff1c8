package echolab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import echolab.testing.EchoLabJvm;

/**
 * {@code echolab serve} as a real process of the test's {@code java} and class path, with its
 * stdout read line by line on a thread of its own.
 */
final class ServeProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final StringBuilder stderr = new StringBuilder();
    /** Stderr's "listening on ..." lines: serve says where it listens there, its stdout is JSON lines only. */
    private final BlockingQueue<String> listening = new LinkedBlockingQueue<>();
    private final Thread errReader;

    ServeProcess(String... args) throws IOException {
        this(EchoLabJvm.command(args));
    }

    /** {@code launcher} (a command that runs echolab.Main, such as the packaged app's) with {@code args}. */
    static ServeProcess of(Path launcher, String... args) throws IOException {
        return new ServeProcess(withArgs(List.of(launcher.toString()), args));
    }

    private static List<String> withArgs(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private ServeProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "echolab-test-serve-stdout");
        reader.start();
        errReader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.startsWith("listening on ")) {
                        listening.add(line);
                        continue; // told by listeningLine(); stderr() is what went wrong
                    }
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "echolab-test-serve-stderr");
        errReader.start();
    }

    /** The next stdout line, waiting up to 20 s. */
    String nextLine() throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no line from serve within 20 s; stderr: " + stderr());
        }
        return line;
    }

    /** The "listening on HOST:PORT mode=MODE" line serve printed on stderr, waiting up to 20 s. */
    String listeningLine() throws InterruptedException {
        String line = listening.poll(20, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("serve did not say where it listens within 20 s; stderr: " + stderr());
        }
        return line;
    }

    /** Stdout lines until one contains {@code text}; returns that one. */
    String lineContaining(String text) throws InterruptedException {
        while (true) {
            String line = nextLine();
            if (line.contains(text)) {
                return line;
            }
        }
    }

    void command(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** SIGTERM, as {@code kill PID} sends. ({@code Process.destroy} would also close our end of its pipes.) */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGINT, as Ctrl-C in its terminal sends. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** SIGKILL: the JVM ends at once, no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
    }

    long pid() {
        return process.pid();
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("serve did not exit");
        }
        reader.join(5_000);
        errReader.join(5_000);
        return process.exitValue();
    }

    /** Stdout lines printed after the last one taken. */
    List<String> remainingLines() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    /** Stderr but the "listening on" line ({@link #listeningLine}). */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        errReader.join(5_000);
    }
}
