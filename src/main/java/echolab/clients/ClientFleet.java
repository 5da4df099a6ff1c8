package echolab.clients;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import echolab.base.Background;
import echolab.base.LabThreads;
import echolab.events.EventBus;

/**
 * The simulated clients of one session: starts each on its own named thread, names them
 * {@code client-1}, {@code client-2}, ... and can disconnect them all.
 *
 * <p>Threading: every method may be called from any thread.
 */
public final class ClientFleet implements AutoCloseable {

    private final EventBus events;
    private final AtomicInteger numbers = new AtomicInteger();
    private final Map<String, SimulatedClient> running = new ConcurrentSkipListMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong linesVerified = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String prefix;
    private final Wire wire;
    private volatile InetSocketAddress server;

    /** What every client that has finished so far adds up to. */
    public record Totals(long clients, long linesSent, long linesVerified, long notAllVerified) {}

    public ClientFleet(InetSocketAddress server, EventBus events) {
        this(server, events, "client-", Wire.EMBEDDED);
    }

    /** Clients named {@code prefix1}, {@code prefix2}, ... whose messages go on the wire as {@code wire} says. */
    public ClientFleet(InetSocketAddress server, EventBus events, String prefix, Wire wire) {
        this.server = server;
        this.events = events;
        this.prefix = prefix;
        this.wire = wire;
    }

    /** Points clients started from now on at another address (after a server restart). */
    public void target(InetSocketAddress address) {
        this.server = address;
    }

    /** Starts one client; its result completes when it has finished. */
    public SimulatedClient start(Behaviour behaviour) {
        String name = prefix + numbers.incrementAndGet();
        SimulatedClient client = new SimulatedClient(name, server, behaviour, events, wire);
        running.put(name, client);
        Thread t = LabThreads.daemon("echolab-" + name, () -> {
            Background.enter();
            try {
                client.run();
                ClientResult r = client.result().join();
                linesSent.addAndGet(r.linesSent());
                linesVerified.addAndGet(r.linesVerified());
                if (!r.allVerified() && !"disconnected".equals(r.outcome())) {
                    failed.incrementAndGet();
                }
                finished.incrementAndGet();
            } finally {
                running.remove(name);
                threads.remove(name);
            }
        });
        threads.put(name, t);
        t.start();
        return client;
    }

    /** Totals over the clients that have finished. */
    public Totals totals() {
        return new Totals(finished.get(), linesSent.get(), linesVerified.get(), failed.get());
    }

    /** Clients that have not finished yet. */
    public List<SimulatedClient> running() {
        return List.copyOf(running.values());
    }

    /** Closes every running client's socket. */
    public void disconnectAll() {
        running.values().forEach(SimulatedClient::disconnect);
    }

    /** Waits until every client started so far has finished; true if they did in time. */
    public boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : List.copyOf(threads.values())) {
            TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, deadline - System.nanoTime()));
        }
        return threads.isEmpty();
    }

    /** All results of the clients running now, as futures. */
    public List<CompletableFuture<ClientResult>> results() {
        return running.values().stream().map(SimulatedClient::result).toList();
    }

    /** Disconnects every client and waits for their threads. */
    @Override
    public void close() throws InterruptedException {
        disconnectAll();
        awaitAll(10, TimeUnit.SECONDS);
    }
}
