package echolab.base;

import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Puts the lab's own work behind the window for the CPU. A hundred clients ping-ponging as fast as
 * they can keep every core busy, and at equal priority the window's two threads (the FX thread and
 * the renderer) wait their turn behind a dozen runnable server and client threads: frames come late
 * and the animation stutters. The window needs a fraction of a core, but promptly; the server and
 * its clients take all the rest either way. So when the window is open, every thread that does the
 * lab's work (the acceptor, the pool's workers, the event loop, the relays of a process per client
 * and the simulated clients) lowers its own priority as it starts; a thread per client is started
 * by the lowered acceptor and inherits it.
 *
 * <p>On Linux a thread's nice value is its own (not the process's), and the threads and processes
 * it starts inherit it: a process per client's children are lowered with the acceptor that starts
 * them. Java's own thread priority, which Windows honours, is lowered as well. Elsewhere this does
 * what the platform allows and no more. Virtual threads run on the JDK's carrier threads and are
 * left as they are.
 *
 * <p>Without a window ({@code serve}, {@code bench}, the tests) nothing is lowered: those measure
 * the server, not the window. A lowered thread cannot be raised again without privileges, so only
 * threads that end with their job are lowered.
 *
 * <p>Threading: any thread.
 */
public final class Background {

    /**
     * The nice value of a lowered thread, the lowest there is: a seventieth of the CPU weight of a
     * normal thread, so the window's threads run first whenever they are ready, and the lab's
     * threads still take every cycle the window leaves (a lab alone on the machine is not slowed).
     */
    public static final int NICE = 19;

    private static final int PRIO_PROCESS = 0;
    private static final int SELF = 0; // on Linux: the calling thread

    private static final AtomicInteger WINDOWS = new AtomicInteger();

    /** The C library's {@code setpriority}. */
    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** Loaded once, when the first thread is lowered; null where there is no C library to call. */
    private static final class Native0 {
        static final LibC LIBC = load();

        private static LibC load() {
            if (!com.sun.jna.Platform.isLinux()) {
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null; // the lab runs at the window's priority
            }
        }
    }

    private Background() {
    }

    /** From now on, until it closes, the lab's threads put themselves behind the window. */
    public static void windowOpened() {
        WINDOWS.incrementAndGet();
    }

    /** The window has closed: threads started from now on keep their priority (when no other is open). */
    public static void windowClosed() {
        WINDOWS.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** Whether the lab's threads put themselves behind a window. */
    public static boolean behindWindow() {
        return WINDOWS.get() > 0;
    }

    /**
     * Called first thing by every thread that does the lab's work: lowers the calling thread when
     * the window is open, and does nothing otherwise.
     */
    public static void enter() {
        if (behindWindow()) {
            lowerThisThread();
        }
    }

    /** Lowers the calling thread's priority; true when its nice value is now {@value #NICE}. */
    public static boolean lowerThisThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        LibC libc = Native0.LIBC;
        return libc != null && libc.setpriority(PRIO_PROCESS, SELF, NICE) == 0;
    }
}
