package echolab.observe.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.ClientResult;
import echolab.clients.Framing;
import echolab.clients.SimulatedClient;
import echolab.clients.Wire;
import echolab.events.Event;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.observe.ProcessSnapshot;
import echolab.observe.Recording;
import echolab.observe.ThreadSnapshot;
import echolab.observe.TreeSnapshot;

/**
 * Runs the experiments of a check on a student's server, phase by phase, and gathers what they
 * showed: tricky messages, and messages sent as real clients send them; a silent client and a
 * second one; waves of clients that stay a while (who serves each one, what is left after each
 * wave); a quiet second (CPU); the counter's clients; the bursts. Clients connect a few
 * milliseconds apart except in the bursts, so that one mistake (a hand-off race) shows in its own
 * check and not in every other one. A server that dies is a finding of the phase it died in: it
 * is started again, and the check goes on.
 *
 * <p>Threading: one thread; blocks for the whole run (seconds).
 */
final class CheckDriver {

    /** Two waves: a pool is the same threads serving both, a leak grows with each, a thread per client comes back. */
    static final List<Integer> WAVES = List.of(8, 16);
    static final long HOLD_MILLIS = 250;
    static final long STAGGER_MILLIS = 25;
    static final long SECOND_CLIENT_LIMIT_MILLIS = 1_000;
    static final long IDLE_MILLIS = 1_000;
    static final int COUNTER_CLIENTS = 8;
    static final int COUNTER_MESSAGES = 20;
    static final long COUNTER_THINK_MILLIS = 3;
    static final long COUNTER_STAGGER_MILLIS = 6;
    static final int MESSAGE_BYTES = 48;
    static final long SETTLE_MILLIS = 2_000;
    /** The longest a group of clients is waited for while its server keeps answering one after another. */
    static final long GROUP_CAP_MILLIS = 60_000;

    private final CheckSubject subject;
    private final EventBus events;
    private final CheckSettings settings;
    private final Consumer<String> progress;
    private final AtomicLong lastTotal = new AtomicLong(Long.MIN_VALUE);
    private final List<Evidence.Crash> crashes = new ArrayList<>();
    private ClientFleet fleet;
    private Framing framing;
    private Recording whole;
    private String sending = "";
    private ServerRoles wavesRoles;

    CheckDriver(CheckSubject subject, EventBus events, CheckSettings settings, Consumer<String> progress) {
        this.subject = subject;
        this.events = events;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every phase; throws {@link CheckAborted} when nothing could be checked, or the server would not start again. */
    Evidence run() throws InterruptedException, CheckAborted {
        framing = settings.framing();
        if (framing == null) {
            progress.accept("finding the framing: a line, or a block ending in an empty line");
            framing = FramingProbe.detect(subject.server().address(), 1_000);
            if (!subject.alive()) {
                throw new CheckAborted("the server " + subject.how() + " while EchoLab looked for its framing; "
                        + "its last output:\n" + subject.server().output().lastLines(10));
            }
            if (framing == null) {
                throw new CheckAborted("the server echoed neither a line (\\n) nor a block ending in an empty line "
                        + "(\\r\\n\\r\\n) within a second: is it an echo server? Name the framing with --framing");
            }
        }
        begin();
        try {
            subject.sampler().awaitSamples(2, 2_000);
            ServerRoles roles = ServerRoles.of(subject.sampler().latest(), subject.server().port());
            progress.accept("echo: tricky messages, and messages as real clients send them, in the "
                    + framing.id() + " framing");
            Evidence.Echo echo = echo();
            progress.accept("concurrency: a silent client, then a second one");
            Evidence.Concurrency concurrency = phase("concurrency", this::concurrency);
            progress.accept("processes, threads, descriptors: waves of " + WAVES.get(0) + " and then "
                    + WAVES.get(1) + " clients that stay a while");
            Evidence.Waves waves = phase("descriptors", this::waves);
            roles = wavesRoles == null ? roles : wavesRoles;
            progress.accept("busy-wait: a quiet second");
            Evidence.Idle idle = phase("busy-wait", this::idle);
            Evidence.Counter counter = null;
            if (settings.counterPattern() != null) {
                progress.accept("counter: " + COUNTER_CLIENTS + " clients × " + COUNTER_MESSAGES + " messages at once");
                counter = phase("counter", this::counter);
            }
            Recording burstRecording = subject.sampler().record();
            List<Evidence.Burst> bursts = new ArrayList<>();
            for (int size : settings.bursts()) {
                progress.accept("burst: " + size + " clients at once");
                bursts.add(phase("burst", () -> burst(size)));
            }
            burstRecording.stop();
            whole.stop();
            return new Evidence(framing, subject.server().pid(), roles.serverPid(), roles.launchers(),
                    ServerRuntime.of(roles.serverPid()), echo,
                    concurrency, waves, idle, counter, bursts, burstRecording, whole,
                    subject.sampler().capabilities().sockets(), subject.sampler().capabilities().threadWaits(),
                    crashes);
        } finally {
            whole.stop();
            fleet.close();
        }
    }

    /** Fresh clients and a fresh recording, for the server as it is now (again, after a crash). */
    private void begin() throws InterruptedException {
        if (fleet != null) {
            fleet.close();
        }
        if (settings.counterPattern() != null) {
            subject.server().output().watch(line -> {
                Matcher m = settings.counterPattern().matcher(line.text());
                if (m.find()) {
                    try {
                        lastTotal.set(Long.parseLong(m.group(1).replace(",", "")));
                    } catch (NumberFormatException ignored) {
                        // not a number: not a total
                    }
                }
            });
        }
        fleet = new ClientFleet(subject.server().address(), events, settings.clientPrefix(), Wire.text(framing));
        whole = subject.sampler().record();
    }

    // ---- phases, and a crash in one

    interface Phase<T> {
        T run() throws InterruptedException;
    }

    /** Runs one phase; if the server died during it, records the crash against {@code check} and starts it again. */
    private <T> T phase(String check, Phase<T> body) throws InterruptedException, CheckAborted {
        T result = body.run();
        crashed(check);
        return result;
    }

    /** Whether the server died; if so the crash is recorded and the server started again (or the check ends). */
    private boolean crashed(String check) throws InterruptedException, CheckAborted {
        if (subject.alive()) {
            subject.sampler().awaitSamples(2, 500); // a crash on the way out of a handler comes a moment later
            if (subject.alive()) {
                return false;
            }
        }
        awaitOutput();
        int signal = subject.signal();
        String how = subject.how();
        String output = subject.server().output().lastLines(8);
        progress.accept("the server " + how + " during the " + check + " check, while EchoLab sent " + sending
                + "; starting it again");
        whole.stop();
        boolean again = subject.restart();
        String hint = signal == 0 ? "" : echolab.observe.SignalNames.meaning(signal);
        crashes.add(new Evidence.Crash(check, how, signal, sending, hint, output, again));
        if (!again) {
            throw new CheckAborted("the server " + how + " during the " + check + " check, while EchoLab sent "
                    + sending + ", and would not start again; its last output:\n" + output);
        }
        begin();
        subject.sampler().awaitSamples(2, 2_000);
        return true;
    }

    /** Gives the dead program's last words a moment to arrive through its pipes. */
    private void awaitOutput() throws InterruptedException {
        long before = -1;
        for (int i = 0; i < 6 && before != subject.server().output().bytes(); i++) {
            before = subject.server().output().bytes();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    // ---- echo

    private Evidence.Echo echo() throws InterruptedException, CheckAborted {
        EchoProbe probe = new EchoProbe(framing, settings.timeoutSeconds() * 1000L);
        List<Evidence.EchoTry> tries = new ArrayList<>();
        List<EchoProbe.Message> row = probe.inARow();
        int next = 0;
        while (next < row.size()) {
            // one connection for the ordinary messages in a row; after a crash, a new one for those left
            try (EchoProbe.Connection c = probe.connect(subject.server().address())) {
                while (next < row.size()) {
                    EchoProbe.Message m = row.get(next++);
                    sending = "the " + m.label() + " message";
                    String outcome = c.send(m);
                    tries.add(new Evidence.EchoTry(m.label(), m.expected().length, EchoProbe.MATCHED.equals(outcome),
                            outcome));
                    if (!subject.alive() || !EchoProbe.MATCHED.equals(outcome)) {
                        break;
                    }
                }
            } catch (java.io.IOException e) {
                EchoProbe.Message m = row.get(next++);
                tries.add(new Evidence.EchoTry(m.label(), m.expected().length, false,
                        "could not connect: " + e.getMessage()));
            }
            // after a crash, or a row broken off, the next turn sends the rest on a fresh connection
            crashed("echo");
        }
        for (EchoProbe.Message m : probe.asClientsSend()) {
            sending = "the message " + m.label();
            String outcome;
            try (EchoProbe.Connection c = probe.connect(subject.server().address())) {
                outcome = c.send(m);
            } catch (java.io.IOException e) {
                outcome = "could not connect: " + e.getMessage();
            }
            tries.add(new Evidence.EchoTry(m.label(), m.expected().length, EchoProbe.MATCHED.equals(outcome), outcome));
            crashed("echo");
        }
        return new Evidence.Echo(tries);
    }

    // ---- concurrency

    private Evidence.Concurrency concurrency() throws InterruptedException {
        sending = "a silent client, and a second client's message";
        Subscription watch = events.subscribe("echolab-check", 1 << 14);
        try {
            SimulatedClient silent = fleet.start(new Behaviour.Silent(30_000));
            awaitConnected(watch, silent.name(), 3_000);
            TimeUnit.MILLISECONDS.sleep(100); // let the server take it: accept, and read from it
            long start = System.nanoTime();
            SimulatedClient second = fleet.start(new Behaviour.Steady(1, 0, MESSAGE_BYTES));
            ClientResult r = await(second, SECOND_CLIENT_LIMIT_MILLIS);
            double echoMillis = r != null && r.allVerified() ? (System.nanoTime() - start) / 1e6 : -1;
            double connectMillis = -1;
            boolean writeReturned = false;
            for (Event e : drain(watch)) {
                if (e instanceof Event.ClientConnectReturned c && c.client().equals(second.name())) {
                    connectMillis = c.connectNanos() / 1e6;
                } else if (e instanceof Event.ClientWriteReturned w && w.client().equals(second.name())) {
                    writeReturned = true;
                }
            }
            silent.disconnect();
            if (r == null) {
                await(second, settings.timeoutSeconds() * 1000L); // once the silent one leaves, an iterative server gets to it
                second.disconnect();
            }
            return new Evidence.Concurrency(silent.name(), second.name(), connectMillis, writeReturned, echoMillis,
                    SECOND_CLIENT_LIMIT_MILLIS);
        } finally {
            watch.close();
        }
    }

    /** Waits until {@code client}'s connect returned, as its own event says, or {@code millis} passed. */
    private static void awaitConnected(Subscription watch, String client, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean[] seen = {false};
        while (!seen[0] && System.nanoTime() < deadline) {
            watch.drain(e -> seen[0] |= e instanceof Event.ClientConnectReturned c && c.client().equals(client), 1024);
            if (!seen[0]) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
    }

    private static List<Event> drain(Subscription watch) {
        List<Event> all = new ArrayList<>();
        watch.drain(all::add, 1 << 14);
        return all;
    }

    // ---- waves of clients that stay a while, and what each leaves behind

    private Evidence.Waves waves() throws InterruptedException {
        settle();
        wavesRoles = ServerRoles.of(subject.sampler().latest(), subject.server().port());
        long serverPid = wavesRoles.serverPid();
        Evidence.State before = state(subject.sampler().latest(), serverPid);
        Recording recording = subject.sampler().record();
        subject.sampler().awaitSamples(2, 1_000); // the recording sees the server as it was before the first client
        List<Evidence.Wave> waves = new ArrayList<>();
        for (int size : WAVES) {
            sending = "a wave of " + size + " clients, each sending 2 messages of " + MESSAGE_BYTES + " bytes";
            List<SimulatedClient> clients = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < size; i++) {
                clients.add(fleet.start(new Behaviour.Steady(2, HOLD_MILLIS, MESSAGE_BYTES)));
                TimeUnit.MILLISECONDS.sleep(STAGGER_MILLIS);
            }
            // a client stays 2 x HOLD_MILLIS; given up when none of the wave has been answered for the
            // time-out (at least that stay and a second), or, a slow server still answering, at most
            // the time-out per client
            long quiet = Math.max(settings.timeoutSeconds() * 1000L, 2 * HOLD_MILLIS + 1_000);
            Map<String, ClientResult> results = GroupWait.await(clients, quiet, Math.max(quiet, Math.min(size * quiet, GROUP_CAP_MILLIS)));
            for (SimulatedClient c : clients) {
                if (!results.containsKey(c.name())) {
                    c.disconnect();
                }
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            int served = 0;
            for (SimulatedClient c : clients) {
                ClientResult r = results.get(c.name());
                if (r != null) {
                    ports.put(c.name(), r.localPort());
                    served += r.allVerified() ? 1 : 0;
                }
            }
            if (!subject.alive()) {
                break;
            }
            Evidence.State after = settled(before, serverPid);
            waves.add(new Evidence.Wave(size, start, ports, served, after));
        }
        subject.sampler().awaitSamples(1, 500);
        recording.stop();
        return new Evidence.Waves(serverPid, before, waves, recording);
    }

    /** Waits until the tree stops changing (three readings alike), at most {@link #SETTLE_MILLIS}. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        String last = "";
        int alike = 0;
        while (System.nanoTime() < deadline && alike < 3) {
            subject.sampler().awaitSamples(1, 500);
            String shape = shape(subject.sampler().latest());
            alike = shape.equals(last) ? alike + 1 : 0;
            last = shape;
        }
    }

    private static String shape(TreeSnapshot tree) {
        if (tree == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (ProcessSnapshot p : tree.processes()) {
            sb.append(p.pid()).append(p.state()).append(p.descriptors()).append('/').append(p.threads().size()).append(' ');
        }
        return sb.toString();
    }

    /**
     * The server once the clients have left: as soon as it is back where it was (no zombie, no more
     * descriptors or threads than before), else after the tree stopped changing with no zombie left,
     * at most {@link #SETTLE_MILLIS}.
     */
    private Evidence.State settled(Evidence.State before, long serverPid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        String last = "";
        int alike = 0;
        Evidence.State now;
        while (true) {
            subject.sampler().awaitSamples(1, 500);
            TreeSnapshot tree = subject.sampler().latest();
            now = state(tree, serverPid);
            boolean clean = now.zombies().isEmpty() && now.descriptors() <= before.descriptors()
                    && now.threads().size() <= before.threads().size();
            String shape = shape(tree);
            alike = shape.equals(last) ? alike + 1 : 0;
            last = shape;
            // a zombie may still be reaped on the server's own schedule (Python's ForkingMixIn reaps
            // every half second): only an unchanged tree without zombies counts as settled early
            if (clean || alike >= 4 && now.zombies().isEmpty() || System.nanoTime() > deadline) {
                return now;
            }
        }
    }

    private Evidence.State state(TreeSnapshot tree, long serverPid) {
        Map<Long, Long> parentOf = new HashMap<>();
        tree.processes().forEach(p -> parentOf.put(p.pid(), p.ppid()));
        ProcessSnapshot server = tree.process(serverPid).orElse(null);
        Set<Long> threads = new TreeSet<>();
        Set<Long> children = new TreeSet<>();
        Set<Long> zombies = new TreeSet<>();
        for (ProcessSnapshot p : tree.processes()) {
            if (p.pid() != serverPid && ServerRoles.underServer(p.pid(), serverPid, parentOf)) {
                (p.zombie() ? zombies : children).add(p.pid());
            }
        }
        if (server == null) {
            return new Evidence.State(-1, threads, children, zombies);
        }
        server.threads().forEach(t -> threads.add(t.tid()));
        return new Evidence.State(server.descriptors(), threads, children, zombies);
    }

    // ---- a quiet second

    private Evidence.Idle idle() throws InterruptedException {
        sending = "nothing (no client was connected)";
        subject.sampler().awaitSamples(1, 500);
        Recording quiet = subject.sampler().record();
        List<Long> pids = subject.sampler().latest().processes().stream().map(ProcessSnapshot::pid).toList();
        Map<String, Long> wantedBefore = WantedCpu.read(pids);
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
        Map<String, Long> wantedAfter = WantedCpu.read(pids);
        double wantedSpan = (System.nanoTime() - start) / 1e9;
        subject.sampler().awaitSamples(1, 500);
        quiet.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        TreeSnapshot a = quiet.first();
        TreeSnapshot b = quiet.last();
        List<Evidence.BusyThread> busy = new ArrayList<>();
        double tree = 0;
        double treeWanted = wantedBefore.isEmpty() ? -1 : 0;
        if (a != null && b != null && b.nanos() > a.nanos()) {
            double span = (b.nanos() - a.nanos()) / 1e9;
            seconds = span;
            Map<String, Long> cpuBefore = new HashMap<>();
            for (ProcessSnapshot p : a.processes()) {
                for (ThreadSnapshot t : p.threads()) {
                    cpuBefore.put(p.pid() + "/" + t.tid(), t.cpuNanos());
                }
            }
            for (ProcessSnapshot p : b.processes()) {
                for (ThreadSnapshot t : p.threads()) {
                    String key = p.pid() + "/" + t.tid();
                    Long was = cpuBefore.get(key);
                    Long wantedWas = wantedBefore.get(key);
                    Long wantedIs = wantedAfter.get(key);
                    double wanted = wantedWas != null && wantedIs != null ? (wantedIs - wantedWas) / 1e9 / wantedSpan : -1;
                    if (was != null && was >= 0 && t.cpuNanos() >= 0) {
                        double share = (t.cpuNanos() - was) / 1e9 / span;
                        busy.add(new Evidence.BusyThread(p.pid(), t.tid(), t.name(), share, wanted));
                        if (!RuntimeThreads.isRuntime(t.name())) {
                            tree += share;
                            treeWanted += Math.max(0, wanted);
                        }
                    }
                }
            }
        }
        busy.sort(Comparator.comparingDouble(Evidence.BusyThread::busiest).reversed());
        return new Evidence.Idle(seconds, tree, treeWanted, busy.subList(0, Math.min(4, busy.size())), waits(b));
    }

    /** Where each of the server's own threads waits at the quiet moment, down to its source line where known. */
    private static List<Evidence.ThreadWait> waits(TreeSnapshot tree) {
        List<Evidence.ThreadWait> waits = new ArrayList<>();
        if (tree == null || !java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            return waits;
        }
        for (ProcessSnapshot p : tree.processes()) {
            for (ThreadSnapshot t : p.threads()) {
                if (!RuntimeThreads.isRuntime(t.name())) {
                    waits.add(new Evidence.ThreadWait(p.pid(), t.tid(), t.name(), echolab.observe.WhereThreadsWait.of(p.pid(), t.tid())));
                }
            }
        }
        return waits;
    }

    // ---- the counter

    private Evidence.Counter counter() throws InterruptedException {
        Long before = awaitQuietTotal();
        sending = COUNTER_CLIENTS + " clients at once, " + COUNTER_MESSAGES + " messages of " + MESSAGE_BYTES
                + " bytes each";
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < COUNTER_CLIENTS; i++) {
            // a few milliseconds apart, and each long enough that all of them send at the same time
            clients.add(fleet.start(new Behaviour.Steady(COUNTER_MESSAGES, COUNTER_THINK_MILLIS, MESSAGE_BYTES)));
            TimeUnit.MILLISECONDS.sleep(COUNTER_STAGGER_MILLIS);
        }
        long quiet = settings.timeoutSeconds() * 1000L * 2;
        Map<String, ClientResult> results = GroupWait.await(clients, quiet, Math.max(quiet, Math.min(COUNTER_CLIENTS * quiet, GROUP_CAP_MILLIS)));
        long messages = results.values().stream().mapToLong(ClientResult::linesVerified).sum();
        long sent = settings.counterUnit() == CounterUnit.BYTES ? messages * MESSAGE_BYTES : messages;
        Long after = awaitQuietTotal();
        String why = after != null ? "" : noTotal();
        return new Evidence.Counter(settings.counterPattern().pattern(), settings.counterUnit(), before, after, sent,
                COUNTER_CLIENTS, (int) messages, why);
    }

    /** Why no total could be read, as exactly as the output says. */
    private String noTotal() {
        var out = subject.server().output();
        if (out.lines() == 0 && !subject.server().lineBuffered() && !subject.server().bufferingReason().isEmpty()) {
            return "the server printed nothing at all while " + COUNTER_CLIENTS + " clients were echoed, and it could "
                    + "not be started line-buffered: " + subject.server().bufferingReason();
        }
        if (out.lines() == 0) {
            return "the server printed nothing at all while " + COUNTER_CLIENTS + " clients were echoed: if it "
                    + "prints its total with printf, its output sits in a buffer until the buffer fills (stdout to a "
                    + "pipe is block-buffered); call fflush(stdout) after each line, or setvbuf(stdout, NULL, _IOLBF, 0)";
        }
        return "the server printed " + out.lines() + " line" + (out.lines() == 1 ? "" : "s")
                + ", none matching " + settings.counterPattern().pattern() + "; its last line: "
                + out.lastLines(1).strip();
    }

    /** The last total printed, once the output has been quiet for a moment; null if none was ever printed. */
    private Long awaitQuietTotal() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long lines = -1;
        while (System.nanoTime() < deadline && lines != subject.server().output().lines()) {
            lines = subject.server().output().lines();
            TimeUnit.MILLISECONDS.sleep(150); // its output comes line by line (stdbuf -oL): a short quiet will do
        }
        long total = lastTotal.get();
        return total == Long.MIN_VALUE ? null : total;
    }

    // ---- bursts

    private Evidence.Burst burst(int size) throws InterruptedException {
        sending = "a burst of " + size + " clients at once, each with a message of its own";
        long start = System.nanoTime();
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clients.add(fleet.start(new Behaviour.Steady(1, 0, MESSAGE_BYTES)));
        }
        // orphaned: still waiting when none of the burst has been answered for the time-out
        long quiet = settings.timeoutSeconds() * 1000L;
        Map<String, ClientResult> results = GroupWait.await(clients, quiet, Math.max(quiet, Math.min(size * quiet, GROUP_CAP_MILLIS)));
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> orphaned = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int served = 0;
        for (SimulatedClient c : clients) {
            ClientResult r = results.get(c.name());
            if (r == null) {
                orphaned.add(c.name());
                c.disconnect();
            } else if (r.allVerified()) {
                served++;
            } else {
                failed.put(c.name(), r.outcome());
            }
        }
        for (SimulatedClient c : clients) {
            await(c, 2_000); // the orphaned ones end once disconnected
        }
        return new Evidence.Burst(size, served, orphaned, failed, millis);
    }

    // ---- waiting for clients

    private static ClientResult await(SimulatedClient client, long millis) throws InterruptedException {
        try {
            return client.result().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** The check could not go on: nothing could be checked, or the server would not start again. */
    static final class CheckAborted extends Exception {
        private static final long serialVersionUID = 1L;

        CheckAborted(String message) {
            super(message);
        }
    }
}
