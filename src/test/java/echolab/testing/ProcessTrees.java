package echolab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Processes as {@code /proc} tells them, for tests that end EchoLab and then look for what it left:
 * a process's arguments, its descendants, and whether it is gone (a zombie counts as gone: it runs
 * nothing and holds nothing; reaping it is its parent's business, or init's).
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /** Its command line as {@code /proc/PID/cmdline} has it; empty when it is gone. */
    public static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            String all = new String(raw, StandardCharsets.UTF_8);
            return all.isEmpty() ? List.of() : List.of(all.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every living descendant of {@code pid}, children and theirs. */
    public static Set<Long> descendants(long pid) {
        Set<Long> all = new TreeSet<>();
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().filter(d -> !gone(d.pid())).forEach(d -> all.add(d.pid())));
        return all;
    }

    /** Descendants of {@code pid} whose arguments match. */
    public static Set<Long> descendants(long pid, Predicate<List<String>> arguments) {
        Set<Long> found = new TreeSet<>();
        for (long d : descendants(pid)) {
            if (arguments.test(arguments(d))) {
                found.add(d);
            }
        }
        return found;
    }

    /** Not in the process table, or a zombie. */
    public static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Waits up to {@code millis} until every one of {@code pids} is gone; returns those still running. */
    public static Set<Long> awaitGone(Set<Long> pids, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Set<Long> left = new TreeSet<>();
            for (long p : pids) {
                if (!gone(p)) {
                    left.add(p);
                }
            }
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(20);
        }
    }

    /** Waits up to {@code millis} for {@code condition}; false if it never held. */
    public static boolean await(long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
