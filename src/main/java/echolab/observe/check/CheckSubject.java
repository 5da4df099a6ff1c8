package echolab.observe.check;

import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.LaunchException;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;

/**
 * The server a check drives, and the sampler watching it; when the server crashes it is started
 * again from its {@link Launch}, so that the check can go on with its other phases.
 *
 * <p>Threading: used by the check's one thread.
 */
final class CheckSubject implements AutoCloseable {

    private final Launch launch;
    private final EventBus events;
    private StudentServer server;
    private TreeSampler sampler;
    private boolean ownsCurrent;

    /** {@code launch} null: the server was attached to, and cannot be started again. */
    CheckSubject(StudentServer server, TreeSampler sampler, Launch launch, EventBus events) {
        this.server = server;
        this.sampler = sampler;
        this.launch = launch;
        this.events = events;
    }

    StudentServer server() {
        return server;
    }

    TreeSampler sampler() {
        return sampler;
    }

    boolean alive() {
        return sampler.running() && server.alive();
    }

    /** How the server ended, in the report's words: {@code crashed: SIGSEGV (signal 11)}, {@code exited with code 3}. */
    String how() {
        int signal = signal();
        if (signal > 0) {
            return "crashed: " + echolab.observe.SignalNames.name(signal) + " (signal " + signal + ")";
        }
        String d = server.exitDescription();
        if (d.isEmpty()) {
            d = sampler.ended();
        }
        return d.isEmpty() ? "ended" : d;
    }

    /** The signal that ended the server, or 0 (a launcher's shell that died of its child's signal N counts as N). */
    int signal() {
        return server.exitSignal();
    }

    /** Starts the server again after it died; false (with nothing running) when it cannot be. */
    boolean restart() {
        if (launch == null) {
            return false;
        }
        sampler.close();
        server.stop();
        if (ownsCurrent) {
            server.close();
        }
        try {
            server = StudentServer.start(launch, events);
        } catch (LaunchException e) {
            return false;
        }
        sampler = TreeSampler.start(server, events);
        ownsCurrent = true;
        return true;
    }

    /** Stops what this subject started itself (a server started again); the first server is its caller's. */
    @Override
    public void close() {
        if (ownsCurrent) {
            sampler.close();
            server.stop();
        }
    }
}
