package echolab.base;

import java.util.concurrent.ThreadFactory;

/**
 * The one place EchoLab's platform threads are made. Every thread is named {@code echolab-<role>...}, so a
 * thread dump, {@code /proc/PID/task/TID/comm}, the timeline's lanes and the tests' leftover check
 * ({@code NoLeftovers}) can tell the lab's threads from the JDK's and the build tool's, and a name a
 * lesson or a test reads ({@code echolab-main}, {@code echolab-pool-worker-1}) is given in one way.
 *
 * <p>A daemon thread does not keep the JVM alive: the lab's servers, clients and samplers are all
 * stopped by their owners, and a window closed without stopping them must still let the JVM exit. Only
 * a thread that must finish its job on the way out (a shutdown hook, a stop that reaps a child) is a
 * {@linkplain #user user} thread. An exception that escapes a thread goes to the default handler
 * (the window's error reporter, or the JVM's printout), as for any thread.
 *
 * <p>Virtual threads are not made here: they exist only on Java 21+ and are found at run time
 * ({@code echolab.engine.VirtualThreads}).
 *
 * <p>Threading: any thread.
 */
public final class LabThreads {

    /** What every name starts with. */
    public static final String PREFIX = "echolab-";

    private LabThreads() {
    }

    /** A daemon thread named {@code name} that runs {@code work}, not started. */
    public static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, checked(name));
        t.setDaemon(true);
        return t;
    }

    /** A daemon thread named {@code name} that runs {@code work}, already started. */
    public static Thread startDaemon(String name, Runnable work) {
        Thread t = daemon(name, work);
        t.start();
        return t;
    }

    /**
     * A thread named {@code name} that keeps the JVM alive until {@code work} ends, not started: for a
     * shutdown hook, or a job that must be done before the JVM may exit.
     */
    public static Thread user(String name, Runnable work) {
        Thread t = new Thread(work, checked(name));
        t.setDaemon(false);
        return t;
    }

    /**
     * A factory of daemon threads all named {@code name}, for an executor of one thread (a timer, a
     * watchdog): its thread may end when idle and be made again, under the same name.
     */
    public static ThreadFactory daemons(String name) {
        checked(name);
        return work -> daemon(name, work);
    }

    private static String checked(String name) {
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a lab thread's name starts with " + PREFIX + ": " + name);
        }
        return name;
    }
}
