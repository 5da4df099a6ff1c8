package echolab.observe;

import java.util.List;

/**
 * One process of an observed server's tree at one moment, as the operating system shows it.
 *
 * @param pid         its process id
 * @param ppid        its parent's
 * @param command     its command line (arguments joined by spaces), or its name where that is all there is
 * @param state       the kernel's one-letter state; {@code Z} is a zombie: ended, not yet reaped by its parent
 * @param rssBytes    resident memory, or -1 where unknown
 * @param cpuNanos    CPU time of all its threads, user and system, or -1 where unknown
 * @param descriptors open file descriptors, or -1 where unknown
 * @param threads     its threads; empty for a zombie, and where the system does not list them
 * @param sockets     the TCP sockets it holds; empty where the system does not say
 */
public record ProcessSnapshot(long pid, long ppid, String command, char state, long rssBytes, long cpuNanos,
                              int descriptors, List<ThreadSnapshot> threads, List<SocketEnd> sockets) {

    public ProcessSnapshot {
        threads = List.copyOf(threads);
        sockets = List.copyOf(sockets);
    }

    public boolean zombie() {
        return state == 'Z';
    }
}
