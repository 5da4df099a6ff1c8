package echolab.ui.observe;

import java.util.List;

import echolab.observe.WaitKind;

/**
 * The observed tree ({@link ObservedTreeModel}) as a value: a checkpoint of the student's server's
 * fold, for the window's time machine. Everything that decides what the tab draws and how the tree
 * folds the events after it is here, in the tree's own orders (processes and threads as they
 * appeared, the names of EchoLab's clients oldest first, since the oldest is forgotten first); the
 * tree's revision is not, as it only tells the views that something moved.
 *
 * <p>A client connection is one object in the tree, reachable from the held map and from the
 * process or thread it is attached to; here it is a value in each place, with {@link ClientAt#held}
 * saying that it is the held map's own, so a restore makes it one object again.
 *
 * @param processes every process, in the order it appeared
 * @param held      the connections some process holds, by the client's local port, ascending
 * @param known     EchoLab's clients' names by local port, oldest first
 * @param output    the kept output, oldest first
 */
public record ObservedTreeState(long serverPid, int port, String command, boolean running, String stopReason,
                                String crash, int reaped, int zombiesReaped, long outputNumber,
                                List<ProcessValue> processes, List<Client> held, List<Known> known,
                                List<OutputLine> output) {

    public ObservedTreeState {
        processes = List.copyOf(processes);
        held = List.copyOf(held);
        known = List.copyOf(known);
        output = List.copyOf(output);
    }

    /** One process; {@code endedLanes} are the lanes it is drawn with once ended. */
    public record ProcessValue(long pid, long ppid, String command, boolean root, boolean zombie, String crash,
                          int crashSignal, int descriptors, int firstDescriptors, int peakDescriptors,
                          List<ThreadValue> threads, List<ClientAt> clients, List<ObservedProcess.Lane> endedLanes) {
        public ProcessValue {
            threads = List.copyOf(threads);
            clients = List.copyOf(clients);
            endedLanes = List.copyOf(endedLanes);
        }
    }

    /** One thread and the clients it is in a call on. */
    public record ThreadValue(long pid, long tid, String name, String workerId, WaitKind waitsIn, long argument,
                         List<ClientAt> clients) {
        public ThreadValue {
            clients = List.copyOf(clients);
        }
    }

    /** A client connection's values. */
    public record Client(int port, String name, long pid, String workerId, HeldClient.Stage stage) {}

    /** A connection attached to a process or thread; {@code held}: the very one the held map has. */
    public record ClientAt(Client client, boolean held) {}

    /** A client EchoLab started, as its own events tell, by its local port. */
    public record Known(int port, String name, HeldClient.Stage stage) {}
}
