package echolab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import echolab.base.LabThreads;
import echolab.events.EventBus;
import echolab.record.RecordingWriter;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.observe.check.CheckReport;
import echolab.observe.check.CheckRun;
import echolab.observe.check.CheckSettings;
import echolab.observe.check.report.CouldNotCheck;

/**
 * Checks one server, start to stop: starts it (or attaches to it), samples it, runs every check,
 * and stops it, also when the check fails midway or runs out of time, and makes sure nothing of it
 * is left running. {@code check} uses it once, {@code check --each} once per submission: what
 * happens to a server during a check lives here and only here.
 *
 * <p>Threading: {@link #check} blocks the caller; the check itself runs on a thread of its own, so
 * that a time limit can end it.
 */
public final class SubmissionCheck {

    /** How checking one server ended. */
    public sealed interface Outcome permits Checked, NotChecked {
        /** Seconds from the start to the server's end. */
        double seconds();

        /** How the server was stopped ("ended on SIGTERM", ...), or empty when it never started. */
        String stopped();
    }

    /** The server was checked: its report. */
    public record Checked(CheckReport report, double seconds, String stopped) implements Outcome {}

    /** Why a server has no report. */
    public enum Why {
        /** Not found, not executable, exited or never listened: nothing was checked. */
        DID_NOT_START,
        /** It listened, then died (or forked without end, or echoed no framing) during the check. */
        FAILED_DURING_CHECK,
        /** The time limit ran out first. */
        TIMED_OUT
    }

    /** The server has no report: why, in a grader's words. */
    public record NotChecked(Why why, CouldNotCheck detail, double seconds, String stopped) implements Outcome {}

    /** Extra seconds, beyond the limit, for the ended check's thread to finish its clean-up. */
    private static final long WIND_DOWN_SECONDS = 15;

    private SubmissionCheck() {
    }

    /**
     * Starts {@code launch}, checks it and stops it. {@code limit} (or null: none) bounds the whole,
     * start included; on expiry the server is stopped and the outcome says "timed out". {@code
     * progress} hears "checking ...", each phase (indented by two spaces) and "the server ...".
     */
    public static Outcome check(Launch launch, CheckSettings settings, Duration limit, Consumer<String> progress)
            throws InterruptedException {
        return check(launch, settings, limit, progress, null);
    }

    /** As {@link #check(Launch, CheckSettings, Duration, Consumer)}, recording the run's events into {@code record} (null: not). */
    public static Outcome check(Launch launch, CheckSettings settings, Duration limit, Consumer<String> progress,
                                Path record) throws InterruptedException {
        // a program that never listens must not outlast the time limit in the start alone
        Launch bounded = limit == null || limit.compareTo(launch.listenTimeout()) >= 0 ? launch
                : new Launch(launch.command(), launch.workingDirectory(), limit);
        return run(launch.display(), launch, events -> StudentServer.start(bounded, events), settings, limit, progress,
                record);
    }

    /** Checks a server somebody else started; it is left running. */
    public static Outcome attach(long pid, int port, CheckSettings settings, Consumer<String> progress, Path record)
            throws InterruptedException {
        return run("PID " + pid, null, events -> StudentServer.attach(pid, port, events), settings, null, progress,
                record);
    }

    private interface Starter {
        StudentServer start(EventBus events) throws LaunchException;
    }

    /** {@code launch}: how to start the server again after a crash; null for a server attached to. */
    private static Outcome run(String display, Launch launch, Starter starter, CheckSettings settings, Duration limit,
                               Consumer<String> progress, Path record) throws InterruptedException {
        long start = System.nanoTime();
        AtomicReference<StudentServer> started = new AtomicReference<>();
        AtomicReference<Outcome> result = new AtomicReference<>();
        AtomicReference<RuntimeException> broke = new AtomicReference<>();
        Attempt attempt = new Attempt(display, launch, starter, settings, progress, started, start, record);
        Thread worker = LabThreads.startDaemon("echolab-check-submission", () -> {
            try {
                result.set(attempt.run());
            } catch (RuntimeException e) {
                broke.set(e);
            }
        });
        if (limit == null) {
            worker.join();
        } else {
            worker.join(limit.toMillis());
        }
        if (worker.isAlive()) {
            attempt.timedOut = true; // read by the worker after it publishes its server: one of us stops it
            StudentServer server = started.get();
            String stopped = server == null ? "" : attempt.stop(server);
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(settings.timeoutSeconds() + WIND_DOWN_SECONDS));
            long s = limit.toSeconds();
            return new NotChecked(Why.TIMED_OUT, new CouldNotCheck(display, CouldNotCheck.TIME_LIMIT,
                    "timed out after " + s + " s", server == null ? "" : server.output().lastLines(10)),
                    seconds(start), stopped);
        }
        if (broke.get() != null) {
            throw broke.get();
        }
        return result.get();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One run of the check, on its own thread. */
    private static final class Attempt {
        private final String display;
        private final Launch launch;
        private final Starter starter;
        private final CheckSettings settings;
        private final Consumer<String> progress;
        private final AtomicReference<StudentServer> started;
        private final long startNanos;
        private final Path record;
        volatile boolean timedOut;
        private String stopped;

        Attempt(String display, Launch launch, Starter starter, CheckSettings settings, Consumer<String> progress,
                AtomicReference<StudentServer> started, long startNanos, Path record) {
            this.record = record;
            this.display = display;
            this.launch = launch;
            this.starter = starter;
            this.settings = settings;
            this.progress = progress;
            this.started = started;
            this.startNanos = startNanos;
        }

        Outcome run() {
            EventBus events = new EventBus();
            RecordingWriter recorder = null;
            if (record != null && launch != null) {
                try {
                    // a program that is not there is said before the recording is opened: a mistyped
                    // name must not replace an earlier recording of that name with an empty one
                    StudentServer.checkRunnable(launch);
                } catch (LaunchException e) {
                    return didNotStart(e);
                }
            }
            if (record != null) {
                try {
                    recorder = RecordingWriter.start(record, Recordings.yourServer(display, Map.of()), events);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the recording " + record, e);
                }
            }
            try {
                return runOn(events);
            } finally {
                Recordings.close(recorder); // after the server is stopped: its last events are in
            }
        }

        private Outcome didNotStart(LaunchException e) {
            return new NotChecked(Why.DID_NOT_START, new CouldNotCheck(display, CouldNotCheck.START,
                    e.getMessage(), e.output()), seconds(startNanos), "");
        }

        private Outcome runOn(EventBus events) {
            StudentServer server;
            try {
                server = starter.start(events);
            } catch (LaunchException e) {
                return didNotStart(e);
            }
            started.set(server);
            if (timedOut) {
                stop(server);
                return null;
            }
            Thread hook = LabThreads.user("echolab-check-shutdown", server::stop);
            Runtime.getRuntime().addShutdownHook(hook);
            try (TreeSampler sampler = TreeSampler.start(server, events)) {
                progress.accept("checking " + server.command() + " (PID " + server.pid() + ")");
                CheckReport report = CheckRun.run(server, sampler, launch, events, settings,
                        line -> progress.accept("  " + line));
                String how = stop(server);
                return new Checked(report, seconds(startNanos), how);
            } catch (CheckRun.Failed e) {
                String how = stop(server);
                // the message ends in the program's last output, after "its last output:"
                String message = e.getMessage();
                int nl = message.indexOf('\n');
                return new NotChecked(Why.FAILED_DURING_CHECK, new CouldNotCheck(server.command(), CouldNotCheck.START,
                        nl < 0 ? message : message.substring(0, nl), nl < 0 ? "" : message.substring(nl + 1)),
                        seconds(startNanos), how);
            } catch (InterruptedException e) {
                stop(server); // the time limit ran out: the caller says so
                return null;
            } finally {
                stop(server);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or ran: the server is being stopped anyway
                }
            }
        }

        /**
         * Stops the server and then makes sure that every process of its tree is gone (once its
         * leader is gone its children are no longer found from it, so they are listed first).
         * Idempotent; says how it went, once.
         */
        synchronized String stop(StudentServer server) {
            if (stopped != null) {
                return stopped;
            }
            List<ProcessHandle> tree = ProcessHandle.of(server.pid())
                    .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()).toList())
                    .orElse(List.of());
            String how = server.stop();
            if (!how.startsWith("stopped watching")) {
                List<Long> left = awaitGone(tree, 3_000);
                if (!left.isEmpty()) {
                    // ours to end: they were the server's own processes, found before it stopped
                    tree.stream().filter(Attempt::running).forEach(ProcessHandle::destroyForcibly);
                    List<Long> still = awaitGone(tree, 2_000);
                    how += "; processes " + left + " outlived it and were killed"
                            + (still.isEmpty() ? "" : ", and " + still + " could not be ended");
                }
            }
            stopped = how;
            progress.accept("the server " + how);
            return how;
        }

        /**
         * Alive and not a zombie: a killed server's children go to the init process to be reaped,
         * and in a container that may never happen; a zombie runs nothing and holds no port.
         */
        private static boolean running(ProcessHandle p) {
            if (!p.isAlive()) {
                return false;
            }
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
                int close = stat.lastIndexOf(')');
                return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
            } catch (java.io.IOException | RuntimeException e) {
                return p.isAlive(); // no /proc here, or it just went
            }
        }

        private static List<Long> awaitGone(List<ProcessHandle> tree, long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (true) {
                List<Long> alive = tree.stream().filter(Attempt::running).map(ProcessHandle::pid).toList();
                if (alive.isEmpty() || System.nanoTime() > deadline) {
                    return alive;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return alive;
                }
            }
        }
    }
}
