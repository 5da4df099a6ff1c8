package echolab.observe;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one process of an observed tree from {@code /proc/PID}: its stat (state, parent, memory, CPU),
 * its command line, its descriptors and which of them are sockets, and each thread's state and what it
 * waits in (from {@code task/TID/syscall}, or {@code wchan}); and the children each thread has started.
 *
 * <p>It is asked twenty times a second for every process of the tree, so it remembers what it may: a
 * process none of whose threads has run since it was last read in full (their schedstat files say) is
 * not read again, for up to a second; a command line is re-read only when the process looks different;
 * a descriptor's link is trusted for a quarter of a second. {@link #retainOnly} forgets processes that
 * have left the tree.
 *
 * <p>Threading: one thread at a time (the reader's).
 */
final class ProcProcessReader {

    /** The kernel reports CPU time in USER_HZ ticks, which is 100 on every Linux architecture. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;
    private static final long PAGE_SIZE = pageSize();
    /** {@code task/TID/children} needs CONFIG_PROC_CHILDREN; without it the walk scans all of /proc. */
    static final boolean CHILDREN_FILES =
            Files.isReadable(Path.of("/proc/self/task/" + ProcessHandle.current().pid() + "/children"));
    /** A command line changes only at exec, which usually also changes the name; re-read it once a second anyway. */
    private static final long COMMAND_MAX_AGE_NANOS = 1_000_000_000L;
    private static final int COMMAND_MAX_BYTES = 64 * 1024;
    /** A quiet process is read in full at least this often anyway. */
    private static final long QUIET_MAX_AGE_NANOS = 1_000_000_000L;

    private final ProcSyscalls syscalls = ProcSyscalls.forArch(System.getProperty("os.arch", ""));
    private final ProcText text;
    private final Map<Long, Command> commands = new HashMap<>();
    private final Map<Long, Quiet> quiet = new HashMap<>();
    /** Readings in a row that found a process busy; see {@link #RETRY_QUIET_EVERY}. */
    private final Map<Long, Integer> busyReadings = new HashMap<>();
    /** A busy process is checked for quiet only every this many readings: the check costs reads of its own. */
    private static final int RETRY_QUIET_EVERY = 4;
    /** What each process's descriptors pointed to when last looked at: a link is read again only when it is new or old. */
    private final Map<Long, FdLinks> fdLinks = new HashMap<>();
    /** How long a descriptor's link is trusted: a number closed and reused for another socket is seen within this. */
    private static final long FD_LINK_MAX_AGE_NANOS = 250_000_000L;
    /** Processes whose syscall files this reader may not read; their threads' waits come from wchan alone. */
    private final Set<Long> syscallDenied = new HashSet<>();
    private final ProcStat stat = new ProcStat();

    /** Reads through {@code text}, the reader's one buffer and its files kept open. */
    ProcProcessReader(ProcText text) {
        this.text = text;
    }

    /** Forgets what it remembers of every process but {@code pids}: the others have left the tree. */
    void retainOnly(Set<Long> pids) {
        commands.keySet().retainAll(pids);
        quiet.keySet().retainAll(pids);
        fdLinks.keySet().retainAll(pids);
        busyReadings.keySet().retainAll(pids);
        syscallDenied.retainAll(pids);
    }

    /** One process, or null if it has gone; its children's PIDs are added to {@code children}. */
    ProcFound read(long pid, long nanos, List<Long> children) {
        String dir = "/proc/" + pid;
        Quiet q = quiet.remove(pid);
        byte[][] now = q == null || nanos - q.readNanos >= QUIET_MAX_AGE_NANOS ? null : schedstats(dir, q.tids);
        if (now != null && Arrays.deepEquals(now, q.schedstats)) {
            // none of its threads has run since it was read in full, so nothing it holds can have changed
            quiet.put(pid, q);
            children.addAll(q.children);
            return q.found;
        }

        if (text.reread(dir + "/stat", true) < 0 || !stat.parse(text)) {
            return null;
        }
        ProcFound f = new ProcFound(pid, stat.ppid, stat.state, stat.rssPages * PAGE_SIZE,
                (stat.utime + stat.stime) * NANOS_PER_TICK);
        String comm = stat.comm;
        int numThreads = stat.numThreads;
        long startTime = stat.startTime;
        f.command = command(pid, dir, comm, startTime, f.zombie(), nanos);

        // one thread, and it is the first: no need to list the task directory
        long[] tids = numThreads == 1 && !f.zombie() ? new long[] {pid} : tids(dir);
        if (tids == null) {
            return null;
        }
        // what each thread had run before this reading, to tell afterwards whether it ran during it; a process
        // that was busy at its last reading is likely busy again, so it is asked only every few readings
        int busy = busyReadings.getOrDefault(pid, 0);
        boolean tryQuiet = busy % RETRY_QUIET_EVERY == 0;
        byte[][] before = !tryQuiet ? null : now != null && Arrays.equals(tids, q.tids) ? now : schedstats(dir, tids);

        String[] fds = new File(dir + "/fd").list();
        f.descriptors = fds == null ? -1 : fds.length;
        if (fds != null && !f.zombie()) {
            readSockets(f, Path.of(dir, "fd"), fds, fdLinks.computeIfAbsent(pid, k -> new FdLinks()), nanos);
        }
        int childrenFrom = children.size();
        boolean anyRunning = f.state == 'R';
        if (tids.length == 1 && tids[0] == pid && !f.zombie()) {
            // its only thread is the first, whose name and state the process's stat already gave: spare reading
            // them again (its CPU is the process's, which also counts threads that have ended, if there were any)
            anyRunning |= readThread(f, dir + "/task/" + pid, pid, comm, f.state, f.cpuNanos, children);
        } else {
            for (long tid : tids) {
                anyRunning |= readThread(f, dir + "/task/" + tid, tid, children);
            }
        }

        if (before != null && !anyRunning && sameSchedstats(dir, tids, before)
                && text.reread(dir + "/stat", true) > 0 && stat.parse(text) && stat.numThreads == numThreads
                && (f.zombie() || numThreads == tids.length)) {
            quiet.put(pid, new Quiet(nanos, tids, before, f, List.copyOf(children.subList(childrenFrom, children.size()))));
            busyReadings.remove(pid);
        } else {
            busyReadings.put(pid, busy + 1);
        }
        return f;
    }

    /** The thread ids of a process, or null if it has gone. */
    private static long[] tids(String dir) {
        String[] names = new File(dir + "/task").list();
        if (names == null) {
            return null;
        }
        long[] tids = new long[names.length];
        int n = 0;
        for (String name : names) {
            long tid = ProcText.parseLong(name);
            if (tid >= 0) {
                tids[n++] = tid;
            }
        }
        return n == tids.length ? tids : Arrays.copyOf(tids, n);
    }

    /**
     * Each thread's schedstat (CPU time, time waiting for a CPU, times scheduled): it changes whenever
     * the thread runs. Null if one is unreadable, or says nothing (kernels without scheduler statistics).
     */
    private byte[][] schedstats(String dir, long[] tids) {
        byte[][] all = new byte[tids.length][];
        for (int i = 0; i < tids.length; i++) {
            if (text.reread(dir + "/task/" + tids[i] + "/schedstat", true) <= 0 || text.buf[0] == '0') {
                return null;
            }
            all[i] = Arrays.copyOf(text.buf, text.len);
        }
        return all;
    }

    /** Whether no thread has run since {@code schedstats} were read, nor ended. */
    private boolean sameSchedstats(String dir, long[] tids, byte[][] schedstats) {
        for (int i = 0; i < tids.length; i++) {
            if (text.reread(dir + "/task/" + tids[i] + "/schedstat", true) <= 0 || !text.sameAs(schedstats[i])) {
                return false;
            }
        }
        return true;
    }

    /** Its command line, re-read only when the process looks different or the cached one is old. */
    private String command(long pid, String dir, String comm, long startTime, boolean zombie, long nanos) {
        Command cached = commands.get(pid);
        if (cached != null && cached.startTime == startTime && cached.comm.equals(comm)
                && (zombie || nanos - cached.readNanos < COMMAND_MAX_AGE_NANOS)) {
            return cached.line; // a zombie keeps the line it had while alive, if it was seen alive
        }
        String line = zombie ? "" : text.read(dir + "/cmdline", COMMAND_MAX_BYTES) < 0 ? "" : text.cmdline();
        if (line.isEmpty()) {
            line = comm; // a zombie's, or a kernel thread's, cmdline is empty: its name is all there is
        }
        commands.put(pid, new Command(startTime, comm, line, nanos));
        return line;
    }

    /**
     * Notes every descriptor that is a socket; which of them are TCP is looked up once for the whole
     * tree. Reading a link costs a system call per descriptor, twenty times a second, so a link seen
     * less than {@link #FD_LINK_MAX_AGE_NANOS} ago is taken from {@code links}; new descriptor
     * numbers are always read.
     */
    private static void readSockets(ProcFound f, Path fdDir, String[] fds, FdLinks links, long nanos) {
        boolean fresh = nanos - links.readNanos < FD_LINK_MAX_AGE_NANOS;
        Map<String, String> now = new HashMap<>(fds.length * 2);
        for (String name : fds) {
            String target = fresh ? links.targets.get(name) : null;
            if (target == null) {
                try {
                    target = Files.readSymbolicLink(fdDir.resolve(name)).toString();
                } catch (IOException | UnsupportedOperationException closed) {
                    continue; // closed since the listing: normal
                }
            }
            now.put(name, target);
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                long inode = ProcText.parseLong(target.substring(8, target.length() - 1));
                long fd = ProcText.parseLong(name);
                if (inode > 0 && fd >= 0) {
                    f.addSocket((int) fd, inode);
                }
            }
        }
        links.targets = now;
        if (!fresh) {
            links.readNanos = nanos;
        }
    }

    /** One process's descriptor links as last read, and when they were all read. */
    private static final class FdLinks {
        Map<String, String> targets = Map.of();
        long readNanos = Long.MIN_VALUE / 2;
    }

    /** Reads one thread into {@code f} and its children's PIDs into {@code children}; whether it is running. */
    private boolean readThread(ProcFound f, String dir, long tid, List<Long> children) {
        if (text.reread(dir + "/stat", true) < 0 || !stat.parse(text)) {
            return true; // the thread ended: say "running" so that this reading is not kept
        }
        if (stat.state == 'Z' || stat.state == 'X') {
            return false; // an ended thread: a zombie process has no live threads
        }
        return readThread(f, dir, tid, stat.comm, stat.state, (stat.utime + stat.stime) * NANOS_PER_TICK, children);
    }

    /** Reads what a thread of that name, state and CPU waits in, and its children; whether it is running. */
    private boolean readThread(ProcFound f, String dir, long tid, String name, char state, long cpu, List<Long> children) {
        WaitKind wait;
        long argument = -1;
        if (state == 'R') {
            wait = WaitKind.RUNNING;
        } else {
            wait = null;
            boolean trySyscall = syscalls.known() && !syscallDenied.contains(f.pid);
            int read = trySyscall ? text.reread(dir + "/syscall", true) : -1;
            if (read > 0) {
                if (text.startsWith("running")) {
                    wait = WaitKind.RUNNING;
                } else {
                    long nr = text.signedAt(0);
                    if (nr >= 0) {
                        wait = syscalls.kind((int) nr);
                        if (ProcSyscalls.hasArgument(wait)) {
                            argument = text.hexAfterFirstSpace();
                        }
                    }
                }
            }
            if (trySyscall && read < 0 && text.reread(dir + "/stat", true) > 0) {
                // the thread lives but its syscall file is closed to us (another user's, or ptrace rules): stop trying
                syscallDenied.add(f.pid);
            }
            if (wait == null) {
                // the syscall file is unreadable, or the thread is not in a system call
                wait = text.reread(dir + "/wchan", true) > 0 ? ProcSyscalls.fromWchan(text.string()) : WaitKind.UNKNOWN;
            }
        }
        f.threads.add(new ThreadSnapshot(tid, name, state, wait, argument, cpu));
        if (CHILDREN_FILES && text.reread(dir + "/children", false) > 0) {
            text.addNumbers(children);
        }
        return wait == WaitKind.RUNNING;
    }

    /** The kernel's page size, from the first mapping in /proc/self/smaps; 4096 where it does not say. */
    private static long pageSize() {
        byte[] head = new byte[8192];
        int n = 0;
        try (FileInputStream in = new FileInputStream("/proc/self/smaps")) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            return 4096;
        }
        String s = new String(head, 0, n, StandardCharsets.US_ASCII);
        int at = s.indexOf("KernelPageSize:");
        if (at < 0) {
            return 4096;
        }
        long kb = 0;
        for (int i = at + "KernelPageSize:".length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                kb = kb * 10 + (c - '0');
            } else if (kb > 0) {
                break;
            }
        }
        return kb > 0 ? kb * 1024 : 4096;
    }

    /**
     * A process read in full while none of its threads ran, kept to stand in for the next readings while
     * that stays so: a thread that has not run cannot have changed its state or what it waits in, nor its
     * process's descriptors, nor started a child, nor ended (its schedstat would have changed, or gone).
     * Kept at most {@link #QUIET_MAX_AGE_NANOS}, for what others can change: its memory (reclaimed), a
     * child reaped automatically, a socket reset by its peer.
     */
    private record Quiet(long readNanos, long[] tids, byte[][] schedstats, ProcFound found, List<Long> children) {}

    /** A cached command line and what the process looked like when it was read. */
    private record Command(long startTime, String comm, String line, long readNanos) {}
}
