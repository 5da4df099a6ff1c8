package echolab.ui.fold;

import java.util.concurrent.TimeUnit;

/**
 * The window's frame budget: which panel redraws in this frame, and whether the window keeps up
 * with the screen.
 *
 * <p>Turns: the panels that redraw text and layout ({@link Cadence}) take turns, one a frame
 * ({@link #takeTurn}); a panel whose time has come in a frame another has taken redraws in the next
 * one, a sixtieth of a second later, so that no frame carries two panels' redraws and comes late
 * for it.
 *
 * <p>Strain, folded from the intervals between frames: when frames come late (a slow machine
 * rendering in software, its cores shared with a server at full load), those panels redraw half as
 * often ({@link #slowdown}), so that what moves (the dots, the pulse) stays smooth: a frame is late
 * because it had too much to draw, and text redrawn five times a second instead of ten reads the
 * same.
 *
 * <p>Strained when {@value #STRAINED_AT} of the last {@value #WINDOW} frames were late (an interval
 * of {@value #LATE_MILLIS} ms or more: a pulse missed). It tries the full rates again once a whole
 * window of frames has been on time and it has held at least {@link #FIRST_HOLD_NANOS 5 s}; when
 * that strains it again at once (within {@link #RETRY_NANOS 10 s}) it holds twice as long the next
 * time, up to {@link #MAX_HOLD_NANOS 80 s}, so a machine that cannot keep up is not asked over and
 * over. A machine that keeps up is never strained.
 *
 * <p>No JavaFX: the pump feeds it frame times. Threading: one thread (the FX thread).
 */
public final class FrameBudget {

    static final int LATE_MILLIS = 25;
    static final int WINDOW = 60;
    static final int STRAINED_AT = 3;
    static final long FIRST_HOLD_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(80);
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);

    private final boolean[] late = new boolean[WINDOW];
    private int next;
    private int lateCount;
    private long lastFrame = Long.MIN_VALUE;
    private boolean strained;
    private long strainedAt;
    private long relaxedAt = Long.MIN_VALUE;
    private long hold = FIRST_HOLD_NANOS;
    private long strainedNanos;
    private int strains;
    private long frame;
    private long turnTaken = -1;

    /** A new frame begins, at {@code now} (monotonic nanos). */
    public void frame(long now) {
        frame++;
        if (lastFrame != Long.MIN_VALUE) {
            long interval = now - lastFrame;
            if (strained) {
                strainedNanos += interval;
            }
            record(interval >= LATE_NANOS);
            if (!strained && lateCount >= STRAINED_AT) {
                strain(now);
            } else if (strained && lateCount == 0 && now - strainedAt >= hold) {
                strained = false;
                relaxedAt = now;
            }
        }
        lastFrame = now;
    }

    private void strain(long now) {
        boolean again = relaxedAt != Long.MIN_VALUE && now - relaxedAt < RETRY_NANOS;
        hold = again ? Math.min(MAX_HOLD_NANOS, hold * 2) : FIRST_HOLD_NANOS;
        strained = true;
        strainedAt = now;
        strains++;
    }

    private void record(boolean isLate) {
        if (late[next]) {
            lateCount--;
        }
        late[next] = isLate;
        if (isLate) {
            lateCount++;
        }
        next = (next + 1) % WINDOW;
    }

    /**
     * Whether a panel may redraw in this frame: the first to ask in a frame may, the others wait for
     * the next one, so two panels' redraws never land on the same frame and make it late together.
     */
    public boolean takeTurn() {
        if (turnTaken == frame) {
            return false;
        }
        turnTaken = frame;
        return true;
    }

    /** How many times slower the text panels redraw now: 1, or 2 while strained. */
    public double slowdown() {
        return strained ? 2 : 1;
    }

    public boolean strained() {
        return strained;
    }

    /** Nanos spent strained so far. */
    public long strainedNanos() {
        return strainedNanos;
    }

    /** How many times the window has become strained. */
    public int strains() {
        return strains;
    }
}
