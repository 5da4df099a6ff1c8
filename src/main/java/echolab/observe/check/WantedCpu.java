package echolab.observe.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How much CPU each thread of some processes wanted: the time it ran plus the time it waited, ready,
 * for a CPU, from {@code /proc/PID/task/TID/schedstat} (Linux's scheduler statistics). A thread that
 * polls in a loop wants the CPU all the time, however little it gets on a busy machine; a thread that
 * waits for work wants none. Where the files are missing (another system, a kernel without them) the
 * map is empty.
 *
 * <p>Threading: stateless; any thread.
 */
final class WantedCpu {

    private WantedCpu() {
    }

    /** Nanoseconds run plus nanoseconds waited for a CPU, by "PID/TID", for every thread of {@code pids} now. */
    static Map<String, Long> read(Collection<Long> pids) {
        Map<String, Long> wanted = new HashMap<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks) {
                    long nanos = parse(read(task.resolve("schedstat")));
                    if (nanos >= 0) {
                        wanted.put(pid + "/" + task.getFileName(), nanos);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // ended, or no such files here: that process is judged by its CPU alone
            }
        }
        return wanted;
    }

    /** A schedstat line ("run-ns wait-ns timeslices"): run plus wait, or -1 when it does not read so. */
    static long parse(String schedstat) {
        if (schedstat == null) {
            return -1;
        }
        String[] f = schedstat.trim().split("\\s+");
        if (f.length < 2) {
            return -1;
        }
        try {
            return Long.parseLong(f[0]) + Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
