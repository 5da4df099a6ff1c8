package echolab.observe;

/**
 * Reads an observed server's process tree from the operating system.
 *
 * <p>Threading: one reader is used by one thread at a time (the sampler's); it may keep buffers.
 */
public interface TreeReader extends AutoCloseable {

    /** The tree under {@code rootPid} now; no processes at all once the root has gone. */
    TreeSnapshot read(long rootPid);

    /** What this reader can tell, for the README's table and the window's "not available" notes. */
    Capabilities capabilities();

    @Override
    default void close() {}

    /** Which figures this system gives. */
    record Capabilities(boolean threadNames, boolean threadWaits, boolean descriptors, boolean sockets,
                        boolean zombies) {}

    /** The best reader for this system: {@code /proc} on Linux, OSHI elsewhere. */
    static TreeReader forThisSystem() {
        return ProcTreeReader.available() ? new ProcTreeReader() : new OshiTreeReader();
    }
}
