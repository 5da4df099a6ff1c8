package echolab.engine;

/**
 * When each line relayed to a child arrived, kept until its echo comes back, without allocating
 * per line (a queue of boxed longs made a node and a {@code Long} for every line: a client that
 * pipelines short lines grew the heap by ~100 MB before a collection). One thread offers, one
 * polls; a fixed ring of primitive longs. When it is full (a child far behind) a time is not kept
 * and that echo is timed from when it went out, which is the safe side of a latency figure.
 */
final class ArrivalTimes {

    private final long[] slots;
    private final int mask;
    // written by the polling thread only
    private volatile long head;
    // written by the offering thread only; its write publishes the slot written before it
    private volatile long tail;

    /** @param capacity a power of two */
    ArrivalTimes(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** Keeps {@code nanos}; false (and not kept) when the ring is full. Offering thread only. */
    boolean offer(long nanos) {
        long t = tail;
        if (t - head == slots.length) {
            return false;
        }
        slots[(int) (t & mask)] = nanos;
        tail = t + 1;
        return true;
    }

    /** The oldest time kept, or {@code otherwise} when none is. Polling thread only. */
    long poll(long otherwise) {
        long h = head;
        if (h == tail) {
            return otherwise;
        }
        long v = slots[(int) (h & mask)];
        head = h + 1;
        return v;
    }
}
