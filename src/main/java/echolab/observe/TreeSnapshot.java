package echolab.observe;

import java.util.List;
import java.util.Optional;

/**
 * An observed server's whole process tree at one moment: the root (the program that was started or
 * attached to) and every descendant, parents before their children.
 *
 * @param nanos     {@link System#nanoTime()} when the reading began
 * @param rootPid   the program's PID
 * @param processes the root first, then its descendants; empty once the root is gone
 */
public record TreeSnapshot(long nanos, long rootPid, List<ProcessSnapshot> processes) {

    public TreeSnapshot {
        processes = List.copyOf(processes);
    }

    public Optional<ProcessSnapshot> process(long pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst();
    }

    public Optional<ProcessSnapshot> root() {
        return process(rootPid);
    }
}
