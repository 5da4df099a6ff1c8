package echolab.ui.trace;

/**
 * What a trace holds, told in order to a format that writes it: tracks are declared before any
 * event uses them, times are nanoseconds from the run's first event, never going back on one
 * track, and BEGIN/END are balanced per track by {@link #finish} (flow id 0 means none).
 */
interface TraceSink {

    void process(long uuid, int pid, String name);

    void thread(long uuid, int pid, long tid, String name);

    /** A counter track under the process {@code parent}. */
    void counter(long uuid, long parent, String name);

    /** Opens a slice; it starts flow {@code flowOut} and ends flow {@code flowIn}. */
    void begin(long ts, long track, String name, long flowOut, long flowIn);

    void end(long ts, long track);

    /** A mark; it starts flow {@code flowOut} and ends flow {@code flowIn}. */
    void instant(long ts, long track, String name, long flowOut, long flowIn);

    void count(long ts, long track, long value);

    /** Everything was told: the format writes what it kept. */
    void finish() throws java.io.IOException;
}
