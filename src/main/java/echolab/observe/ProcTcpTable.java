package echolab.observe;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCP tables of the root's network namespace, as a cache from socket inode to its ends; read at
 * most once per {@link ProcTreeReader#read}, and only when a socket turns up that the cache cannot place.
 */
final class ProcTcpTable {
    /** A socket not in the tables (a UNIX socket, or TCP not yet bound) is looked for again after this. */
    private static final long NOT_TCP_MAX_AGE_NANOS = 1_000_000_000L;

    private final Map<Long, long[]> ends = new HashMap<>();
    private final Set<Long> notTcp = new HashSet<>();
    private long notTcpSince;

    void prepare(long rootPid, List<ProcFound> found, long nanos, ProcText text) {
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
        for (ProcFound f : found) {
            for (int i = 0; i < f.socketCount; i++) {
                Long inode = f.sockets[2 * i + 1];
                if (!ends.containsKey(inode)) {
                    notTcp.add(inode);
                }
            }
        }
    }

    private boolean anyUnknown(List<ProcFound> found) {
        for (ProcFound f : found) {
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
