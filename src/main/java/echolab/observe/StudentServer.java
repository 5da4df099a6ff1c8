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

import echolab.events.Event;
import echolab.events.EventBus;

/**
 * A student's echo server, started by EchoLab (or attached to) and owned, with every process it
 * forks, until {@link #stop}. It starts the program in its own process group where the system
 * allows it, so that a polite signal, and then a kill, reach every descendant at once, also one
 * that forks without end; PIDs the sampler saw are remembered and ended too.
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
    private String stopped;

    private StudentServer(Process process, ProcessHandle root, boolean ownGroup, int port, String command,
                          ProgramOutput output, EventBus events) {
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
        int port = freePort();
        List<String> line = launch.withPort(port);
        List<String> argv = new ArrayList<>();
        boolean ownGroup = setsid() != null && PosixSignals.available();
        if (ownGroup) {
            argv.add(setsid());
        }
        argv.addAll(line);
        ProgramOutput output = new ProgramOutput();
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(launch.workingDirectory().toFile()).start();
        } catch (IOException e) {
            throw new LaunchException("cannot start " + launch.display() + ": " + e.getMessage(), "");
        }
        StudentServer server = new StudentServer(process, process.toHandle(), ownGroup, port,
                Launch.brief(line), output, events);
        long pid = process.pid();
        output.onLine(l -> events.publish((s, t) -> new Event.ObservedOutput(s, t, pid, l.stream(), l.text())));
        try {
            process.getOutputStream().close(); // stdin: the server reads its clients, not us
        } catch (IOException ignored) {
            // nothing to close
        }
        output.drain(process.getInputStream(), "stdout", "echolab-observed-stdout");
        output.drain(process.getErrorStream(), "stderr", "echolab-observed-stderr");
        try {
            server.awaitListening(launch.listenTimeout().toMillis());
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
        StudentServer server = new StudentServer(null, handle, false, port, command, new ProgramOutput(), events);
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

    /** How the program ended by itself, or empty while it runs (or when attached). */
    public String exitDescription() {
        if (process == null || process.isAlive()) {
            return "";
        }
        int code = process.exitValue();
        return code > 128 ? "was killed by signal " + (code - 128) : "exited with code " + code;
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                    throw new LaunchException(command + " " + exitDescription() + " before it listened"
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
    private static void checkRunnable(Launch launch) throws LaunchException {
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
