package echolab.ui.trace;

import java.util.HashMap;
import java.util.Map;

import echolab.ui.model.Activity;

/**
 * The trace's tracks, declared to the sink the first time something uses them: a process per
 * process (EchoLab's server by its pid, a process-per-client child by its own, a student's server's
 * processes by their real pids, EchoLab's simulated clients under a "clients" process of a made-up
 * pid), a thread per lane, and counters under the server. Made-up pids and tids start at a billion,
 * above any real one, so every tid is unique in the trace.
 */
final class TraceTracks {

    /** The made-up pid of EchoLab's simulated clients; made-up tids follow it. */
    static final int CLIENTS_PID = 1_000_000_000;
    /** The pid of EchoLab's server when no ServerStarted names it (a run that began before the recording). */
    static final int SERVER_PID_UNKNOWN = CLIENTS_PID - 1;

    /** A track and where its events are: the last time written (times never go back on a track), and the open slice. */
    static final class Track {
        final long uuid;
        final int pid;
        final long tid;
        long lastTs;
        boolean open;
        Activity state;

        Track(long uuid, int pid, long tid) {
            this.uuid = uuid;
            this.pid = pid;
            this.tid = tid;
        }

        /** {@code ts}, or the track's last time if that was later. */
        long at(long ts) {
            if (ts > lastTs) {
                lastTs = ts;
            }
            return lastTs;
        }
    }

    /** A thread of a student's server, as its sampler named it. */
    private record ObservedThread(int pid, long tid, String name) {}

    private final TraceSink sink;
    private final String title;
    private long nextUuid = 1;
    private long nextTid = CLIENTS_PID + 1L;
    private int serverPid = -1;
    /** The process the counters go under: EchoLab's server, or else the student's server observed. */
    private Track subject;
    private final Map<Integer, Track> processes = new HashMap<>();
    private final Map<String, Track> lanes = new HashMap<>();
    private final Map<String, Track> counters = new HashMap<>();
    private final Map<String, ObservedThread> observed = new HashMap<>();

    TraceTracks(TraceSink sink, String title) {
        this.sink = sink;
        this.title = title;
    }

    /** EchoLab's server started as {@code pid}; the first start names the process. */
    void serverStarted(long pid, String mode) {
        if (serverPid < 0) {
            serverPid = (int) pid;
            subject = declareProcess(serverPid, title + " (EchoLab server, " + mode + ")");
        }
    }

    /** A student's server started as {@code pid}: its process, which the counters go under if EchoLab's server is not there. */
    void observedServerStarted(long pid, String command) {
        Track p = observedProcess(pid, command);
        if (subject == null) {
            subject = p;
        }
    }

    /** EchoLab's server process, made up if no ServerStarted named it. */
    Track server() {
        if (serverPid < 0) {
            serverPid = SERVER_PID_UNKNOWN;
            declareProcess(serverPid, title + " (EchoLab server)");
        }
        return processes.get(serverPid);
    }

    /** A process of a student's server, named by its command line. */
    Track observedProcess(long pid, String command) {
        Track p = processes.get((int) pid);
        return p != null ? p : declareProcess((int) pid, command == null || command.isBlank() ? "pid " + pid : command);
    }

    /** A process already declared, or null. */
    Track process(long pid) {
        return processes.get((int) pid);
    }

    /** A thread of a student's server appeared: its lane, when it has one, is that pid's and tid's. */
    void observedThread(String workerId, long pid, long tid, String name) {
        observed.put(workerId, new ObservedThread((int) pid, tid, name));
    }

    /** The lane {@code key}'s track, declared with {@code label} if new (see the folds' keys). */
    Track lane(String key, String label) {
        Track t = lanes.get(key);
        if (t == null) {
            t = declareLane(key, label);
            lanes.put(key, t);
        }
        return t;
    }

    /** The lane's track, or null if nothing was written on it. */
    Track existingLane(String key) {
        return lanes.get(key);
    }

    Iterable<Track> lanes() {
        return lanes.values();
    }

    void rename(String key, String label) {
        Track t = lanes.get(key);
        if (t != null) {
            sink.thread(t.uuid, t.pid, t.tid, label); // a descriptor again: the last name wins
        }
    }

    /** The counter {@code name}, under the run's server (EchoLab's, or the student's). */
    Track counter(String name) {
        Track c = counters.get(name);
        if (c == null) {
            Track parent = subject != null ? subject : server();
            c = new Track(nextUuid++, parent.pid, 0);
            sink.counter(c.uuid, parent.uuid, name);
            counters.put(name, c);
        }
        return c;
    }

    private Track declareLane(String key, String label) {
        if (key.startsWith("client:")) {
            Track clients = processes.get(CLIENTS_PID);
            if (clients == null) {
                clients = declareProcess(CLIENTS_PID, "clients of " + title);
            }
            return declareThread(clients.pid, nextTid++, label);
        }
        if (key.startsWith("observed:")) {
            ObservedThread o = observed.get(key.substring("observed:".length()));
            if (o != null) {
                observedProcess(o.pid(), null);
                return declareThread(o.pid(), o.tid(), o.name() == null || o.name().isBlank() ? label
                        : o.name() + " " + o.tid());
            }
            return declareThread(observedProcess(SERVER_PID_UNKNOWN - 1L, "a student's server").pid, nextTid++, label);
        }
        if (key.startsWith("pid ")) { // a process-per-client child: its main thread's tid is its pid
            int pid = Integer.parseInt(key.substring("pid ".length()).trim());
            if (!processes.containsKey(pid)) {
                declareProcess(pid, "child pid " + pid);
            }
            return declareThread(pid, pid, label);
        }
        return declareThread(server().pid, nextTid++, label);
    }

    private Track declareProcess(int pid, String name) {
        Track p = new Track(nextUuid++, pid, 0);
        processes.put(pid, p);
        sink.process(p.uuid, pid, name);
        return p;
    }

    private Track declareThread(int pid, long tid, String name) {
        Track t = new Track(nextUuid++, pid, tid);
        sink.thread(t.uuid, pid, tid, name);
        return t;
    }
}
