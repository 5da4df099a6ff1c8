package echolab.observe;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * {@code kill(2)} through JNA (which OSHI brings), for what {@link ProcessHandle} cannot do: signal
 * a whole process group at once, freeze a group that forks without end, ask whether a group still
 * has members. Available on Linux and macOS; elsewhere {@link #available()} is false.
 *
 * <p>Threading: any thread.
 */
final class PosixSignals {

    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    static final int SIGCONT = Platform.isMac() ? 19 : 18;
    static final int SIGSTOP = Platform.isMac() ? 17 : 19;

    private interface LibC extends Library {
        int kill(int pid, int signal);
    }

    private static final LibC LIBC = load();

    private PosixSignals() {
    }

    private static LibC load() {
        if (!Platform.isLinux() && !Platform.isMac()) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    static boolean available() {
        return LIBC != null;
    }

    /** Sends {@code signal} to every process of group {@code pgid}; true if at least one got it. */
    static boolean signalGroup(long pgid, int signal) {
        return LIBC != null && LIBC.kill((int) -pgid, signal) == 0;
    }

    /** Whether group {@code pgid} still has a process (a zombie counts until reaped). */
    static boolean groupExists(long pgid) {
        return signalGroup(pgid, 0);
    }
}
