package echolab.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One process as read, before its socket inodes have been looked up in the TCP tables. */
final class ProcFound {
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

    ProcFound(long pid, long ppid, char state, long rssBytes, long cpuNanos) {
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

    ProcessSnapshot snapshot(ProcTcpTable tcp) {
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
