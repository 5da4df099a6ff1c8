package echolab.observe;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an observed server's process tree from Linux's {@code /proc}: every process's state, memory,
 * CPU, descriptors and TCP sockets, and every thread's wait, read from its current system call.
 *
 * <p>It runs twenty times a second, so it reads each small file into one reused buffer, keeps the files
 * it reads every time open, and parses numbers by hand ({@link ProcText}); and a process none of whose
 * threads has run since it was last read in full is not read again, for up to a second. A process that
 * ends mid-read is simply left out. This class walks the tree; {@link ProcProcessReader} reads each
 * process, {@link ProcTcpTable} places its sockets.
 */
final class ProcTreeReader implements TreeReader {

    private final ProcText text = new ProcText();
    private final ProcProcessReader processes = new ProcProcessReader(text);
    private final ProcTcpTable tcp = new ProcTcpTable();
    /** For the slow walk's scan of every process's parent. */
    private final ProcStat stat = new ProcStat();

    /** Whether this is Linux with a readable {@code /proc/self/task}. */
    static boolean available() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        File tasks = new File("/proc/self/task");
        return tasks.isDirectory() && tasks.canRead();
    }

    @Override
    public TreeSnapshot read(long rootPid) {
        // an interrupt would close the kept files mid-reading and make processes seem gone: hold it until done
        boolean interrupted = Thread.interrupted();
        try {
            long nanos = System.nanoTime();
            List<ProcFound> found = walk(rootPid, nanos);
            tcp.prepare(rootPid, found, nanos, text);
            List<ProcessSnapshot> snapshots = new ArrayList<>(found.size());
            for (ProcFound f : found) {
                snapshots.add(f.snapshot(tcp));
            }
            return new TreeSnapshot(nanos, rootPid, snapshots);
        } finally {
            if (text.takeInterrupted() || interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the /proc files it keeps open between readings. */
    @Override
    public void close() {
        text.closeAll();
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, true);
    }

    /** The root and its descendants, breadth first so that parents come before their children. */
    private List<ProcFound> walk(long rootPid, long nanos) {
        List<ProcFound> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Map<Long, List<Long>> byParent = null;
        ArrayDeque<long[]> queue = new ArrayDeque<>();
        queue.add(new long[] {rootPid, -1});
        while (!queue.isEmpty()) {
            long[] next = queue.poll();
            long pid = next[0];
            if (!seen.add(pid)) {
                continue;
            }
            List<Long> children = new ArrayList<>();
            ProcFound f = processes.read(pid, nanos, children);
            // a PID whose parent is not the one that listed it was reused after the child ended: not ours
            if (f == null || (next[1] >= 0 && f.ppid != next[1])) {
                if (pid == rootPid) {
                    break; // the root has gone: no tree
                }
                continue;
            }
            found.add(f);
            if (!ProcProcessReader.CHILDREN_FILES && !f.zombie()) {
                if (byParent == null) {
                    byParent = scanParents();
                }
                children.addAll(byParent.getOrDefault(pid, List.of()));
            }
            for (long child : children) {
                queue.add(new long[] {child, pid});
            }
        }
        processes.retainOnly(seen);
        text.closeUnused();
        return found;
    }

    /** Every process's parent, from every /proc/PID/stat: the slow way, for kernels without children files. */
    private Map<Long, List<Long>> scanParents() {
        Map<Long, List<Long>> byParent = new HashMap<>();
        String[] names = new File("/proc").list();
        if (names == null) {
            return byParent;
        }
        Arrays.sort(names);
        for (String name : names) {
            long pid = ProcText.parseLong(name);
            if (pid > 0 && text.read("/proc/" + name + "/stat", Integer.MAX_VALUE) > 0 && stat.parse(text)) {
                byParent.computeIfAbsent(stat.ppid, k -> new ArrayList<>()).add(pid);
            }
        }
        return byParent;
    }
}
