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
import java.nio.charset.StandardCharsets;

/**
 * The program each child process runs in {@code processes} mode: echo the lines that arrive on
 * stdin to stdout, byte for byte, each after the service delay and one increment of this
 * process's own counter. The parent relays the client's socket to these pipes.
 *
 * <p>On stderr it talks to the parent, one line at a time: {@code ready} once it can echo, then
 * {@code counter N} after each increment. It exits 0 at the end of stdin, which also happens if
 * the parent dies, so a child never outlives its server for long.
 *
 * <p>Kept small on purpose: its start is part of every new client's wait. It loads no class it
 * can do without (no lambdas, no string concatenation, which both bootstrap {@code invokedynamic};
 * no {@code ProcessHandle}, which starts the JDK's process reaper), so it starts almost as fast as
 * an empty JVM. One thread, so its counter is a plain field: nothing else in this process touches it.
 */
public final class ChildEcho {

    /** Exit code for a line over the limit (the parent normally stops such a line first). */
    public static final int EXIT_LINE_TOO_LONG = 3;

    private static final byte[] READY = "ready\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COUNTER = "counter ".getBytes(StandardCharsets.US_ASCII);

    private ChildEcho() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long delayMs = 0;
        int maxLine = 64 * 1024;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--delay-ms")) {
                delayMs = Long.parseLong(args[i + 1]);
            } else if (args[i].equals("--max-line")) {
                maxLine = Integer.parseInt(args[i + 1]);
            }
            // --client and the others are there for ps(1) readers, not for us
        }
        OutputStream parent = new FileOutputStream(FileDescriptor.err);
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 64 * 1024);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        parent.write(READY);
        parent.flush();

        long counter = 0; // this process's own copy: the parent's never sees it
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] report = new byte[COUNTER.length + 21];
        System.arraycopy(COUNTER, 0, report, 0, COUNTER.length);
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
                Thread.sleep(delayMs);
            }
            counter++;
            parent.write(report, 0, digits(counter, report, COUNTER.length));
            parent.flush();
            line.writeTo(out);
            out.flush();
            line.reset();
        }
        System.exit(0);
    }

    /** Writes {@code value} and a newline into {@code into} from {@code at}; returns the end. */
    private static int digits(long value, byte[] into, int at) {
        String text = Long.toString(value);
        for (int i = 0; i < text.length(); i++) {
            into[at + i] = (byte) text.charAt(i);
        }
        into[at + text.length()] = '\n';
        return at + text.length() + 1;
    }
}
