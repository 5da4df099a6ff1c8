package echolab.lessons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import echolab.engine.Mode;
import echolab.lab.Lab;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;

/**
 * What a set-up step sets on the real server. A field left out (null) takes the lab's baseline,
 * so that every lesson starts from the same server whatever ran before it.
 */
public record Settings(Mode mode, Protection protection, Long delayMillis, Long raceWindowMicros, Integer poolSize,
                       Boolean blockingLoop, Scenario scenario, Boolean safe, DeadlockFix fix, Boolean fair,
                       Integer permits, Long holdMillis, Long handoffWindowMicros) {

    /** The settings a file may name, in the order docs/lessons.md lists them. */
    public static final List<String> NAMES = List.of("mode", "protection", "delayMillis", "raceWindowMicros",
            "poolSize", "blockingLoop", "scenario", "safe", "fix", "fair", "permits", "holdMillis",
            "handoffWindowMicros");

    /** The numeric settings a run may widen when this machine does not show the effect. */
    public static final List<String> WIDENABLE = List.of("delayMillis", "raceWindowMicros", "holdMillis",
            "handoffWindowMicros");

    /** Where every set-up starts: the server as {@code serve} starts it, no scenario. */
    public static final Settings BASELINE = new Settings(Mode.POOL, Protection.NONE, 0L, 50L, 4, false,
            Scenario.NONE, false, DeadlockFix.NONE, false, 2, 20L, 2_000L);

    /** These settings with the baseline's in place of what they leave out. */
    public Settings overBaseline() {
        Settings b = BASELINE;
        return new Settings(or(mode, b.mode), or(protection, b.protection), or(delayMillis, b.delayMillis),
                or(raceWindowMicros, b.raceWindowMicros), or(poolSize, b.poolSize), or(blockingLoop, b.blockingLoop),
                or(scenario, b.scenario), or(safe, b.safe), or(fix, b.fix), or(fair, b.fair), or(permits, b.permits),
                or(holdMillis, b.holdMillis), or(handoffWindowMicros, b.handoffWindowMicros));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /**
     * Sets every field (over the baseline) on {@code lab}. The safe switch comes before the fix and
     * the fairness, which it would otherwise overwrite.
     *
     * @throws IllegalArgumentException when the mode cannot run on this JVM
     */
    void applyTo(Lab lab) throws IOException {
        Settings s = overBaseline();
        lab.setScenario(s.scenario);
        lab.setSafe(s.safe);
        lab.setDeadlockFix(s.fix);
        lab.setFairLock(s.fair);
        lab.setPermits(s.permits);
        lab.setHoldMillis(s.holdMillis);
        lab.setHandoffWindowMicros(s.handoffWindowMicros);
        lab.setProtection(s.protection);
        lab.setDelayMillis(s.delayMillis);
        lab.setRaceWindowMicros(s.raceWindowMicros);
        lab.setPoolSize(s.poolSize);
        lab.setBlockingLoop(s.blockingLoop);
        if (lab.mode() != s.mode) {
            lab.switchMode(s.mode);
        }
    }

    /** What a set-up says it set: the fields the lesson named, in words. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (mode != null) {
            parts.add("mode: " + mode.title());
        }
        if (protection != null) {
            parts.add("protection: " + protection.title().toLowerCase());
        }
        if (delayMillis != null) {
            parts.add("delay " + delayMillis + " ms");
        }
        if (raceWindowMicros != null) {
            parts.add("race window " + raceWindowMicros + " µs");
        }
        if (poolSize != null) {
            parts.add(poolSize + (poolSize == 1 ? " worker" : " workers") + " in the pool");
        }
        if (blockingLoop != null) {
            parts.add(blockingLoop ? "the loop waits the delay itself" : "the loop does not wait");
        }
        if (scenario != null) {
            parts.add("scenario: " + scenario.title().toLowerCase());
        }
        if (safe != null) {
            parts.add(safe ? "with its fix" : "without its fix");
        }
        if (fix != null) {
            parts.add("deadlock fix: " + fix.title());
        }
        if (fair != null) {
            parts.add(fair ? "a fair lock" : "an unfair lock");
        }
        if (permits != null) {
            parts.add(permits + (permits == 1 ? " permit" : " permits"));
        }
        if (holdMillis != null) {
            parts.add("each resource held " + holdMillis + " ms");
        }
        if (handoffWindowMicros != null) {
            parts.add("hand-off window " + handoffWindowMicros + " µs");
        }
        return parts.isEmpty() ? "the server as it starts" : String.join(" · ", parts);
    }

    /** The current value of a widenable setting on {@code lab}. */
    static long current(Lab lab, String setting) {
        return switch (setting) {
            case "delayMillis" -> lab.delayMillis();
            case "raceWindowMicros" -> lab.raceWindowMicros();
            case "holdMillis" -> lab.holdMillis();
            case "handoffWindowMicros" -> lab.handoffWindowMicros();
            default -> throw new IllegalArgumentException("not a widenable setting: " + setting);
        };
    }

    /** The range a widenable setting must stay in. */
    static echolab.base.Limits.Range range(String setting) {
        return switch (setting) {
            case "delayMillis" -> echolab.base.Limits.DELAY_MILLIS;
            case "raceWindowMicros" -> echolab.base.Limits.RACE_WINDOW_MICROS;
            case "holdMillis" -> echolab.base.Limits.HOLD_MILLIS;
            case "handoffWindowMicros" -> echolab.base.Limits.HANDOFF_WINDOW_MICROS;
            default -> throw new IllegalArgumentException("not a widenable setting: " + setting);
        };
    }

    /** Sets a widenable setting on {@code lab}. */
    static void set(Lab lab, String setting, long value) {
        switch (setting) {
            case "delayMillis" -> lab.setDelayMillis(value);
            case "raceWindowMicros" -> lab.setRaceWindowMicros(value);
            case "holdMillis" -> lab.setHoldMillis(value);
            case "handoffWindowMicros" -> lab.setHandoffWindowMicros(value);
            default -> throw new IllegalArgumentException("not a widenable setting: " + setting);
        }
    }
}
