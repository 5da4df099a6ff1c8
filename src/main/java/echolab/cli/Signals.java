package echolab.cli;

import sun.misc.Signal;

/**
 * Turns SIGINT and SIGTERM into a clean shutdown that exits 0. A JVM shutdown hook would also run
 * on these signals, but the process would then exit 130 or 143, and it could not wait for the
 * server to stop before the JVM starts tearing itself down.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> action.run());
            } catch (IllegalArgumentException e) {
                // this platform has no such signal (TERM on some Windows JVMs): the default applies
            }
        }
    }
}
