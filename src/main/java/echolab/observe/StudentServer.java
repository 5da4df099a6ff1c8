package echolab.observe;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import echolab.base.LabThreads;
import echolab.events.Event;
import echolab.events.EventBus;

/**
 * A student's echo server, started by EchoLab (or attached to) and owned, with every process it
 * forks, until {@link #stop}. It starts the program in its own process group where the system
 * allows it, so that a polite signal, and then a kill, reach every descendant at once, also one
 * that forks without end; PIDs the sampler saw are remembered and ended too.
 *
 * <p>A started server ends with EchoLab, however EchoLab ends: {@link #stop} when the window closes
 * or a command finishes; a JVM shutdown hook when EchoLab exits otherwise (SIGTERM, SIGINT, an error
 * that ends it, {@code System.exit}); and a {@link ServerWatchdog} process when no Java code runs
 * at all ({@code kill -9}, a crash of the JVM).
 *
 * <p>Its output is line-buffered where the system allows it ({@link #lineBuffered()}).
 *
 * <p>Threading: every method may be called from any thread.
 */
public final class StudentServer implements AutoCloseable {

    /** More processes than this in the tree, and the program is taken to fork without end. */
    public static final int MAX_PROCESSES = 256;
    /** How long a polite {@code SIGTERM} is given before {@code SIGKILL}. */
    static final long GRACE_MILLIS = 2_000;

    private final Process process;
    private final ProcessHandle root;
    private final boolean ownGroup;
    private final int port;
    private final String command;
    private final ProgramOutput output;
    private final EventBus events;
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final Launch launch;
    private final OutputBuffering buffering;
    private final ServerWatchdog watchdog;
    private final List<Thread> drains = new ArrayList<>(2);
    private String stopped;

    /** Started servers not yet stopped: the shutdown hook ends them. */
    private static final Set<StudentServer> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private StudentServer(Process process, ProcessHandle root, boolean ownGroup, int port, String command,
                          ProgramOutput output, EventBus events, Launch launch, OutputBuffering buffering,
                          ServerWatchdog watchdog) {
        this.launch = launch;
        this.buffering = buffering;
        this.watchdog = watchdog;
        this.process = process;
        this.root = root;
        this.ownGroup = ownGroup;
        this.port = port;
        this.command = command;
        this.output = output;
        this.events = events;
        seen.add(root.pid());
    }

    /**
     * Starts {@code launch} on a free port and returns once it listens there. Its output is read
     * from the start, each line also published on {@code events} as {@link Event.ObservedOutput}.
     *
     * @throws LaunchException with a one-line message (and the program's output) if it does not
     *     exist, exits, never listens, listens elsewhere or forks without end; nothing is left running
     */
    public static StudentServer start(Launch launch, EventBus events) throws LaunchException {
        checkRunnable(launch);
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(freePort(), launch, events);
            } catch (LaunchException e) {
                // the port was free when EchoLab chose it, but another program's socket took it before
                // this one bound it: a race no program can help, so it gets another port
                if (attempt == PORT_ATTEMPTS || !ADDRESS_IN_USE.matcher(e.getMessage() + "\n" + e.output()).find()) {
                    throw e;
                }
            }
        }
    }

    /** How many ports a program is given in turn when the one it got was taken before it could bind it. */
    static final int PORT_ATTEMPTS = 3;
    private static final java.util.regex.Pattern ADDRESS_IN_USE = java.util.regex.Pattern.compile(
            "(?i)address already in use|EADDRINUSE|BindException|Only one usage of each socket address");

    private static StudentServer startOn(int port, Launch launch, EventBus events) throws LaunchException {
        List<String> line = launch.withPort(port);
        List<String> argv = new ArrayList<>();
        boolean ownGroup = setsid() != null && PosixSignals.available();
        if (ownGroup) {
            argv.add(setsid());
        }
        argv.addAll(BehindTheWindow.prefix()); // nice execs the program as well
        OutputBuffering buffering = OutputBuffering.forThisSystem();
        argv.addAll(buffering.prefix()); // stdbuf execs the program: the PID stays the program's
        argv.addAll(line);
        ProgramOutput output = new ProgramOutput();
        hookOnce();
        // before the program: between its start and the watchdog's arming only microseconds pass
        ServerWatchdog watchdog = ServerWatchdog.start(ownGroup);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(launch.workingDirectory().toFile());
            builder.environment().putAll(OutputBuffering.ENVIRONMENT);
            process = builder.start();
        } catch (IOException e) {
            if (watchdog != null) {
                watchdog.disarm();
            }
            throw new LaunchException("cannot start " + launch.display() + ": " + e.getMessage(), "");
        }
        if (watchdog != null) {
            watchdog.arm(process.pid());
        }
        StudentServer server = new StudentServer(process, process.toHandle(), ownGroup, port,
                Launch.brief(line), output, events, launch, buffering, watchdog);
        LIVE.add(server);
        long pid = process.pid();
        output.onLine(l -> events.publish((s, t) -> new Event.ObservedOutput(s, t, pid, l.stream(), l.text())));
        try {
            process.getOutputStream().close(); // stdin: the server reads its clients, not us
        } catch (IOException ignored) {
            // nothing to close
        }
        server.drains.add(output.drain(process.getInputStream(), "stdout", "echolab-observed-stdout"));
        server.drains.add(output.drain(process.getErrorStream(), "stderr", "echolab-observed-stderr"));
        try {
            server.awaitListening(launch.listenTimeout().toMillis());
            if (ownGroup) {
                BehindTheWindow.lowerSession(pid); // it listens, so its setsid has run
            }
        } catch (LaunchException | RuntimeException e) {
            server.stop();
            throw e;
        }
        events.publish((s, t) -> new Event.ObservedServerStarted(s, t, pid, port, server.command));
        return server;
    }

    /** Watches a server somebody else started; {@link #stop} then only stops watching, and ends nothing. */
    public static StudentServer attach(long pid, int port, EventBus events) throws LaunchException {
        ProcessHandle handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new LaunchException("no running process has PID " + pid, ""));
        if (!connects(port)) {
            throw new LaunchException("nothing accepts connections on 127.0.0.1:" + port, "");
        }
        String command = Launch.brief(List.of(handle.info().commandLine().orElse("PID " + pid)));
        StudentServer server = new StudentServer(null, handle, false, port, command, new ProgramOutput(), events,
                null, OutputBuffering.attached(), null);
        events.publish((s, t) -> new Event.ObservedServerStarted(s, t, pid, port, command));
        return server;
    }

    public long pid() {
        return root.pid();
    }

    public int port() {
        return port;
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** The command line it runs, with its port. */
    public String command() {
        return command;
    }

    public ProgramOutput output() {
        return output;
    }

    public boolean alive() {
        return root.isAlive();
    }

    /** How it was started: to start it again after a crash; null when attached. */
    public Launch launch() {
        return launch;
    }

    /**
     * Whether the program was started with its stdout line-buffered ({@code stdbuf -oL}), so that a
     * C program's {@code printf} lines reach EchoLab as it prints them. When not, {@link #bufferingReason()}
     * says why.
     */
    public boolean lineBuffered() {
        return buffering.lineBuffered();
    }

    /**
     * Empty when {@link #lineBuffered()}; else why not, in one line, e.g. "stdbuf not found (it comes
     * with GNU coreutils): a C program's printf output reaches EchoLab only when its 4 KiB buffer
     * fills or it calls fflush(stdout)".
     */
    public String bufferingReason() {
        return buffering.reason();
    }

    /**
     * How the program ended by itself: "exited with code 3", "crashed: SIGSEGV (signal 11)", or for
     * a signal that comes from outside rather than from a fault, "was killed: SIGKILL (signal 9)";
     * empty while it runs (or when attached).
     */
    public String exitDescription() {
        if (process == null || !exited()) {
            return "";
        }
        int signal = exitSignal();
        if (signal == 0) {
            return "exited with code " + process.exitValue();
        }
        String name = SignalNames.name(signal) + " (signal " + signal + ")";
        return switch (signal) {
            case 1, 2, 9, 15 -> "was killed: " + name;
            default -> CRASHED + name;
        };
    }

    /** The words {@link #exitDescription()} starts with for a crash. */
    public static final String CRASHED = "crashed: ";

    /**
     * The signal that ended the program, 0 when it exited (or runs, or is attached). Java reports a
     * death by signal N as the exit value 128 + N, which a program could also {@code exit()} with
     * (a shell that started it does, when it dies so): either way the server died of that signal.
     */
    public int exitSignal() {
        if (process == null || !exited()) {
            return 0;
        }
        int code = process.exitValue();
        return code > 128 && code < 128 + 65 ? code - 128 : 0;
    }

    /**
     * Whether the program has ended and Java knows how: the OS may show it gone (reaped) a moment
     * before Java's reaper thread has recorded its exit value, so that moment is waited out.
     */
    private boolean exited() {
        if (!process.isAlive()) {
            return true;
        }
        if (root.isAlive()) {
            return false;
        }
        try {
            return process.waitFor(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** PIDs the sampler saw in the tree, ended with it even if they left the process group. */
    void remember(long pid) {
        seen.add(pid);
    }

    /**
     * Ends the program and every process it started: {@code SIGTERM}, up to two seconds, then
     * {@code SIGKILL}; returns how it went, in a sentence. Attached servers are left running.
     * Idempotent: a second call returns the first call's answer.
     */
    public synchronized String stop() {
        if (stopped != null) {
            return stopped;
        }
        if (process == null) {
            stopped = "stopped watching; the server was left running, as EchoLab did not start it";
            return stopped;
        }
        if (!alive() && !groupAlive()) {
            stopped = "had already " + exitDescription();
        } else {
            signalAll(PosixSignals.SIGTERM);
            if (awaitGone(GRACE_MILLIS)) {
                stopped = "ended on SIGTERM";
            } else {
                freezeAndKill();
                stopped = "ignored SIGTERM for " + GRACE_MILLIS / 1000 + " s, so it was killed (SIGKILL)"
                        + (awaitGone(3_000) ? "" : "; some processes could not be ended: " + survivors());
            }
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS); // reaps it, so no zombie of ours remains
            for (Thread drain : drains) {
                drain.join(500); // its last words (a crash's stderr) come before the word that it stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watchdog != null) {
            watchdog.disarm();
        }
        LIVE.remove(this);
        long pid = pid();
        String reason = stopped;
        events.publish((s, t) -> new Event.ObservedServerStopped(s, t, pid, reason));
        return stopped;
    }

    @Override
    public void close() {
        stop();
    }

    // ---- ending everything

    /**
     * Once per JVM: a shutdown hook that stops every started server still running, all at once, when
     * EchoLab exits in any way Java code still runs (SIGTERM, SIGINT, System.exit, the last thread
     * ending after an error). The window's own close stops them first; then there is nothing left.
     */
    private static void hookOnce() {
        if (!HOOKED.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(LabThreads.user("echolab-student-servers-shutdown", StudentServer::stopAllLive));
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already: each server's watchdog ends it
        }
    }

    private static void stopAllLive() {
        List<Thread> stopping = new ArrayList<>();
        for (StudentServer s : List.copyOf(LIVE)) {
            Thread t = LabThreads.user("echolab-stop-" + s.pid(), s::stop);
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join(GRACE_MILLIS + 6_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void signalAll(int signal) {
        if (ownGroup) {
            PosixSignals.signalGroup(pid(), signal);
        }
        for (ProcessHandle p : living()) {
            if (signal == PosixSignals.SIGKILL) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
    }

    /** A process group that forks without end is frozen first, so that no new member escapes the kill. */
    private void freezeAndKill() {
        if (ownGroup) {
            PosixSignals.signalGroup(pid(), PosixSignals.SIGSTOP);
        }
        for (int round = 0; round < 20 && !gone(); round++) {
            signalAll(PosixSignals.SIGKILL);
            sleep(50);
        }
    }

    private boolean awaitGone(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!gone()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /** The program and every descendant it had are gone (zombies of the killed tree are the init process's to reap). */
    private boolean gone() {
        return !root.isAlive() && living().isEmpty();
    }

    private boolean groupAlive() {
        return ownGroup && PosixSignals.groupExists(pid());
    }

    /** Everything of the tree still running: descendants of the root, and every PID seen that still lives. */
    private List<ProcessHandle> living() {
        List<ProcessHandle> all = new ArrayList<>();
        if (root.isAlive()) {
            all.add(root);
            root.descendants().forEach(all::add);
        }
        for (long pid : seen) {
            ProcessHandle.of(pid).filter(p -> p.isAlive() && !all.contains(p) && notZombie(p)).ifPresent(all::add);
        }
        return all;
    }

    /** A zombie still answers {@code isAlive}; it cannot be killed, only reaped by its parent. */
    private static boolean notZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return p.isAlive();
        }
    }

    private String survivors() {
        Set<Long> pids = new TreeSet<>();
        living().forEach(p -> pids.add(p.pid()));
        return pids.toString();
    }

    // ---- starting

    private void awaitListening(long timeoutMillis) throws LaunchException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long elsewhereSince = 0;
        try (TreeReader reader = TreeReader.forThisSystem()) {
            while (true) {
                TreeSnapshot tree = reader.read(pid());
                tree.processes().forEach(p -> remember(p.pid()));
                if (tree.processes().size() > MAX_PROCESSES) {
                    throw new LaunchException(command + " forks without end: more than " + MAX_PROCESSES
                            + " processes before it listened; EchoLab stopped them all", output.lastLines(10));
                }
                if (!process.isAlive()) {
                    awaitOutput();
                    throw new LaunchException(command + " " + beforeListening(exitDescription())
                            + (output.lines() == 0 ? ", and printed nothing" : "; its last output:"),
                            output.lastLines(10));
                }
                Set<Integer> listening = new TreeSet<>();
                for (ProcessSnapshot p : tree.processes()) {
                    for (SocketEnd s : p.sockets()) {
                        if (s.listening()) {
                            listening.add(s.localPort());
                        }
                    }
                }
                if (listening.contains(port)) {
                    return;
                }
                if (!reader.capabilities().sockets() && connects(port)) {
                    return;
                }
                if (!listening.isEmpty()) {
                    if (elsewhereSince == 0) {
                        elsewhereSince = System.nanoTime();
                    } else if (System.nanoTime() - elsewhereSince > TimeUnit.SECONDS.toNanos(1)) {
                        throw new LaunchException(command + " listens on port " + join(listening) + ", not on port "
                                + port + " that it was given: does it read its port from its arguments?",
                                output.lastLines(10));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new LaunchException(command + " does not listen on port " + port + " after "
                            + Math.round(timeoutMillis / 1000.0) + " s"
                            + (output.lines() == 0 ? ", and printed nothing" : "; its last output:"),
                            output.lastLines(10));
                }
                sleep(25);
            }
        }
    }

    /** "exited with code 3 before it listened", "crashed before it listened: SIGSEGV (signal 11)". */
    private static String beforeListening(String how) {
        int colon = how.indexOf(": ");
        return colon < 0 ? how + " before it listened"
                : how.substring(0, colon) + " before it listened: " + how.substring(colon + 2);
    }

    private void awaitOutput() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long before = -1;
        while (System.nanoTime() < deadline && before != output.bytes()) {
            before = output.bytes();
            sleep(50);
        }
    }

    private static String join(Set<Integer> ports) {
        return String.join(" and ", ports.stream().map(String::valueOf).toList());
    }

    /** Says clearly, before anything runs, when the program is not there or cannot be run. */
    public static void checkRunnable(Launch launch) throws LaunchException {
        String program = launch.command().get(0);
        Path dir = launch.workingDirectory();
        if (!Files.isDirectory(dir)) {
            throw new LaunchException("the working directory " + dir + " does not exist", "");
        }
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = dir.resolve(program);
            if (!Files.exists(path)) {
                throw new LaunchException("no such program: " + program + " (looked in " + dir + ")", "");
            }
            if (Files.isDirectory(path)) {
                throw new LaunchException(program + " is a directory, not a program", "");
            }
            if (!Files.isExecutable(path)) {
                throw new LaunchException(program + " is not executable (chmod +x " + program + ", or run it with its interpreter)", "");
            }
            return;
        }
        String pathVar = System.getenv().getOrDefault("PATH", "");
        for (String entry : pathVar.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                for (String suffix : new String[] {"", ".exe", ".cmd", ".bat"}) {
                    if (Files.isExecutable(Path.of(entry, program + suffix))) {
                        return;
                    }
                }
            }
        }
        throw new LaunchException("no such program: " + program + " (not found on the PATH; for a program in "
                + "the working directory write ./" + program + ")", "");
    }

    private static String setsidPath;

    /** {@code setsid}, which starts a program as the leader of a new process group, if this system has it. */
    private static synchronized String setsid() {
        if (setsidPath == null) {
            setsidPath = "";
            for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
                if (Files.isExecutable(Path.of(candidate))) {
                    setsidPath = candidate;
                    break;
                }
            }
        }
        return setsidPath.isEmpty() ? null : setsidPath;
    }

    private static int freePort() throws LaunchException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free port on this machine: " + e.getMessage(), "");
        }
    }

    private static boolean connects(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
