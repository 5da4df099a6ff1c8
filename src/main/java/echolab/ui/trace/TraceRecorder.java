package echolab.ui.trace;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import echolab.events.Event;
import echolab.ui.model.Activity;
import echolab.ui.model.Lanes;

/**
 * Turns a run into a trace as the window's folds see it: every state the folds give a lane is a
 * slice (exact, not the timeline's coalesced spans), every mark an instant; the events add the
 * instants and counters the lanes do not carry (accepts, forks, reaps, zombies, orphaned
 * hand-offs; the shared counter, the backlog, the queue, active clients) and the flows from an
 * accept to the worker that serves the connection and from a fork to the child's first slice.
 *
 * <p>A flow's start is written only once its end is known, with its own time (the formats sort by
 * time), so every flow has both ends; an accept never served, or a child that never ran, is an
 * instant without a flow. Threading: one thread.
 */
final class TraceRecorder implements Lanes {

    /** Something that happened, to be written once it is known whether a flow leaves it. */
    private record Pending(long ts, long track, String name) {}

    private final TraceSink sink;
    private final TraceTracks tracks;
    private final long base;
    private long nextFlow = 1;
    private long lastTs;
    private TraceTracks.Track accepting;
    private int backlog;
    private int queueLength;
    private final Set<Long> queued = new HashSet<>();
    private final Map<Long, Pending> accepts = new LinkedHashMap<>();
    private final Map<Long, Pending> forks = new LinkedHashMap<>();

    /** A trace of a run whose first event was at {@code baseNanos}. */
    TraceRecorder(TraceSink sink, String title, long baseNanos) {
        this.sink = sink;
        this.tracks = new TraceTracks(sink, title);
        this.base = baseNanos;
    }

    private long ts(long nanos) {
        long ts = Math.max(0, nanos - base);
        if (ts > lastTs) {
            lastTs = ts;
        }
        return ts;
    }

    /** The name of a state's slice, as the issue and the legend say it: "service wait", "lock wait". */
    static String sliceName(Activity state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ---- the folds' lanes

    @Override
    public void set(String key, String label, boolean worker, Activity state, long nanos) {
        TraceTracks.Track t = tracks.lane(key, label);
        if (t.open && t.state == state) {
            return;
        }
        long ts = t.at(ts(nanos));
        if (t.open) {
            sink.end(ts, t.uuid);
        }
        backlog(t, state, ts);
        long flowIn = 0;
        Pending fork = forks.remove((long) t.pid);
        if (fork != null) {
            flowIn = nextFlow++;
            sink.instant(fork.ts(), fork.track(), fork.name(), flowIn, 0);
        }
        sink.begin(ts, t.uuid, sliceName(state), 0, flowIn);
        t.open = true;
        t.state = state;
        if (state == Activity.ACCEPTING) {
            accepting = t;
        }
    }

    @Override
    public void end(String key, long nanos) {
        TraceTracks.Track t = tracks.existingLane(key);
        if (t == null || !t.open) {
            return;
        }
        long ts = t.at(ts(nanos));
        sink.end(ts, t.uuid);
        backlog(t, null, ts);
        t.open = false;
        t.state = null;
    }

    @Override
    public void mark(String key, long nanos, String label) {
        TraceTracks.Track t = tracks.lane(key, key);
        sink.instant(t.at(ts(nanos)), t.uuid, label, 0, 0);
    }

    @Override
    public void rename(String key, String label) {
        tracks.rename(key, label);
    }

    /** The backlog counts the clients whose lane is in the backlog state, as the window draws them. */
    private void backlog(TraceTracks.Track lane, Activity next, long ts) {
        boolean was = lane.open && lane.state == Activity.BACKLOG;
        boolean is = next == Activity.BACKLOG;
        if (was != is) {
            backlog += is ? 1 : -1;
            count("backlog", backlog, ts);
        }
    }

    private void count(String name, long value, long ts) {
        TraceTracks.Track c = tracks.counter(name);
        sink.count(c.at(ts), c.uuid, value);
    }

    // ---- the events, before and after the folds saw them

    /** What the lanes need to know before the folds write them: which process and thread is whose. */
    void before(Event e) {
        if (e instanceof Event.ServerStarted x) {
            tracks.serverStarted(x.pid(), x.mode());
        } else if (e instanceof Event.ObservedServerStarted x) {
            tracks.observedServerStarted(x.pid(), x.command());
        } else if (e instanceof Event.ObservedProcessAppeared x) {
            TraceTracks.Track parent = tracks.process(x.ppid());
            tracks.observedProcess(x.pid(), x.command());
            if (parent != null) {
                forks.put(x.pid(), new Pending(ts(x.nanos()), parent.uuid, "fork pid " + x.pid()));
            }
        } else if (e instanceof Event.ObservedThreadAppeared x) {
            tracks.observedThread(x.workerId(), x.pid(), x.tid(), x.name());
        }
    }

    /** The instants, counters and flows of an event the folds have seen. */
    void after(Event e) {
        if (e instanceof Event.ClientAccepted x) {
            long track = accepting != null && accepting.open ? accepting.uuid : tracks.server().uuid;
            accepts.put(x.clientId(), new Pending(ts(x.nanos()), track, "accept client " + x.clientId()));
        } else if (e instanceof Event.WorkerAssigned x) {
            assigned(x);
        } else if (e instanceof Event.Queued x) {
            queued.add(x.clientId());
            queueLength = x.queueLength();
            count("queue length", queueLength, ts(x.nanos()));
        } else if (e instanceof Event.ProcessSpawned x) {
            long track = accepting != null && accepting.open ? accepting.uuid : tracks.server().uuid;
            forks.put(x.pid(), new Pending(ts(x.nanos()), track, "fork pid " + x.pid() + " (client " + x.clientId() + ")"));
        } else if (e instanceof Event.ProcessReaped x) {
            sink.instant(ts(x.nanos()), tracks.server().uuid, "reap pid " + x.pid() + " (exit " + x.exitCode() + ")", 0, 0);
        } else if (e instanceof Event.ObservedProcessZombie x) {
            instantOnProcess(x.ppid(), x.nanos(), "zombie pid " + x.pid());
        } else if (e instanceof Event.ObservedProcessReaped x) {
            instantOnProcess(x.pid(), x.nanos(), (x.wasZombie() ? "reaped zombie pid " : "ended pid ") + x.pid());
        } else if (e instanceof Event.HandoffOrphaned x) {
            TraceTracks.Track t = tracks.lane(x.acceptor(), x.acceptor());
            sink.instant(t.at(ts(x.nanos())), t.uuid, "orphaned hand-off client " + x.clientId(), 0, 0);
        } else if (e instanceof Event.CounterWritten x) {
            count("shared counter", x.value(), ts(x.nanos()));
        } else if (e instanceof Event.ServerFigures x) {
            long ts = ts(x.nanos());
            count("shared counter", x.counter(), ts);
            count("active clients", x.active(), ts);
        }
    }

    private void assigned(Event.WorkerAssigned x) {
        TraceTracks.Track worker = tracks.lane(x.workerId(), x.workerId());
        long ts = worker.at(ts(x.nanos()));
        Pending accept = accepts.remove(x.clientId());
        long flow = 0;
        if (accept != null) {
            flow = nextFlow++;
            sink.instant(accept.ts(), accept.track(), accept.name(), flow, 0);
        }
        sink.instant(ts, worker.uuid, "serve client " + x.clientId(), 0, flow);
        if (queued.remove(x.clientId())) {
            queueLength = Math.max(0, queueLength - 1);
            count("queue length", queueLength, ts);
        }
    }

    private void instantOnProcess(long pid, long nanos, String name) {
        TraceTracks.Track p = tracks.process(pid);
        sink.instant(ts(nanos), (p != null ? p : tracks.observedProcess(pid, null)).uuid, name, 0, 0);
    }

    /** The run has ended: every open slice ends at the last time seen, and what waited for a flow is written without. */
    void finish() throws java.io.IOException {
        for (TraceTracks.Track t : tracks.lanes()) {
            if (t.open) {
                sink.end(t.at(lastTs), t.uuid);
                t.open = false;
            }
        }
        for (Pending p : accepts.values()) {
            sink.instant(p.ts(), p.track(), p.name(), 0, 0);
        }
        for (Pending p : forks.values()) {
            sink.instant(p.ts(), p.track(), p.name(), 0, 0);
        }
        accepts.clear();
        forks.clear();
        sink.finish();
    }
}
