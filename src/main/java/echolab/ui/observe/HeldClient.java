package echolab.ui.observe;

/**
 * A client's connection as the observed tree holds it: which client (by its local port, and by name
 * where the client is one of EchoLab's), who holds it, and how far the client has got.
 *
 * <p>Threading: FX thread only (it belongs to {@link ObservedTreeModel}).
 */
public final class HeldClient {

    /** How far the client has got, as its own events tell. */
    public enum Stage { CONNECTING, TALKING, FINISHED }

    private final int port;
    private String name;
    private long pid;
    private String workerId;
    private Stage stage;

    HeldClient(int port, String name, long pid, String workerId, Stage stage) {
        this.port = port;
        this.name = name;
        this.pid = pid;
        this.workerId = workerId;
        this.stage = stage;
    }

    /** The client's local port: the server's peer port for this connection. */
    public int port() {
        return port;
    }

    /** The client's name ({@code s-client-3}), or {@code port N} for a client EchoLab did not start (nc, say). */
    public String name() {
        return name;
    }

    /** The process that holds the connection. */
    public long pid() {
        return pid;
    }

    /** The thread ({@code name (TID)}) in a call on it, or empty. */
    public String workerId() {
        return workerId;
    }

    public Stage stage() {
        return stage;
    }

    /** A node id: {@code observed-client-PORT}. */
    public String nodeId() {
        return "observed-client-" + port;
    }

    void name(String name) {
        this.name = name;
    }

    void holder(long pid, String workerId) {
        this.pid = pid;
        this.workerId = workerId;
    }

    void stage(Stage stage) {
        this.stage = stage;
    }
}
