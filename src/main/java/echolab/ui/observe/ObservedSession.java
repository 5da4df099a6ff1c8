package echolab.ui.observe;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import echolab.clients.Behaviour;
import echolab.clients.ClientFleet;
import echolab.clients.Framing;
import echolab.clients.Wire;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.observe.check.FramingProbe;

/**
 * One run of the student's server as the tab owns it: the program, the sampler that watches its
 * tree, and the clients the tab's buttons start against it. {@link #close} ends all three, clients
 * first, and waits for them.
 *
 * <p>Threading: {@link #start}, {@link #startClients}, {@link #framing()} and {@link #close} block and
 * belong on the tab's background thread (close also on the FX thread when the window closes);
 * every method may be called from any thread.
 */
final class ObservedSession {

    /**
     * Names of the tab's clients: {@code s-client-1}, ... The embedded server's clients are
     * {@code client-N} on the same bus, so the student's have a prefix of their own.
     */
    static final String CLIENT_PREFIX = echolab.ui.subject.Subject.STUDENT_CLIENT_PREFIX;
    /** How long the framing probe waits for each framing's echo. */
    static final int PROBE_MILLIS = 500;

    private final StudentServer server;
    private final TreeSampler sampler;
    private final EventBus events;
    private volatile ClientFleet fleet; // written under this object's lock
    private volatile Framing framing;
    private String stopped;

    private ObservedSession(StudentServer server, TreeSampler sampler, EventBus events, Framing framing) {
        this.server = server;
        this.sampler = sampler;
        this.events = events;
        this.framing = framing;
    }

    /** Starts {@code launch} and its sampler; {@code framing} is the one chosen, or null to find it out. */
    static ObservedSession start(Launch launch, EventBus events, Framing framing) throws LaunchException {
        StudentServer server = StudentServer.start(launch, events);
        TreeSampler sampler;
        try {
            sampler = TreeSampler.start(server, events);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return new ObservedSession(server, sampler, events, framing);
    }

    StudentServer server() {
        return server;
    }

    TreeSampler sampler() {
        return sampler;
    }

    long pid() {
        return server.pid();
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** The framing chosen or found so far, or null. */
    Framing knownFraming() {
        return framing;
    }

    /** Remembers the framing a check found, for the clients started after it. */
    void learned(Framing found) {
        if (framing == null) {
            framing = found;
        }
    }

    /**
     * The framing to speak: the one chosen or found, else found now by a probe (a line, then an empty
     * line, half a second each), else a block ending in an empty line, the starter code's. Blocks.
     */
    Framing framing() {
        Framing f = framing;
        if (f == null) {
            Framing probed = FramingProbe.detect(server.address(), PROBE_MILLIS);
            f = probed == null ? Framing.BLANK_LINE : probed;
            framing = f;
        }
        return f;
    }

    /**
     * Starts {@code count} of the tab's clients, aimed at this server in its framing (the fleet is
     * made at first use; blocks while probing). Under this session's lock, so that {@link #close}
     * never misses a client started meanwhile; false once the session is closed.
     */
    synchronized boolean startClients(int count, Supplier<Behaviour> behaviour) {
        if (stopped != null) {
            return false;
        }
        if (fleet == null) {
            fleet = new ClientFleet(server.address(), events, CLIENT_PREFIX, Wire.text(framing()));
        }
        for (int i = 0; i < count; i++) {
            fleet.start(behaviour.get());
        }
        return true;
    }

    /** Closes every client's connection; returns at once, without waiting for a probe under way. */
    void disconnectAll() {
        ClientFleet f = fleet;
        if (f != null) {
            f.disconnectAll();
        }
    }

    /**
     * Disconnects the clients and waits for them, stops sampling, ends the program and every process
     * it started, and returns how that went in a sentence. Idempotent; blocks up to a few seconds.
     */
    synchronized String close() {
        if (stopped != null) {
            return stopped;
        }
        try {
            if (fleet != null) {
                fleet.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sampler.close();
            stopped = server.stop();
        }
        return stopped;
    }
}
