package echolab.observe;

import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an observed server's process tree from Linux's {@code /proc}: every process's state, memory,
 * CPU, descriptors and TCP sockets, and every thread's wait, read from its current system call.
 *
 * <p>It runs twenty times a second, so it reads each small file into one reused buffer, keeps the files
 * it reads every time open, and parses numbers by hand; and a process none of whose threads has run
 * since it was last read in full (their schedstat files say) is not read again, for up to a second. A
 * process that ends mid-read is simply left out.
 */
final class ProcTreeReader implements TreeReader {

    /** The kernel reports CPU time in USER_HZ ticks, which is 100 on every Linux architecture. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;
    private static final long PAGE_SIZE = pageSize();
    /** {@code task/TID/children} needs CONFIG_PROC_CHILDREN; without it the reader scans all of /proc. */
    private static final boolean CHILDREN_FILES =
            Files.isReadable(Path.of("/proc/self/task/" + ProcessHandle.current().pid() + "/children"));
    /** A command line changes only at exec, which usually also changes the name; re-read it once a second anyway. */
    private static final long COMMAND_MAX_AGE_NANOS = 1_000_000_000L;
    private static final int COMMAND_MAX_BYTES = 64 * 1024;
    /** A quiet process is read in full at least this often anyway. */
    private static final long QUIET_MAX_AGE_NANOS = 1_000_000_000L;

    private final Syscalls syscalls = Syscalls.forArch(System.getProperty("os.arch", ""));
    private final ProcText text = new ProcText();
    private final TcpTable tcp = new TcpTable();
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
    private final Stat stat = new Stat();

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
            List<Found> found = walk(rootPid, nanos);
            tcp.prepare(rootPid, found, nanos, text);
            List<ProcessSnapshot> processes = new ArrayList<>(found.size());
            for (Found f : found) {
                processes.add(f.snapshot(tcp));
            }
            return new TreeSnapshot(nanos, rootPid, processes);
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
    private List<Found> walk(long rootPid, long nanos) {
        List<Found> found = new ArrayList<>();
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
            Found f = readProcess(pid, nanos, children);
            // a PID whose parent is not the one that listed it was reused after the child ended: not ours
            if (f == null || (next[1] >= 0 && f.ppid != next[1])) {
                if (pid == rootPid) {
                    break; // the root has gone: no tree
                }
                continue;
            }
            found.add(f);
            if (!CHILDREN_FILES && !f.zombie()) {
                if (byParent == null) {
                    byParent = scanParents();
                }
                children.addAll(byParent.getOrDefault(pid, List.of()));
            }
            for (long child : children) {
                queue.add(new long[] {child, pid});
            }
        }
        commands.keySet().retainAll(seen);
        quiet.keySet().retainAll(seen);
        fdLinks.keySet().retainAll(seen);
        busyReadings.keySet().retainAll(seen);
        syscallDenied.retainAll(seen);
        text.closeUnused();
        return found;
    }

    /** One process, or null if it has gone; its children's PIDs are added to {@code children}. */
    private Found readProcess(long pid, long nanos, List<Long> children) {
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
        Found f = new Found(pid, stat.ppid, stat.state, stat.rssPages * PAGE_SIZE,
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
            long tid = parseLong(name);
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
    private static void readSockets(Found f, Path fdDir, String[] fds, FdLinks links, long nanos) {
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
                long inode = parseLong(target.substring(8, target.length() - 1));
                long fd = parseLong(name);
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
    private boolean readThread(Found f, String dir, long tid, List<Long> children) {
        if (text.reread(dir + "/stat", true) < 0 || !stat.parse(text)) {
            return true; // the thread ended: say "running" so that this reading is not kept
        }
        if (stat.state == 'Z' || stat.state == 'X') {
            return false; // an ended thread: a zombie process has no live threads
        }
        return readThread(f, dir, tid, stat.comm, stat.state, (stat.utime + stat.stime) * NANOS_PER_TICK, children);
    }

    /** Reads what a thread of that name, state and CPU waits in, and its children; whether it is running. */
    private boolean readThread(Found f, String dir, long tid, String name, char state, long cpu, List<Long> children) {
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
                        if (Syscalls.hasArgument(wait)) {
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
                wait = text.reread(dir + "/wchan", true) > 0 ? Syscalls.fromWchan(text.string()) : WaitKind.UNKNOWN;
            }
        }
        f.threads.add(new ThreadSnapshot(tid, name, state, wait, argument, cpu));
        if (CHILDREN_FILES && text.reread(dir + "/children", false) > 0) {
            text.addNumbers(children);
        }
        return wait == WaitKind.RUNNING;
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
            long pid = parseLong(name);
            if (pid > 0 && text.read("/proc/" + name + "/stat", Integer.MAX_VALUE) > 0 && stat.parse(text)) {
                byParent.computeIfAbsent(stat.ppid, k -> new ArrayList<>()).add(pid);
            }
        }
        return byParent;
    }

    /** A non-negative decimal, or -1 if {@code s} is not one. */
    private static long parseLong(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
    private record Quiet(long readNanos, long[] tids, byte[][] schedstats, Found found, List<Long> children) {}

    /** A cached command line and what the process looked like when it was read. */
    private record Command(long startTime, String comm, String line, long readNanos) {}

    /** One process as read, before its socket inodes have been looked up in the TCP tables. */
    private static final class Found {
        final long pid;
        final long ppid;
        final char state;
        final long rssBytes;
        final long cpuNanos;
        String command;
        int descriptors;
        final List<ThreadSnapshot> threads = new ArrayList<>();
        /** Pairs of descriptor and socket inode. */
        long[] sockets = new long[0];
        int socketCount;

        Found(long pid, long ppid, char state, long rssBytes, long cpuNanos) {
            this.pid = pid;
            this.ppid = ppid;
            this.state = state;
            this.rssBytes = rssBytes;
            this.cpuNanos = cpuNanos;
        }

        boolean zombie() {
            return state == 'Z';
        }

        void addSocket(int fd, long inode) {
            if (2 * socketCount + 2 > sockets.length) {
                sockets = Arrays.copyOf(sockets, Math.max(8, sockets.length * 2));
            }
            sockets[2 * socketCount] = fd;
            sockets[2 * socketCount + 1] = inode;
            socketCount++;
        }

        ProcessSnapshot snapshot(TcpTable tcp) {
            List<SocketEnd> ends = new ArrayList<>(socketCount);
            for (int i = 0; i < socketCount; i++) {
                SocketEnd end = tcp.end((int) sockets[2 * i], sockets[2 * i + 1]);
                if (end != null) {
                    ends.add(end);
                }
            }
            return new ProcessSnapshot(pid, ppid, command, state, rssBytes, cpuNanos, descriptors, threads, ends);
        }
    }

    /** The fields of a {@code stat} file the reader uses, parsed in place. */
    private static final class Stat {
        String comm;
        char state;
        long ppid;
        long utime;
        long stime;
        int numThreads;
        long startTime;
        long rssPages;

        /** Parses the text just read; false if it is not a stat line. */
        boolean parse(ProcText t) {
            byte[] b = t.buf;
            int len = t.len;
            int open = -1;
            for (int i = 0; i < len; i++) {
                if (b[i] == '(') {
                    open = i;
                    break;
                }
            }
            // the name may itself hold spaces and ')': the real end is the last ')'
            int close = -1;
            for (int i = len - 1; i > open; i--) {
                if (b[i] == ')') {
                    close = i;
                    break;
                }
            }
            if (open < 0 || close < 0 || close + 2 >= len) {
                return false;
            }
            comm = new String(b, open + 1, close - open - 1, StandardCharsets.UTF_8);
            state = (char) b[close + 2];
            // fields are numbered from 1 (pid); the state is field 3
            int field = 3;
            int i = close + 3;
            while (i < len && field < 24) {
                while (i < len && b[i] == ' ') {
                    i++;
                }
                field++;
                boolean negative = i < len && b[i] == '-';
                if (negative) {
                    i++;
                }
                long v = 0;
                while (i < len && b[i] >= '0' && b[i] <= '9') {
                    v = v * 10 + (b[i++] - '0');
                }
                while (i < len && b[i] != ' ' && b[i] != '\n') {
                    i++;
                }
                v = negative ? -v : v;
                switch (field) {
                    case 4 -> ppid = v;
                    case 14 -> utime = v;
                    case 15 -> stime = v;
                    case 20 -> numThreads = (int) v;
                    case 22 -> startTime = v;
                    case 24 -> rssPages = v;
                    default -> { }
                }
            }
            return field == 24;
        }
    }

    /**
     * One reusable buffer for the small files of /proc, which report size 0 and must be read to the end;
     * and the files read every time, kept open between readings: reading one again from its start is one
     * system call instead of four, and system calls are most of what the reader costs.
     *
     * <p>A kept file is a {@link FileChannel}, for its positioned reads; an interrupt closes one, so
     * {@link ProcTreeReader#read} holds the thread's interrupt back while it reads, and sets it again after.
     */
    private static final class ProcText {
        /** Beyond this many kept files (a server of thousands of threads), files are opened for each reading. */
        private static final int MAX_KEPT = 4096;

        byte[] buf = new byte[4096];
        int len;
        /** Where positioned reads land before {@link #buf}: the JDK would otherwise copy through one of its own. */
        private final ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        private final Map<String, Kept> kept = new HashMap<>();
        private boolean generation;
        private boolean interrupted;

        /** Reads up to {@code max} bytes of the file once; its length, or -1 if it could not be read. */
        int read(String path, int max) {
            len = -1;
            try (RandomAccessFile in = new RandomAccessFile(path, "r")) {
                len = fill(in, max);
            } catch (IOException gone) {
                // the process or thread ended, or this file is not ours to read
            }
            return len;
        }

        /**
         * Reads the file again through a file kept open; its length, or -1 if it could not be read. A
         * {@code oneRecord} file (stat, syscall, wchan, schedstat) comes whole in one read, so a short read
         * is its end: one {@code pread} in all.
         */
        int reread(String path, boolean oneRecord) {
            for (int attempt = 0; attempt < 3; attempt++) {
                Kept k = kept.get(path);
                FileChannel fresh = null;
                try {
                    FileChannel in;
                    if (k != null) {
                        k.generation = generation;
                        in = k.channel;
                    } else {
                        in = fresh = FileChannel.open(Path.of(path));
                    }
                    len = fill(in, oneRecord);
                    if (fresh != null && kept.size() < MAX_KEPT) {
                        kept.put(path, new Kept(fresh, generation));
                        fresh = null;
                    }
                    return len;
                } catch (ClosedByInterruptException e) {
                    // an interrupt closed the file, not an ending: hold the interrupt back until the reading is done
                    interrupted |= Thread.interrupted();
                    drop(path, k);
                } catch (IOException e) {
                    if (k == null) {
                        break; // the process or thread ended, or this file is not ours to read
                    }
                    drop(path, k); // that task ended; its PID may already be a new process's: open the path afresh
                } finally {
                    closeQuietly(fresh);
                }
            }
            return len = -1;
        }

        /** Whether an interrupt came during the reading, and was held back; clears it. */
        boolean takeInterrupted() {
            boolean was = interrupted;
            interrupted = false;
            return was;
        }

        /** Closes the kept files that this reading did not use: their tasks have ended or left the tree. */
        void closeUnused() {
            Iterator<Kept> it = kept.values().iterator();
            while (it.hasNext()) {
                Kept k = it.next();
                if (k.generation != generation) {
                    closeQuietly(k.channel);
                    it.remove();
                }
            }
            generation = !generation;
        }

        void closeAll() {
            kept.values().forEach(k -> closeQuietly(k.channel));
            kept.clear();
        }

        private void drop(String path, Kept k) {
            if (k != null) {
                kept.remove(path);
                closeQuietly(k.channel);
            }
        }

        private int fill(RandomAccessFile in, int max) throws IOException {
            int n = 0;
            while (n < max) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int r = in.read(buf, n, Math.min(buf.length, max) - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return n;
        }

        /** Reads from the start with positioned reads, which need no seek first. */
        private int fill(FileChannel in, boolean oneRecord) throws IOException {
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                direct.clear().limit(Math.min(direct.capacity(), buf.length - n));
                int room = direct.remaining();
                int r = in.read(direct, n);
                if (r <= 0) {
                    break;
                }
                direct.flip().get(buf, n, r);
                n += r;
                if (oneRecord && r < room) {
                    break;
                }
            }
            return n;
        }

        private static void closeQuietly(Closeable file) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // a /proc file has nothing to flush
                }
            }
        }

        /** A file kept open, and the parity of the last reading that used it. */
        private static final class Kept {
            final FileChannel channel;
            boolean generation;

            Kept(FileChannel channel, boolean generation) {
                this.channel = channel;
                this.generation = generation;
            }
        }

        /** Whether the text just read is exactly {@code bytes}. */
        boolean sameAs(byte[] bytes) {
            return Arrays.equals(buf, 0, len, bytes, 0, bytes.length);
        }

        boolean startsWith(String word) {
            if (len < word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (buf[i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The whole text, without its trailing newline. */
        String string() {
            int end = len;
            while (end > 0 && (buf[end - 1] == '\n' || buf[end - 1] == ' ')) {
                end--;
            }
            return new String(buf, 0, end, StandardCharsets.UTF_8);
        }

        /** A cmdline: its NUL-separated arguments joined by spaces. */
        String cmdline() {
            int end = len;
            while (end > 0 && (buf[end - 1] == 0 || buf[end - 1] == ' ' || buf[end - 1] == '\n')) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (buf[i] == 0) {
                    buf[i] = ' ';
                }
            }
            return new String(buf, 0, end, StandardCharsets.UTF_8);
        }

        /** The signed decimal at {@code from}, or {@code Long.MIN_VALUE} if there is none. */
        long signedAt(int from) {
            int i = from;
            boolean negative = i < len && buf[i] == '-';
            if (negative) {
                i++;
            }
            if (i >= len || buf[i] < '0' || buf[i] > '9') {
                return Long.MIN_VALUE;
            }
            long v = 0;
            while (i < len && buf[i] >= '0' && buf[i] <= '9') {
                v = v * 10 + (buf[i++] - '0');
            }
            return negative ? -v : v;
        }

        /** The second word read as hex ({@code 0x...}), as the syscall file gives arguments; -1 if absent. */
        long hexAfterFirstSpace() {
            int i = 0;
            while (i < len && buf[i] != ' ') {
                i++;
            }
            i++;
            if (i + 1 < len && buf[i] == '0' && (buf[i + 1] == 'x' || buf[i + 1] == 'X')) {
                i += 2;
            }
            long v = 0;
            int digits = 0;
            for (; i < len; i++, digits++) {
                int d = Character.digit(buf[i], 16);
                if (d < 0) {
                    break;
                }
                v = (v << 4) | d;
            }
            return digits == 0 ? -1 : v;
        }

        /** Adds every decimal number in the text, as a children file lists PIDs. */
        void addNumbers(List<Long> into) {
            long v = 0;
            boolean in = false;
            for (int i = 0; i < len; i++) {
                byte c = buf[i];
                if (c >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                    in = true;
                } else if (in) {
                    into.add(v);
                    v = 0;
                    in = false;
                }
            }
            if (in) {
                into.add(v);
            }
        }
    }

    /**
     * The TCP tables of the root's network namespace, as a cache from socket inode to its ends; read at
     * most once per {@link #read}, and only when a socket turns up that the cache cannot place.
     */
    private static final class TcpTable {
        /** A socket not in the tables (a UNIX socket, or TCP not yet bound) is looked for again after this. */
        private static final long NOT_TCP_MAX_AGE_NANOS = 1_000_000_000L;

        private final Map<Long, long[]> ends = new HashMap<>();
        private final Set<Long> notTcp = new HashSet<>();
        private long notTcpSince;

        void prepare(long rootPid, List<Found> found, long nanos, ProcText text) {
            if (nanos - notTcpSince > NOT_TCP_MAX_AGE_NANOS) {
                notTcp.clear();
                notTcpSince = nanos;
            }
            if (!anyUnknown(found)) {
                return;
            }
            // a miss means sockets came and went: start again rather than keep closed ones forever
            ends.clear();
            load("/proc/" + rootPid + "/net/tcp", text);
            load("/proc/" + rootPid + "/net/tcp6", text);
            for (Found f : found) {
                for (int i = 0; i < f.socketCount; i++) {
                    Long inode = f.sockets[2 * i + 1];
                    if (!ends.containsKey(inode)) {
                        notTcp.add(inode);
                    }
                }
            }
        }

        private boolean anyUnknown(List<Found> found) {
            for (Found f : found) {
                for (int i = 0; i < f.socketCount; i++) {
                    Long inode = f.sockets[2 * i + 1];
                    if (!ends.containsKey(inode) && !notTcp.contains(inode)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The socket end for a descriptor, or null if its inode is not a TCP socket. */
        SocketEnd end(int fd, long inode) {
            long[] e = ends.get(inode);
            return e == null ? null : new SocketEnd(fd, (int) e[0], (int) e[1], e[2] != 0);
        }

        /** Reads one table: a header line, then {@code sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...}. */
        private void load(String path, ProcText text) {
            if (text.read(path, Integer.MAX_VALUE) < 0) {
                return;
            }
            byte[] b = text.buf;
            int len = text.len;
            int i = 0;
            while (i < len && b[i] != '\n') {
                i++;
            }
            while (i < len) {
                i++; // past the newline
                long local = -1;
                long remote = -1;
                long st = -1;
                long inode = -1;
                for (int word = 0; word < 10 && i < len && b[i] != '\n'; word++) {
                    while (i < len && b[i] == ' ') {
                        i++;
                    }
                    int start = i;
                    while (i < len && b[i] != ' ' && b[i] != '\n') {
                        i++;
                    }
                    switch (word) {
                        case 1 -> local = portOf(b, start, i);
                        case 2 -> remote = portOf(b, start, i);
                        case 3 -> st = hex(b, start, i);
                        case 9 -> inode = decimal(b, start, i);
                        default -> { }
                    }
                }
                while (i < len && b[i] != '\n') {
                    i++;
                }
                if (inode > 0 && local >= 0 && remote >= 0) {
                    ends.put(inode, new long[] {local, remote, st == 0x0A ? 1 : 0});
                }
            }
        }

        /** The port of an {@code ADDRESS:PORT} word, both in hex. */
        private static long portOf(byte[] b, int start, int end) {
            for (int i = end - 1; i >= start; i--) {
                if (b[i] == ':') {
                    return hex(b, i + 1, end);
                }
            }
            return -1;
        }

        private static long hex(byte[] b, int start, int end) {
            long v = 0;
            for (int i = start; i < end; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    return -1;
                }
                v = (v << 4) | d;
            }
            return end > start ? v : -1;
        }

        private static long decimal(byte[] b, int start, int end) {
            long v = 0;
            for (int i = start; i < end; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return -1;
                }
                v = v * 10 + (b[i] - '0');
            }
            return end > start ? v : -1;
        }
    }

    /** System call numbers of this architecture, in the lab's words, and the kernel function names likewise. */
    private static final class Syscalls {
        private final WaitKind[] kinds;

        private Syscalls(WaitKind[] kinds) {
            this.kinds = kinds;
        }

        static Syscalls forArch(String arch) {
            return switch (arch) {
                case "amd64", "x86_64" -> new Syscalls(table(
                        0, WaitKind.READ, 1, WaitKind.WRITE, 19, WaitKind.READ, 20, WaitKind.WRITE,
                        7, WaitKind.POLL, 23, WaitKind.POLL, 270, WaitKind.POLL, 271, WaitKind.POLL,
                        232, WaitKind.POLL, 281, WaitKind.POLL, 441, WaitKind.POLL,
                        43, WaitKind.ACCEPT, 288, WaitKind.ACCEPT,
                        45, WaitKind.READ, 47, WaitKind.READ, 44, WaitKind.WRITE, 46, WaitKind.WRITE,
                        202, WaitKind.FUTEX,
                        35, WaitKind.SLEEP, 230, WaitKind.SLEEP, 34, WaitKind.SLEEP,
                        61, WaitKind.WAIT_CHILD, 247, WaitKind.WAIT_CHILD));
                // riscv64 uses the same generic table as aarch64
                case "aarch64", "arm64", "riscv64" -> new Syscalls(table(
                        63, WaitKind.READ, 64, WaitKind.WRITE, 65, WaitKind.READ, 66, WaitKind.WRITE,
                        73, WaitKind.POLL, 72, WaitKind.POLL, 22, WaitKind.POLL, 441, WaitKind.POLL,
                        202, WaitKind.ACCEPT, 242, WaitKind.ACCEPT,
                        207, WaitKind.READ, 212, WaitKind.READ, 206, WaitKind.WRITE, 211, WaitKind.WRITE,
                        98, WaitKind.FUTEX,
                        101, WaitKind.SLEEP, 115, WaitKind.SLEEP,
                        260, WaitKind.WAIT_CHILD, 95, WaitKind.WAIT_CHILD));
                default -> new Syscalls(new WaitKind[0]);
            };
        }

        private static WaitKind[] table(Object... pairs) {
            WaitKind[] kinds = new WaitKind[512];
            for (int i = 0; i < pairs.length; i += 2) {
                kinds[(Integer) pairs[i]] = (WaitKind) pairs[i + 1];
            }
            return kinds;
        }

        /** Whether the numbers of this architecture are known; elsewhere only wchan says anything. */
        boolean known() {
            return kinds.length > 0;
        }

        WaitKind kind(int nr) {
            WaitKind k = nr < kinds.length ? kinds[nr] : null;
            return k == null ? WaitKind.OTHER : k;
        }

        /** Whether the first argument says something: the descriptor, or the futex's address. */
        static boolean hasArgument(WaitKind kind) {
            return switch (kind) {
                case ACCEPT, READ, WRITE, FUTEX -> true;
                default -> false;
            };
        }

        /** What a kernel function named by {@code wchan} waits for. */
        static WaitKind fromWchan(String function) {
            if (function.isEmpty() || function.equals("0")) {
                return WaitKind.UNKNOWN; // the kernel does not say
            }
            if (function.startsWith("futex")) {
                return WaitKind.FUTEX;
            }
            return switch (function) {
                case "inet_csk_accept" -> WaitKind.ACCEPT;
                case "wait_woken", "sk_wait_data" -> WaitKind.READ;
                case "do_select", "do_sys_poll", "ep_poll", "do_epoll_wait" -> WaitKind.POLL;
                case "hrtimer_nanosleep", "do_nanosleep" -> WaitKind.SLEEP;
                case "do_wait" -> WaitKind.WAIT_CHILD;
                default -> WaitKind.OTHER;
            };
        }
    }
}
