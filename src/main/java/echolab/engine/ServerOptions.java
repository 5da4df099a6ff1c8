package echolab.engine;

import echolab.base.Limits;
import echolab.sync.Protection;

/**
 * How a server starts: address, first mode, live settings' initial values and fixed limits.
 *
 * @param host            address to listen on; {@code 127.0.0.1} unless asked otherwise
 * @param port            port to listen on; 0 for any free one, and a free one when this is taken
 * @param mode            the model that serves the first connections
 * @param poolSize        workers of the {@code pool} model
 * @param delayMillis     service delay before each echo ("wait" in wait-and-echo)
 * @param protection      how the shared counter is protected
 * @param raceWindowMicros time between the counter's read and write
 * @param maxLineBytes    longest line accepted, without its newline
 * @param maxConnections  connections served at once; more are turned away with a message
 * @param maxPerHost      connections one other machine may have open at once; more from it are turned
 *                        away with a message. Loopback clients (127.0.0.0/8, {@code ::1}: the lab's own
 *                        simulated clients, the teacher's terminal) are never counted
 * @param maxProcesses    child processes alive at once in {@code processes} mode
 * @param blockingLoop    whether the {@code events} model waits the delay inside its loop
 */
public record ServerOptions(String host, int port, Mode mode, int poolSize, long delayMillis,
                            Protection protection, long raceWindowMicros, int maxLineBytes,
                            int maxConnections, int maxPerHost, int maxProcesses, boolean blockingLoop) {

    public static final String LOOPBACK = "127.0.0.1";
    /**
     * 7707: not 7000, which current macOS gives to its AirPlay receiver (a classroom handout saying
     * "nc HOST 7000" breaks there), nor 5000 (AirPlay too), 7680 (Windows' delivery optimisation) or
     * anything in the operating systems' ranges for ephemeral ports (32768 and up).
     */
    public static final int DEFAULT_PORT = 7707;
    /**
     * 8: room for a student's few terminals and a small burst of their own, while one student's
     * {@code client --burst 500} takes at most 8 of the class's connections.
     */
    public static final int DEFAULT_MAX_PER_HOST = 8;

    public ServerOptions {
        Limits.PORT.check(port);
        Limits.POOL_SIZE.check(poolSize);
        Limits.MAX_LINE_BYTES.check(maxLineBytes);
        Limits.MAX_CONNECTIONS.check(maxConnections);
        Limits.MAX_PER_HOST.check(maxPerHost);
        Limits.MAX_PROCESSES.check(maxProcesses);
        Limits.DELAY_MILLIS.check(delayMillis);
        Limits.RACE_WINDOW_MICROS.check(raceWindowMicros);
    }

    /**
     * The defaults of {@code serve}: loopback port {@value #DEFAULT_PORT}, thread pool of 4, no delay, no
     * protection, {@value #DEFAULT_MAX_PER_HOST} connections per other machine.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(LOOPBACK, DEFAULT_PORT, Mode.POOL, 4, 0, Protection.NONE, 50,
                64 * 1024, 256, DEFAULT_MAX_PER_HOST, 32, false);
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Options changed one at a time, for the command line and for tests. */
    public static final class Builder {
        private String host;
        private int port;
        private Mode mode;
        private int poolSize;
        private long delayMillis;
        private Protection protection;
        private long raceWindowMicros;
        private int maxLineBytes;
        private int maxConnections;
        private int maxPerHost;
        private int maxProcesses;
        private boolean blockingLoop;

        private Builder(ServerOptions o) {
            host = o.host;
            port = o.port;
            mode = o.mode;
            poolSize = o.poolSize;
            delayMillis = o.delayMillis;
            protection = o.protection;
            raceWindowMicros = o.raceWindowMicros;
            maxLineBytes = o.maxLineBytes;
            maxConnections = o.maxConnections;
            maxPerHost = o.maxPerHost;
            maxProcesses = o.maxProcesses;
            blockingLoop = o.blockingLoop;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        public Builder poolSize(int v) { poolSize = v; return this; }
        public Builder delayMillis(long v) { delayMillis = v; return this; }
        public Builder protection(Protection v) { protection = v; return this; }
        public Builder raceWindowMicros(long v) { raceWindowMicros = v; return this; }
        public Builder maxLineBytes(int v) { maxLineBytes = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxPerHost(int v) { maxPerHost = v; return this; }
        public Builder maxProcesses(int v) { maxProcesses = v; return this; }
        public Builder blockingLoop(boolean v) { blockingLoop = v; return this; }

        public ServerOptions build() {
            return new ServerOptions(host, port, mode, poolSize, delayMillis, protection, raceWindowMicros,
                    maxLineBytes, maxConnections, maxPerHost, maxProcesses, blockingLoop);
        }
    }
}
