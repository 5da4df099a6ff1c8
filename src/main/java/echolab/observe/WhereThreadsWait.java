package echolab.observe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a blocked thread of a student's server waits, down to the line of the student's own C that
 * called into the C library (Issue 21). {@code /proc/PID/task/TID/syscall} gives the system call, its
 * arguments, and the thread's stack pointer; the return address into the program's own code is on
 * the stack above the library's wrapper, so the stack is read from {@code /proc/PID/mem} (EchoLab
 * started the server: it may) and searched, from the stack pointer up, for the first word that points
 * into the program's executable pages just after a call instruction. {@code /proc/PID/maps} says
 * where the program is loaded; {@link SourceLines} turns the address into a line where the program
 * has debug information ({@code -g}).
 *
 * <p>x86-64 only: its call instructions are what the search recognises, and its system call
 * numbers are the ones named here. Elsewhere the site says so. Interpreted programs (Python, Node,
 * Java) wait in their interpreter's code: their calls are told, not their lines.
 *
 * <p>Threading: stateless; any thread. Reading takes a few file reads and, once per address, an
 * {@code addr2line}: for the quiet moment of a check, not for every sample.
 */
public final class WhereThreadsWait {

    /** How far above the stack pointer the return address is looked for. */
    private static final int STACK_BYTES = 16 * 1024;

    private static final boolean X86_64 = List.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""));

    /** x86-64 system call numbers, the ones the lab names. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "read"), Map.entry(1, "write"), Map.entry(19, "readv"), Map.entry(20, "writev"),
            Map.entry(7, "poll"), Map.entry(23, "select"), Map.entry(270, "pselect6"), Map.entry(271, "ppoll"),
            Map.entry(232, "epoll_wait"), Map.entry(281, "epoll_pwait"), Map.entry(441, "epoll_pwait2"),
            Map.entry(43, "accept"), Map.entry(288, "accept4"), Map.entry(45, "recvfrom"), Map.entry(47, "recvmsg"),
            Map.entry(44, "sendto"), Map.entry(46, "sendmsg"), Map.entry(202, "futex"), Map.entry(35, "nanosleep"),
            Map.entry(230, "clock_nanosleep"), Map.entry(34, "pause"), Map.entry(61, "wait4"), Map.entry(247, "waitid"));

    private WhereThreadsWait() {
    }

    /** Where thread {@code tid} of process {@code pid} waits now. */
    public static WaitSite of(long pid, long tid) {
        if (!X86_64) {
            return WaitSite.unknown("only x86-64 is read (this is " + System.getProperty("os.arch") + ")");
        }
        String[] f = read(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "syscall"));
        if (f == null) {
            return WaitSite.unknown("its system call cannot be read");
        }
        if (f[0].equals("running") || f.length < 9 || f[0].startsWith("-")) {
            return WaitSite.unknown("running, in no system call");
        }
        int nr;
        long fd;
        long sp;
        try {
            nr = Integer.parseInt(f[0]);
            fd = Long.decode(f[1]);
            sp = Long.parseUnsignedLong(f[7].substring(2), 16);
        } catch (RuntimeException e) {
            return WaitSite.unknown("its system call cannot be read");
        }
        String call = NAMES.getOrDefault(nr, "syscall " + nr);
        long argument = switch (call) {
            case "read", "write", "readv", "writev", "accept", "accept4", "recvfrom", "recvmsg", "sendto", "sendmsg",
                    "epoll_wait", "epoll_pwait", "epoll_pwait2" -> fd;
            default -> -1;
        };
        String exe;
        try {
            exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString();
        } catch (IOException | RuntimeException e) {
            return new WaitSite(call, argument, null, 0, null, "the program cannot be read");
        }
        String interpreter = interpreter(exe);
        if (interpreter != null) {
            return new WaitSite(call, argument, null, 0, null, interpreter + ": calls only");
        }
        List<long[]> text = new ArrayList<>();
        long base = loadBase(pid, exe, text);
        if (text.isEmpty()) {
            return new WaitSite(call, argument, null, 0, null, "the program's pages cannot be read");
        }
        long ret = returnAddress(pid, sp, text);
        if (ret == UNREADABLE) {
            return new WaitSite(call, argument, null, 0, null, "its memory cannot be read (EchoLab did not start it)");
        }
        if (ret < 0) {
            return new WaitSite(call, argument, null, 0, null, "not called from the program's own code");
        }
        long address = (pie(exe) ? ret - base : ret) - 1; // inside the call instruction: its line
        SourceLines.Found found = SourceLines.lookup(exe, address);
        if (found.line() == null) {
            return new WaitSite(call, argument, null, 0, null, found.note());
        }
        SourceLines.Line line = found.line();
        if (line.file().startsWith("/usr/") || line.file().startsWith("/rustc/")) {
            return new WaitSite(call, argument, null, 0, line.function(), "in the language's runtime, not the program's own code");
        }
        return new WaitSite(call, argument, line.file(), line.line(), line.function(), "");
    }

    /** The interpreter's name when the program is one, else null. */
    static String interpreter(String exe) {
        String name = exe.substring(exe.lastIndexOf('/') + 1);
        if (name.startsWith("python")) {
            return "Python";
        }
        if (name.equals("node") || name.equals("nodejs")) {
            return "Node.js";
        }
        if (name.equals("java")) {
            return "Java";
        }
        return null;
    }

    /** Where the program is loaded (its first mapping's start); its executable ranges into {@code text}. */
    private static long loadBase(long pid, String exe, List<long[]> text) {
        long base = Long.MAX_VALUE;
        List<String> maps;
        try {
            maps = Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        for (String m : maps) {
            String[] p = m.trim().split("\\s+", 6);
            if (p.length < 6 || !p[5].equals(exe)) {
                continue;
            }
            int dash = p[0].indexOf('-');
            long start = Long.parseUnsignedLong(p[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(p[0].substring(dash + 1), 16);
            base = Math.min(base, start - Long.parseUnsignedLong(p[2], 16));
            if (p[1].indexOf('x') >= 0) {
                text.add(new long[] {start, end});
            }
        }
        return base;
    }

    private static final long UNREADABLE = -2;

    /**
     * The first word above {@code sp} that points into the program's code just after a call; -1 if
     * none, {@link #UNREADABLE} if the memory cannot be read (another user's process, or ptrace rules).
     */
    private static long returnAddress(long pid, long sp, List<long[]> text) {
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            byte[] stack = readAt(mem, sp, STACK_BYTES);
            if (stack.length == 0) {
                return UNREADABLE;
            }
            for (int i = 0; i + 8 <= stack.length; i += 8) {
                long word = littleEndian(stack, i);
                if (inside(word, text) && afterCall(mem, word)) {
                    return word;
                }
            }
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
        return -1;
    }

    private static boolean inside(long address, List<long[]> text) {
        for (long[] r : text) {
            if (Long.compareUnsigned(address, r[0]) >= 0 && Long.compareUnsigned(address, r[1]) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes before {@code ret} end with an x86-64 call: direct (E8 rel32) or indirect (FF /2). */
    static boolean afterCall(byte[] before) {
        int n = before.length; // the 7 bytes before the return address
        if ((before[n - 5] & 0xff) == 0xe8) {
            return true;
        }
        // FF /2: call *%reg (2 bytes), call *disp8(%reg) (3), call *disp32(%rip) or (%reg) (6), with a SIB byte (7)
        for (int len : new int[] {2, 3, 6, 7}) {
            int at = n - len;
            if (at >= 0 && (before[at] & 0xff) == 0xff && ((before[at + 1] >> 3) & 7) == 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterCall(RandomAccessFile mem, long ret) throws IOException {
        byte[] before = readAt(mem, ret - 7, 7);
        return before.length == 7 && afterCall(before);
    }

    private static byte[] readAt(RandomAccessFile mem, long address, int length) throws IOException {
        mem.seek(address);
        byte[] buf = new byte[length];
        int n = 0;
        while (n < length) {
            int r;
            try {
                r = mem.read(buf, n, length - n);
            } catch (IOException e) {
                break; // the end of the mapping: what was read is all there is
            }
            if (r <= 0) {
                break;
            }
            n += r;
        }
        return n == length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    private static long littleEndian(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xffL);
        }
        return v;
    }

    /** Whether the program is position-independent (ELF type DYN): its addresses are relative to where it is loaded. */
    private static boolean pie(String exe) {
        try (RandomAccessFile f = new RandomAccessFile(exe, "r")) {
            f.seek(16);
            int type = f.read() | (f.read() << 8);
            return type == 3;
        } catch (IOException e) {
            return true;
        }
    }

    private static String[] read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
