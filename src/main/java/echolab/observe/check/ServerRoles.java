package echolab.observe.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import echolab.observe.ProcessSnapshot;
import echolab.observe.SocketEnd;
import echolab.observe.TreeSnapshot;

/**
 * Sees through launchers: the command given may be {@code sh run.sh}, {@code make run} or
 * {@code env ...}, and the process that listens its child or grandchild. The server is the process
 * that holds the listening socket on the checked port; when several do (a preforked server's
 * children, and perhaps their parent, which may have closed its copy), it is the nearest process
 * above them all. The processes above the server are launchers.
 *
 * @param serverPid the process that listens (the root when nothing is seen listening)
 * @param launchers the processes between the command given and the server, outermost first, as
 *                  {@code PID command}
 */
record ServerRoles(long serverPid, List<String> launchers) {

    static ServerRoles of(TreeSnapshot tree, int port) {
        Map<Long, ProcessSnapshot> byPid = tree.processes().stream()
                .collect(Collectors.toMap(ProcessSnapshot::pid, Function.identity(), (a, b) -> a));
        List<List<Long>> chains = new ArrayList<>();
        for (ProcessSnapshot p : tree.processes()) {
            if (listens(p, port)) {
                chains.add(chain(p.pid(), byPid, tree.rootPid()));
            }
        }
        if (chains.isEmpty()) {
            return new ServerRoles(tree.rootPid(), List.of());
        }
        // the deepest process on every holder's chain from the root
        long common = chains.get(0).get(0);
        for (int depth = 0; chains.stream().allMatch(c -> c.size() > 0); depth++) {
            final int d = depth;
            if (chains.stream().anyMatch(c -> c.size() <= d)) {
                break;
            }
            long at = chains.get(0).get(d);
            if (chains.stream().allMatch(c -> c.get(d) == at)) {
                common = at;
            } else {
                break;
            }
        }
        ProcessSnapshot server = byPid.get(common);
        List<String> launchers = new ArrayList<>();
        ProcessSnapshot up = byPid.get(server.ppid());
        while (up != null && server.pid() != tree.rootPid()) {
            launchers.add(0, up.pid() + " " + up.command());
            if (up.pid() == tree.rootPid()) {
                break;
            }
            up = byPid.get(up.ppid());
        }
        return new ServerRoles(server.pid(), launchers);
    }

    /** The PIDs from the root down to {@code pid}. */
    private static List<Long> chain(long pid, Map<Long, ProcessSnapshot> byPid, long rootPid) {
        List<Long> chain = new ArrayList<>();
        ProcessSnapshot at = byPid.get(pid);
        for (int depth = 0; at != null && depth < 64; depth++) {
            chain.add(0, at.pid());
            if (at.pid() == rootPid) {
                break;
            }
            at = byPid.get(at.ppid());
        }
        return chain;
    }

    private static boolean listens(ProcessSnapshot p, int port) {
        for (SocketEnd s : p.sockets()) {
            if (s.listening() && s.localPort() == port) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code pid} is the server or one of its descendants in {@code tree}, not a launcher. */
    static boolean underServer(long pid, long serverPid, Map<Long, Long> parentOf) {
        long at = pid;
        for (int depth = 0; depth < 64 && at > 0; depth++) {
            if (at == serverPid) {
                return true;
            }
            Long up = parentOf.get(at);
            if (up == null) {
                return false;
            }
            at = up;
        }
        return false;
    }
}
