package echolab.clients;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Makes the lines a simulated client sends: a readable head naming client and line, then bytes of
 * every value but {@code \n} (zero bytes, invalid UTF-8, a {@code \r} before the newline now and
 * then), so every echo also checks that the server is byte-exact.
 */
public final class LineMaker {

    private final String client;
    private final SplittableRandom random;

    public LineMaker(String client, long seed) {
        this.client = client;
        this.random = new SplittableRandom(seed);
    }

    /** Line {@code number}, about {@code length} bytes long, ending in {@code \n}. */
    public byte[] line(int number, int length) {
        byte[] head = (client + " #" + number + " ").getBytes(StandardCharsets.US_ASCII);
        int size = Math.max(head.length + 1, length);
        byte[] line = new byte[size];
        System.arraycopy(head, 0, line, 0, head.length);
        for (int i = head.length; i < size - 1; i++) {
            byte b = (byte) random.nextInt(256);
            line[i] = b == '\n' ? (byte) 0xFF : b;
        }
        if (size - 1 > head.length && random.nextInt(4) == 0) {
            line[size - 2] = '\r';
        }
        line[size - 1] = '\n';
        return line;
    }

    /** A body of printable ASCII, about {@code length} bytes, without terminator: for servers that want text. */
    public byte[] text(int number, int length) {
        byte[] head = (client + " #" + number + " ").getBytes(StandardCharsets.US_ASCII);
        int size = Math.max(head.length, length);
        byte[] body = new byte[size];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = head.length; i < size; i++) {
            body[i] = (byte) ('!' + random.nextInt('~' - '!' + 1));
        }
        return body;
    }
}
