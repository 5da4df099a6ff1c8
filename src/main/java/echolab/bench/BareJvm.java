package echolab.bench;

/** A child JVM that does nothing: the bench times its start and exit as the floor of a process's spawn. */
public final class BareJvm {
    private BareJvm() {
    }

    public static void main(String[] args) {
        // nothing: the cost is the JVM's own start and exit
    }
}
