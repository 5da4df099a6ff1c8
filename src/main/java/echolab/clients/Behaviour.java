package echolab.clients;

import java.util.List;

/** What a simulated client does once connected. */
public sealed interface Behaviour {

    /** Lines it will send in all. */
    int lines();

    /** A line, its echo, a pause to think, and again: the ordinary client. */
    record Steady(int lines, long thinkMillis, int lineBytes) implements Behaviour {}

    /** All lines written at once, then all echoes read back. */
    record Burst(int lines, int lineBytes) implements Behaviour {}

    /**
     * Connects, then sends nothing for {@code holdMillis}; then sends its lines one byte at a time,
     * {@code byteGapMillis} apart. On an iterative server it keeps everybody else waiting.
     */
    record Slow(long holdMillis, long byteGapMillis, int lines, int lineBytes) implements Behaviour {}

    /** Connects and sends nothing: holds a connection (and, on an iterative server, the server) until disconnected or {@code holdMillis} pass. */
    record Silent(long holdMillis) implements Behaviour {
        @Override
        public int lines() {
            return 0;
        }
    }

    /** Sends the given message bodies one at a time, each framed, each echo checked before the next. */
    record Scripted(List<byte[]> bodies) implements Behaviour {
        public Scripted {
            bodies = List.copyOf(bodies);
        }

        @Override
        public int lines() {
            return bodies.size();
        }
    }

    /**
     * The client that the window's "Add client" button adds: a line every tenth of a second for
     * about six seconds, slow enough to watch each line travel, busy enough that a handful of them
     * collide on the counter when it is unprotected.
     */
    static Behaviour steady() {
        return new Steady(60, 100, 32);
    }

    /** The client that the window's "Add slow client" button adds. */
    static Behaviour slow() {
        return new Slow(5_000, 20, 1, 16);
    }
}
