package echolab.observe.check;

import java.nio.charset.StandardCharsets;
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
import echolab.observe.StudentServer;
import echolab.observe.ThreadSnapshot;
import echolab.observe.TreeSampler;
import echolab.observe.TreeSnapshot;
import echolab.observe.WaitKind;

/**
 * Runs the experiments of a check on a student's server, phase by phase, and gathers what they
 * showed: the tricky messages; a silent client and a second one; clients that stay a while, a few
 * at a time (who holds each connection, what is left after they leave); a quiet second (CPU); the
 * counter's clients; the bursts. Clients connect a few milliseconds apart except in the bursts,
 * so that one mistake (a hand-off race) shows in its own check and not in every other one.
 *
 * <p>Threading: one thread; blocks for the whole run (seconds).
 */
final class CheckDriver {

    static final int HELD_CLIENTS = 8;
    static final long HOLD_MILLIS = 400;
    static final long STAGGER_MILLIS = 30;
    static final long SECOND_CLIENT_LIMIT_MILLIS = 1_000;
    static final long IDLE_MILLIS = 1_000;
    static final int COUNTER_CLIENTS = 8;
    static final int COUNTER_MESSAGES = 20;
    static final long COUNTER_THINK_MILLIS = 3;
    static final long COUNTER_STAGGER_MILLIS = 6;
    static final int MESSAGE_BYTES = 48;
    static final long SETTLE_MILLIS = 2_000;

    private final StudentServer server;
    private final TreeSampler sampler;
    private final EventBus events;
    private final CheckSettings settings;
    private final Consumer<String> progress;
    private final AtomicLong lastTotal = new AtomicLong(Long.MIN_VALUE);
    private ClientFleet fleet;

    CheckDriver(StudentServer server, TreeSampler sampler, EventBus events, CheckSettings settings,
                Consumer<String> progress) {
        this.server = server;
        this.sampler = sampler;
        this.events = events;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every phase; throws {@link CheckAborted} when the server dies or forks without end midway. */
    Evidence run() throws InterruptedException, CheckAborted {
        if (settings.counterPattern() != null) {
            server.output().watch(line -> {
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
        Framing framing = settings.framing();
        if (framing == null) {
            progress.accept("finding the framing: a line, or a block ending in an empty line");
            framing = FramingProbe.detect(server.address(), 1_000);
            alive();
            if (framing == null) {
                throw new CheckAborted("the server echoed neither a line (\\n) nor a block ending in an empty line "
                        + "(\\r\\n\\r\\n) within a second: is it an echo server? Name the framing with --framing");
            }
        }
        fleet = new ClientFleet(server.address(), events, settings.clientPrefix(), Wire.text(framing));
        Recording whole = sampler.record();
        try {
            sampler.awaitSamples(2, 2_000);
            progress.accept("echo: tricky messages in the " + framing.id() + " framing");
            Evidence.Echo echo = echo();
            alive();
            progress.accept("concurrency: a silent client, then a second one");
            Evidence.Concurrency concurrency = concurrency();
            alive();
            progress.accept("processes, threads, descriptors: " + HELD_CLIENTS + " clients that stay a while");
            settle();
            TreeSnapshot before = sampler.latest();
            Recording heldRecording = sampler.record();
            Evidence.Held held = held(heldRecording);
            alive();
            progress.accept("after the clients left: zombies, descriptors, threads");
            Evidence.Settled settled = settled(before);
            alive();
            progress.accept("busy-wait: a quiet second");
            Evidence.Idle idle = idle();
            alive();
            Evidence.Counter counter = null;
            if (settings.counterPattern() != null) {
                progress.accept("counter: " + COUNTER_CLIENTS + " clients × " + COUNTER_MESSAGES + " messages at once");
                counter = counter();
                alive();
            }
            Recording burstRecording = sampler.record();
            List<Evidence.Burst> bursts = new ArrayList<>();
            for (int size : settings.bursts()) {
                progress.accept("burst: " + size + " clients at once");
                bursts.add(burst(size));
                alive();
            }
            burstRecording.stop();
            whole.stop();
            return new Evidence(framing, server.pid(), echo, concurrency, held, settled, idle, counter, bursts,
                    burstRecording, whole, sampler.capabilities().sockets(), sampler.capabilities().threadWaits());
        } finally {
            whole.stop();
            fleet.close();
        }
    }

    private void alive() throws CheckAborted {
        if (!sampler.running() || !server.alive()) {
            String why = sampler.ended().isEmpty() ? "the server " + server.exitDescription() : sampler.ended();
            throw new CheckAborted(why + " during the check; its last output:\n" + server.output().lastLines(10));
        }
    }

    // ---- echo

    private Evidence.Echo echo() throws InterruptedException {
        List<String> labels = List.of("ASCII", "UTF-8", "4 KiB", "one byte");
        List<byte[]> bodies = List.of(
                "Hello, echo! 0123456789 ~`!@#$%^&*()_+-=[]{}|;':\",./<>?".getBytes(StandardCharsets.US_ASCII),
                "Grüße, 你好, Привет, 🙂 — naïve café".getBytes(StandardCharsets.UTF_8),
                kib4(),
                "x".getBytes(StandardCharsets.US_ASCII));
        SimulatedClient client = fleet.start(new Behaviour.Scripted(bodies));
        ClientResult r = await(client, settings.timeoutSeconds() * 1000L);
        List<Evidence.EchoTry> tries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            boolean ok = r != null && i < r.linesVerified();
            String outcome = ok ? "came back byte for byte"
                    : r == null ? "no echo within " + settings.timeoutSeconds() + " s"
                    : i == r.linesVerified() ? r.outcome() : "not sent";
            tries.add(new Evidence.EchoTry(labels.get(i), bodies.get(i).length + 0, ok, outcome));
        }
        return new Evidence.Echo(client.name(), tries);
    }

    private static byte[] kib4() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + i % 26);
            if (i % 64 == 63) {
                b[i] = ' ';
            }
        }
        return b;
    }

    // ---- concurrency

    private Evidence.Concurrency concurrency() throws InterruptedException {
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

    // ---- held clients, and what they leave behind

    private Evidence.Held held(Recording recording) throws InterruptedException {
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < HELD_CLIENTS; i++) {
            clients.add(fleet.start(new Behaviour.Steady(2, HOLD_MILLIS, MESSAGE_BYTES)));
            TimeUnit.MILLISECONDS.sleep(STAGGER_MILLIS);
        }
        long limit = Math.max(settings.timeoutSeconds() * 1000L, HELD_CLIENTS * (HOLD_MILLIS + 200) + 2_000);
        Map<String, ClientResult> results = awaitAll(clients, limit);
        sampler.awaitSamples(2, 1_000);
        recording.stop();
        Map<String, Integer> ports = new LinkedHashMap<>();
        int served = 0;
        for (SimulatedClient c : clients) {
            ClientResult r = results.get(c.name());
            if (r != null) {
                ports.put(c.name(), r.localPort());
                if (r.allVerified()) {
                    served++;
                }
            }
        }
        return new Evidence.Held(clients.stream().map(SimulatedClient::name).toList(), ports, recording, served);
    }

    /** Waits until the tree stops changing (three readings alike), at most {@link #SETTLE_MILLIS}. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        String last = "";
        int alike = 0;
        while (System.nanoTime() < deadline && alike < 3) {
            sampler.awaitSamples(1, 500);
            String shape = shape(sampler.latest());
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

    private Evidence.Settled settled(TreeSnapshot before) throws InterruptedException {
        ProcessSnapshot rootBefore = root(before);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        TreeSnapshot after;
        while (true) {
            sampler.awaitSamples(1, 500);
            after = sampler.latest();
            ProcessSnapshot r = root(after);
            boolean clean = after.processes().stream().noneMatch(ProcessSnapshot::zombie)
                    && r.descriptors() <= rootBefore.descriptors()
                    && r.threads().size() <= rootBefore.threads().size();
            if (clean || System.nanoTime() > deadline) {
                break;
            }
        }
        ProcessSnapshot rootAfter = root(after);
        Set<Long> zombies = new TreeSet<>();
        after.processes().stream().filter(ProcessSnapshot::zombie).forEach(p -> zombies.add(p.pid()));
        return new Evidence.Settled(rootBefore.descriptors(), rootAfter.descriptors(), rootBefore.threads().size(),
                rootAfter.threads().size(), HELD_CLIENTS, zombies, biggestFutexGroup(rootBefore));
    }

    /** Idle workers of a pool wait on one semaphore or condition: the most threads blocked on one futex address. */
    private static int biggestFutexGroup(ProcessSnapshot p) {
        Map<Long, Integer> groups = new HashMap<>();
        for (ThreadSnapshot t : p.threads()) {
            if (t.waitsIn() == WaitKind.FUTEX && t.argument() != -1) {
                groups.merge(t.argument(), 1, Integer::sum);
            }
        }
        return groups.values().stream().max(Integer::compare).orElse(0);
    }

    private ProcessSnapshot root(TreeSnapshot tree) {
        return tree.root().orElseGet(() -> new ProcessSnapshot(server.pid(), 0, "", 'X', -1, -1, -1, List.of(),
                List.of()));
    }

    // ---- a quiet second

    private Evidence.Idle idle() throws InterruptedException {
        sampler.awaitSamples(1, 500);
        Recording quiet = sampler.record();
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
        sampler.awaitSamples(1, 500);
        quiet.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        TreeSnapshot a = quiet.first();
        TreeSnapshot b = quiet.last();
        List<Evidence.BusyThread> busy = new ArrayList<>();
        double tree = 0;
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
                    Long was = cpuBefore.get(p.pid() + "/" + t.tid());
                    if (was != null && was >= 0 && t.cpuNanos() >= 0) {
                        double share = (t.cpuNanos() - was) / 1e9 / span;
                        tree += share;
                        busy.add(new Evidence.BusyThread(p.pid(), t.tid(), t.name(), share));
                    }
                }
            }
        }
        busy.sort(Comparator.comparingDouble(Evidence.BusyThread::cpuShare).reversed());
        return new Evidence.Idle(seconds, tree, busy.subList(0, Math.min(4, busy.size())));
    }

    // ---- the counter

    private Evidence.Counter counter() throws InterruptedException {
        Long before = awaitQuietTotal();
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < COUNTER_CLIENTS; i++) {
            // a few milliseconds apart, and each long enough that all of them send at the same time
            clients.add(fleet.start(new Behaviour.Steady(COUNTER_MESSAGES, COUNTER_THINK_MILLIS, MESSAGE_BYTES)));
            TimeUnit.MILLISECONDS.sleep(COUNTER_STAGGER_MILLIS);
        }
        Map<String, ClientResult> results = awaitAll(clients, settings.timeoutSeconds() * 1000L * 2);
        long messages = results.values().stream().mapToLong(ClientResult::linesVerified).sum();
        long sent = settings.counterUnit() == CounterUnit.BYTES ? messages * MESSAGE_BYTES : messages;
        Long after = awaitQuietTotal();
        return new Evidence.Counter(settings.counterPattern().pattern(), settings.counterUnit(), before, after, sent,
                COUNTER_CLIENTS, (int) messages);
    }

    /** The last total printed, once the output has been quiet for a moment; null if none was ever printed. */
    private Long awaitQuietTotal() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long lines = -1;
        while (System.nanoTime() < deadline && lines != server.output().lines()) {
            lines = server.output().lines();
            TimeUnit.MILLISECONDS.sleep(300);
        }
        long total = lastTotal.get();
        return total == Long.MIN_VALUE ? null : total;
    }

    // ---- bursts

    private Evidence.Burst burst(int size) throws InterruptedException {
        long start = System.nanoTime();
        List<SimulatedClient> clients = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clients.add(fleet.start(new Behaviour.Steady(1, 0, MESSAGE_BYTES)));
        }
        Map<String, ClientResult> results = awaitAll(clients, settings.timeoutSeconds() * 1000L);
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

    /** Results of the clients that finished within {@code millis} of now; the others are missing. */
    private static Map<String, ClientResult> awaitAll(List<SimulatedClient> clients, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Map<String, ClientResult> done = new LinkedHashMap<>();
        for (SimulatedClient c : clients) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            ClientResult r = await(c, left);
            if (r != null) {
                done.put(c.name(), r);
            }
        }
        return done;
    }

    /** The check could not go on: the server died, or forked without end. */
    static final class CheckAborted extends Exception {
        private static final long serialVersionUID = 1L;

        CheckAborted(String message) {
            super(message);
        }
    }
}
