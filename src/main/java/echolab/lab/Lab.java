package echolab.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.SimulatedClient;
import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.engine.ServerStats;
import echolab.events.EventBus;
import echolab.events.Subscription;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;
import echolab.sync.SyncLab;

/**
 * One running lab: the embedded echo server, its event bus and the simulated clients. It is the
 * only port through which a front end (the window, the lessons, a test) reaches the engine: it
 * acts by the commands below and reads the server's settings and books by the queries below; what
 * happens comes back as events. Nobody outside holds the server itself.
 *
 * <p>Threading: every command may be called from any thread and returns quickly; none of them
 * waits for the server's work.
 */
public final class Lab implements AutoCloseable {

    private final EventBus events;
    private final EchoServer server;
    private final ClientFleet clients;

    private Lab(EventBus events, EchoServer server) {
        this.events = events;
        this.server = server;
        this.clients = new ClientFleet(reachable(server.address()), events);
    }

    /** Where this machine's own clients connect: the loopback when the server listens on every address. */
    private static java.net.InetSocketAddress reachable(java.net.InetSocketAddress listening) {
        return listening.getAddress().isAnyLocalAddress()
                ? new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), listening.getPort())
                : listening;
    }

    /** Starts the server with {@code options}; subscribe to {@link #events()} before clients come. */
    public static Lab start(ServerOptions options) throws IOException {
        EventBus events = new EventBus();
        return new Lab(events, EchoServer.start(options, events));
    }

    /**
     * Starts the server with {@code options} and a subscription opened before it, so that the
     * subscriber also sees the server start.
     */
    public static Lab start(ServerOptions options, EventBus events) throws IOException {
        return new Lab(events, EchoServer.start(options, events));
    }

    public EventBus events() {
        return events;
    }

    public ClientFleet clients() {
        return clients;
    }

    /** Opens a subscription of the given capacity on this lab's events. */
    public Subscription subscribe(String name, int capacity) {
        return events.subscribe(name, capacity);
    }

    /** A sampler of the server's threads, memory and latencies, for the figures; close it before the lab. */
    public ResourceSampler sampler() {
        return new ResourceSampler(server);
    }

    // The server's settings and books, read now (any thread)

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The options the server runs with now, the port it was given included: to start it again the same way. */
    public ServerOptions options() {
        return server.options().toBuilder().port(server.port()).build();
    }

    public Mode mode() {
        return server.mode();
    }

    public Protection protection() {
        return server.protection();
    }

    public long delayMillis() {
        return server.delayMillis();
    }

    public long raceWindowMicros() {
        return server.raceWindowMicros();
    }

    public int poolSize() {
        return server.poolSize();
    }

    public boolean blockingLoop() {
        return server.blockingLoop();
    }

    /** The server's books: clients, echoes, the counter and its lost updates, the children. */
    public ServerStats.Snapshot stats() {
        return server.stats();
    }

    /** The PIDs of the children alive (processes mode). */
    public List<Long> childPids() {
        return server.childPids();
    }

    /** The synchronization scenario's books. */
    public SyncLab.Figures syncFigures() {
        return server.sync().figures();
    }

    public Scenario scenario() {
        return server.sync().scenario();
    }

    public DeadlockFix deadlockFix() {
        return server.sync().fix();
    }

    public int permits() {
        return server.sync().permits();
    }

    public long holdMillis() {
        return server.sync().holdMillis();
    }

    public long handoffWindowMicros() {
        return server.sync().handoffWindowMicros();
    }

    // Commands

    public SimulatedClient addClient() {
        return clients.start(Behaviour.steady());
    }

    public SimulatedClient addClient(Behaviour behaviour) {
        return clients.start(behaviour);
    }

    public SimulatedClient addSlowClient() {
        return clients.start(Behaviour.slow());
    }

    public void disconnectAll() {
        clients.disconnectAll();
    }

    /** @throws IllegalArgumentException if the mode cannot run on this JVM */
    public void switchMode(Mode mode) throws IOException {
        server.switchMode(mode);
    }

    public void setProtection(Protection protection) {
        server.setProtection(protection);
    }

    public void setDelayMillis(long ms) {
        server.setDelayMillis(ms);
    }

    public void setRaceWindowMicros(long us) {
        server.setRaceWindowMicros(us);
    }

    public void setPoolSize(int workers) {
        server.setPoolSize(workers);
    }

    public void setBlockingLoop(boolean blocking) {
        server.setBlockingLoop(blocking);
    }

    // The synchronization scenarios

    public void setScenario(Scenario scenario) {
        server.sync().setScenario(scenario);
    }

    /** Runs the scenario with its fix: own copies (hand-off), one lock order (deadlock), a fair lock (starvation). */
    public void setSafe(boolean safe) {
        server.sync().setSafe(safe);
    }

    public void setDeadlockFix(DeadlockFix fix) {
        server.sync().setFix(fix);
    }

    public void setFairLock(boolean fair) {
        server.sync().setFair(fair);
    }

    public void setPermits(int permits) {
        server.sync().setPermits(permits);
    }

    public void setHoldMillis(long ms) {
        server.sync().setHoldMillis(ms);
    }

    public void setHandoffWindowMicros(long us) {
        server.sync().setHandoffWindowMicros(us);
    }

    /** Counts the starvation lock's turns afresh, e.g. for one run of a lesson. */
    public void clearLockShares() {
        server.sync().clearLockShares();
    }

    /** Frees deadlocked workers without a restart; returns how many were interrupted. */
    public int resetDeadlock() {
        return server.sync().reset();
    }

    /** Starts {@code count} clients of one behaviour at once, e.g. a burst of connects for the hand-off race. */
    public void addClients(int count, Behaviour behaviour) {
        for (int i = 0; i < count; i++) {
            clients.start(behaviour);
        }
    }

    /** Disconnects the clients, then stops the server cleanly (no thread, child or port left). */
    @Override
    public void close() {
        try {
            clients.disconnectAll();
            clients.awaitAll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
