package echolab.engine.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import echolab.events.EventBus;
import echolab.sync.Protection;
import echolab.sync.SharedCounter;

/**
 * The program each child process runs in {@code processes} mode: echo the lines that arrive on
 * stdin to stdout, byte for byte, each after the service delay and one increment of this
 * process's own counter. The parent relays the client's socket to these pipes.
 *
 * <p>On stderr it talks to the parent, one line at a time: {@code ready PID} once it can echo,
 * then {@code counter N} after each increment. It exits 0 at the end of stdin, which also happens
 * if the parent dies, so a child never outlives its server for long.
 */
public final class ChildEcho {

    /** Exit code for a line over the limit (the parent normally stops such a line first). */
    public static final int EXIT_LINE_TOO_LONG = 3;

    private ChildEcho() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long delayMs = 0;
        long raceWindowUs = 0;
        int maxLine = 64 * 1024;
        Protection protection = Protection.NONE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--delay-ms" -> delayMs = Long.parseLong(args[i + 1]);
                case "--race-window-us" -> raceWindowUs = Long.parseLong(args[i + 1]);
                case "--max-line" -> maxLine = Integer.parseInt(args[i + 1]);
                case "--protection" -> protection = Protection.parse(args[i + 1]);
                default -> { } // --client is there for ps(1) readers, not for us
            }
        }
        String self = "pid " + ProcessHandle.current().pid();
        SharedCounter counter = new SharedCounter(new EventBus(false), protection, raceWindowUs);
        PrintStream parent = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 64 * 1024);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        parent.println("ready " + ProcessHandle.current().pid());

        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b != '\n') {
                if (line.size() > maxLine) {
                    System.exit(EXIT_LINE_TOO_LONG);
                }
                continue;
            }
            if (delayMs > 0) {
                TimeUnit.MILLISECONDS.sleep(delayMs);
            }
            long value = counter.increment(0, self);
            parent.println("counter " + value);
            line.writeTo(out);
            out.flush();
            line.reset();
        }
        System.exit(0);
    }
}
