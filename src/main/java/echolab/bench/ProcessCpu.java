package echolab.bench;

import java.lang.management.ManagementFactory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The CPU time this JVM has used, all its threads together, to the nanosecond where the system
 * allows it. The JVM's own figure ({@code OperatingSystemMXBean.getProcessCpuTime}) comes from
 * {@code times(2)} on Linux and moves in steps of 10 ms, coarser than a short run's whole cost; so
 * on Linux it is read from the process CPU clock, {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)},
 * through JNA (which OSHI brings). Elsewhere, or if that call fails, the JVM's figure.
 */
final class ProcessCpu {

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

    private interface LibC extends Library {
        int clock_gettime(int clockId, long[] timespec);
    }

    private static final LibC LIBC = load();

    private ProcessCpu() {
    }

    private static LibC load() {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return null;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            return libc.clock_gettime(CLOCK_PROCESS_CPUTIME_ID, new long[2]) == 0 ? libc : null;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** CPU nanoseconds used so far by every thread of this JVM, the ended ones too. */
    static long nanos() {
        if (LIBC != null) {
            long[] ts = new long[2]; // struct timespec on 64-bit Linux: seconds, nanoseconds
            if (LIBC.clock_gettime(CLOCK_PROCESS_CPUTIME_ID, ts) == 0) {
                return ts[0] * 1_000_000_000L + ts[1];
            }
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Whether {@link #nanos} reads the precise clock. */
    static boolean precise() {
        return LIBC != null;
    }
}
