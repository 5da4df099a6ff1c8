package echolab.ui;

import java.lang.management.ManagementFactory;

import javafx.animation.AnimationTimer;

/**
 * The start-up benchmark's probe ({@code bench/startup.sh}). With {@code -Decholab.startupProbe=true}
 * the window, once its first frame is painted, prints one line, {@code painted after N ms (JVM
 * start) at E (epoch ms)}, and closes; without it, nothing happens. The script counts from its own
 * launch of {@code java} to {@code E}; {@code N} counts from the JVM's own start.
 *
 * <p>JavaFX has no hook for "this frame is on screen". A pulse lays the scene out and hands the
 * frame to the render thread, and the next pulse does not begin before that frame has been
 * rendered. So the second pulse after {@code show()} is the first moment the first frame is known
 * to be painted: the figure is an upper bound, by at most one frame.
 *
 * <p>With {@code -Decholab.startupProbe=phases} the line is followed by the moments {@link #mark}
 * recorded, each since the JVM's start, to see what start-up spends. Threading: FX thread.
 */
public final class StartupProbe {

    /** The system property that turns the probe on: {@code true}, or {@code phases}. */
    public static final String PROPERTY = "echolab.startupProbe";

    private static final StringBuilder PHASES = new StringBuilder();

    private StartupProbe() {
    }

    /** Whether this start is being measured. */
    public static boolean on() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.equals("false");
    }

    /** Records that start-up reached {@code what} now (kept only with {@code phases}). */
    public static void mark(String what) {
        if ("phases".equals(System.getProperty(PROPERTY))) {
            PHASES.append("  ").append(sinceJvmStart()).append(" ms  ").append(what).append('\n');
        }
    }

    /**
     * Call right after the stage is shown: when measuring, prints the line once the first frame is
     * painted, then runs {@code close} (which must end the application).
     */
    public static void afterShow(Runnable close) {
        if (!on()) {
            return;
        }
        mark("the application started (EchoLabApp.start returned)");
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return; // the first pulse renders the first frame; the second begins after it
                }
                stop();
                long epoch = System.currentTimeMillis();
                System.out.println("painted after " + sinceJvmStart() + " ms (JVM start) at " + epoch + " (epoch ms)");
                System.out.print(PHASES);
                System.out.flush();
                close.run();
            }
        }.start();
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
