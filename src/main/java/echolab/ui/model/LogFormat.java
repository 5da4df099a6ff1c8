package echolab.ui.model;

import java.util.Arrays;
import java.util.List;

import echolab.events.Event;
import echolab.observe.WaitKind;

/** Turns events into the log's short sentences. */
public final class LogFormat {

    private LogFormat() {
    }

    public static String typeName(Event e) {
        return Event.typeName(e.getClass());
    }

    /** Every event type name the log shows, sorted, for the log's filter. */
    public static List<String> allTypeNames() {
        return Arrays.stream(Event.class.getPermittedSubclasses())
                .filter(c -> !isFigures(c))
                .map(c -> Event.typeName(c.asSubclass(Event.class))).sorted().toList();
    }

    /** Whether events of {@code type} are figures (how things stand, five times a second), which the log leaves out. */
    public static boolean isFigures(Class<?> type) {
        return type == Event.ServerFigures.class || type == Event.SyncFigures.class;
    }

    private static String w(String worker) {
        return worker.startsWith("echolab-") ? worker.substring("echolab-".length()) : worker;
    }

    /** A sentence for {@code e}, naming the client as {@code client} where the event concerns one. */
    public static String text(Event e, String client) {
        String c = client == null || client.isEmpty() ? "?" : client;
        if (e instanceof Event.ServerStarted s) {
            return "server PID " + s.pid() + " listening on " + s.host() + ":" + s.port() + " in " + s.mode() + " mode";
        } else if (e instanceof Event.ServerStopped s) {
            return "server stopped (" + s.reason() + ")";
        } else if (e instanceof Event.ModeChanged s) {
            return "mode " + s.from() + " → " + s.to() + ": new clients go to " + s.to();
        } else if (e instanceof Event.ProtectionChanged s) {
            return "protection " + s.from() + " → " + s.to();
        } else if (e instanceof Event.SettingChanged s) {
            return s.name() + " = " + s.value();
        } else if (e instanceof Event.ClientAccepted s) {
            return "accepted " + c + " from " + s.remote() + " (" + s.mode() + ")";
        } else if (e instanceof Event.Queued s) {
            return c + " queued for a worker (" + s.queueLength() + " waiting)";
        } else if (e instanceof Event.WorkerAssigned s) {
            return w(s.workerId()) + " serves " + c;
        } else if (e instanceof Event.WorkerStarted s) {
            return w(s.workerId()) + " started (" + s.role() + ", " + s.mode() + ")";
        } else if (e instanceof Event.WorkerRetired s) {
            return w(s.workerId()) + " ended";
        } else if (e instanceof Event.ClientClosed s) {
            return c + " closed: " + s.reason();
        } else if (e instanceof Event.LoopTurn s) {
            return w(s.workerId()) + " turn: " + s.ready().size() + " ready of " + s.watched() + " watched";
        } else if (e instanceof Event.ProcessSpawned s) {
            return "spawned child PID " + s.pid() + " for " + c;
        } else if (e instanceof Event.ProcessReady s) {
            return "child PID " + s.pid() + " ready after " + s.spawnMicros() / 1000 + " ms";
        } else if (e instanceof Event.ProcessReaped s) {
            return "reaped child PID " + s.pid() + " (exit " + s.exitCode() + ")";
        } else if (e instanceof Event.ChildCounterReported s) {
            return "child PID " + s.pid() + " counter = " + s.counter() + " (its own copy)";
        } else if (e instanceof Event.LineReceived s) {
            return w(s.workerId()) + " read a line of " + s.bytes() + " bytes from " + c;
        } else if (e instanceof Event.LineEchoed s) {
            return w(s.workerId()) + " echoed " + s.bytes() + " bytes to " + c + " after " + s.latencyNanos() / 1000 + " µs";
        } else if (e instanceof Event.CounterRead s) {
            return w(s.workerId()) + " read counter = " + s.value();
        } else if (e instanceof Event.CounterWritten s) {
            return w(s.workerId()) + " wrote counter = " + s.value();
        } else if (e instanceof Event.LostUpdate s) {
            return "LOST " + s.lost() + ": " + w(s.workerId()) + " wrote " + s.written() + " over "
                    + w(s.overwrittenWorker()) + "'s write";
        } else if (e instanceof Event.LockRequested s) {
            return w(s.workerId()) + " asks for the " + s.protection();
        } else if (e instanceof Event.LockAcquired s) {
            return w(s.workerId()) + " holds the " + s.protection() + " (waited " + s.waitedNanos() / 1000 + " µs)";
        } else if (e instanceof Event.LockReleased s) {
            return w(s.workerId()) + " released the " + s.protection();
        } else if (e instanceof Event.LimitHit s) {
            return c + " hit " + s.limit() + ": " + s.message();
        } else if (e instanceof Event.ErrorEvent s) {
            return "error: " + s.message();
        } else if (e instanceof Event.VirtualThreadMounted s) {
            return w(s.workerId()) + " mounted on " + s.carrier();
        } else if (e instanceof Event.ScenarioChanged s) {
            return "scenario " + s.scenario() + (s.safe() ? " (safe" + ("none".equals(s.fix()) ? "" : ", fix " + s.fix()) + ")" : " (unsafe)");
        } else if (e instanceof Event.HandoffOrphaned s) {
            return c + " ORPHANED: the acceptor overwrote the shared slot before any worker took it";
        } else if (e instanceof Event.HandoffDoubleServed s) {
            return w(s.workerId()) + " took " + c + " from the shared slot, which " + w(s.otherWorker()) + " serves already";
        } else if (e instanceof Event.ResourceWaiting s) {
            return w(s.workerId()) + " waits for the " + s.resource();
        } else if (e instanceof Event.ResourceHeld s) {
            return w(s.workerId()) + " holds the " + s.resource() + " (waited " + s.waitedNanos() / 1000 + " µs"
                    + ("semaphore".equals(s.resource()) ? ", " + s.holders() + " inside" : "") + ")";
        } else if (e instanceof Event.ResourceReleased s) {
            return w(s.workerId()) + " released the " + s.resource();
        } else if (e instanceof Event.LockBackoff s) {
            return w(s.workerId()) + " could not get the " + s.resource() + ", let go and backs off "
                    + s.backoffNanos() / 1_000_000 + " ms (retry " + s.retry() + ")";
        } else if (e instanceof Event.DeadlockDetected s) {
            StringBuilder b = new StringBuilder("DEADLOCK:");
            for (Event.WaitFor f : s.cycle()) {
                b.append(' ').append(w(f.worker())).append(" holds ").append(f.holds()).append(", waits for ")
                        .append(f.waitsFor()).append(';');
            }
            return b.toString();
        } else if (e instanceof Event.DeadlockReset s) {
            return "reset: " + s.interrupted() + " workers interrupted, they let go and start again";
        } else if (e instanceof Event.LivelockSuspected s) {
            return "LIVELOCK: " + s.retries() + " retries in a second, " + s.completed() + " echoes got through";
        } else if (e instanceof Event.ClientConnecting s) {
            return s.client() + ": connect() from local port " + s.localPort();
        } else if (e instanceof Event.ClientConnectReturned s) {
            return s.client() + ": connect returned (local port " + s.localPort() + ")";
        } else if (e instanceof Event.ClientWriteReturned s) {
            return s.client() + ": write of " + s.bytes() + " bytes (" + s.lines() + (s.lines() == 1 ? " line" : " lines")
                    + ") returned";
        } else if (e instanceof Event.ClientWaitingForEcho s) {
            return s.client() + ": waiting in read for the echo";
        } else if (e instanceof Event.ClientEchoReceived s) {
            return s.client() + ": echo " + (s.matched() ? "matched" : "DIFFERS") + " after " + s.roundTripNanos() / 1000 + " µs";
        } else if (e instanceof Event.ClientFinished s) {
            return s.client() + ": finished, " + s.linesVerified() + "/" + s.linesSent() + " verified (" + s.outcome() + ")";
        } else if (e instanceof Event.StepTaken s) {
            return w(s.workerId()) + switch (s.step()) {
                case "read" -> " read counter " + s.counterValue() + " into its local";
                case "add" -> " added 1 to its local: " + s.localValue();
                case "write" -> " wrote " + s.localValue() + " into the counter"
                        + (s.overwrote() ? ", over an update it never read: LOST" : "");
                case "blocked" -> " blocked in lock(): the other worker holds it";
                default -> " " + s.step();
            };
        } else if (e instanceof Event.ObservedServerStarted s) {
            return "your server PID " + s.pid() + " listens on 127.0.0.1:" + s.port() + ": " + s.command();
        } else if (e instanceof Event.ObservedServerStopped s) {
            return "your server PID " + s.pid() + ": " + s.reason();
        } else if (e instanceof Event.ObservedOutput s) {
            return "PID " + s.pid() + ("stderr".equals(s.stream()) ? " on stderr: " : " printed: ") + s.line();
        } else if (e instanceof Event.ObservedProcessAppeared s) {
            return "PID " + s.pid() + " appeared (parent " + s.ppid() + "): " + s.command();
        } else if (e instanceof Event.ObservedProcessZombie s) {
            return "PID " + s.pid() + " ended and is a ZOMBIE: its parent " + s.ppid() + " has not reaped it";
        } else if (e instanceof Event.ObservedProcessReaped s) {
            return s.wasZombie() ? "zombie PID " + s.pid() + " reaped at last" : "PID " + s.pid() + " ended and was reaped";
        } else if (e instanceof Event.ObservedThreadAppeared s) {
            return "PID " + s.pid() + ": thread " + s.workerId() + " appeared";
        } else if (e instanceof Event.ObservedThreadWaits s) {
            return observedThread(s.pid(), s.tid(), s.workerId()) + " " + waits(s.waitsIn(), s.argument());
        } else if (e instanceof Event.ObservedThreadEnded s) {
            return observedThread(s.pid(), s.tid(), s.workerId()) + " ended";
        } else if (e instanceof Event.ObservedDescriptors s) {
            return "PID " + s.pid() + " has " + s.descriptors() + (s.descriptors() == 1 ? " descriptor" : " descriptors")
                    + " open";
        } else if (e instanceof Event.ObservedConnectionHeld s) {
            return portClient(c, s.clientPort()) + " is held by PID " + s.pid()
                    + (s.workerId().isEmpty() ? "" : ", thread " + s.workerId());
        } else if (e instanceof Event.ObservedConnectionReleased s) {
            return "no process of your server holds " + portClient(c, s.clientPort()) + " any more";
        }
        return e.toString();
    }

    /** A client of the student's server, by name where the log knows it, else by its local port. */
    private static String portClient(String client, int port) {
        return "?".equals(client) ? "the connection from port " + port : "the connection of " + client + " (port " + port + ")";
    }

    private static String observedThread(long pid, long tid, String workerId) {
        return "PID " + pid + ": thread " + (workerId.isEmpty() ? "TID " + tid : workerId);
    }

    /** What an observed thread waits in, in words: {@code waits in accept() on descriptor 3}. */
    private static String waits(String waitsIn, long argument) {
        WaitKind kind;
        try {
            kind = WaitKind.valueOf(waitsIn);
        } catch (IllegalArgumentException | NullPointerException x) {
            return "waits in " + waitsIn;
        }
        return switch (kind) {
            case RUNNING -> "runs on a CPU";
            case ACCEPT, READ, WRITE -> "waits in " + kind.words() + (argument >= 0 ? " on descriptor " + argument : "");
            case FUTEX -> "waits on a " + kind.words();
            case SLEEP -> "sleeps";
            case UNKNOWN -> "waits in something this system does not say";
            default -> "waits in " + kind.words();
        };
    }
}
