package echolab.ui.compare;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Puts the calling thread behind the window for the CPU: a comparison loads every core (its load
 * client, the servers, twenty child JVMs starting at once), and at equal priority the FX thread
 * waits its turn behind them and frames are late. The window needs a fifth of a core; a bench gets
 * all the rest either way, so the window goes first.
 *
 * <p>On Linux a thread's nice value is its own (not the process's), and the threads and processes
 * it starts inherit it: raising the bench thread's to {@value #NICE} lowers the servers, their
 * workers and the child processes of that comparison too, and nothing else. Java's own thread
 * priority, which Windows honours and new threads inherit, is lowered as well. Elsewhere this does
 * what the platform allows and no more.
 *
 * <p>Threading: call on the thread to lower; it cannot be raised again without privileges, so
 * call it only on a thread that ends with its job.
 */
final class BackgroundPriority {

    static final int NICE = 10;

    private static final int PRIO_PROCESS = 0;
    private static final int SELF = 0; // on Linux: the calling thread

    /** The C library's {@code setpriority}. */
    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; true when its nice value is now {@value #NICE}. */
    static boolean lower() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!com.sun.jna.Platform.isLinux()) {
            return false;
        }
        try {
            return Native.load("c", LibC.class).setpriority(PRIO_PROCESS, SELF, NICE) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // no C library to call: the bench runs at the window's priority
        }
    }
}
