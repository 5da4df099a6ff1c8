package echolab.ui.subject;

import echolab.events.Event;

/**
 * The server the window studies: EchoLab's own, in its six models, or the student's. Both send their
 * events down the one subscription the window's pump drains, so the timeline and the log keep only
 * the subject's: a student's server's events are the {@code Observed…} ones and those of the clients
 * the window throws at it ({@value #STUDENT_CLIENT_PREFIX}N); everything else is EchoLab's.
 *
 * <p>No JavaFX. Threading: any thread.
 */
public enum Subject {

    /** EchoLab's embedded server: its workers' lanes and its {@code client-N} clients. */
    ECHOLAB("echolab", "EchoLab's server"),
    /** The student's own server: its observed threads' lanes and its {@code s-client-N} clients. */
    STUDENT("student", "Your server");

    /** The names of the clients thrown at a student's server; the embedded server's are {@code client-N}. */
    public static final String STUDENT_CLIENT_PREFIX = "s-client-";
    /** The timeline's key prefix of an observed thread's lane (see {@code ObservedLanes}). */
    private static final String OBSERVED_LANE = "observed:";
    /** The prefix of the events about a student's server (see docs/events.md). */
    private static final String OBSERVED_EVENT = "Observed";

    private final String id;
    private final String title;

    Subject(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name kept in the preferences. */
    public String id() {
        return id;
    }

    /** The name on the switch. */
    public String title() {
        return title;
    }

    /** The subject called {@code id}; EchoLab's own for anything else (a value from another version, say). */
    public static Subject parse(String id) {
        return STUDENT.id.equals(id) ? STUDENT : ECHOLAB;
    }

    /** Which server {@code e} is about. */
    public static Subject of(Event e) {
        if (e.getClass().getSimpleName().startsWith(OBSERVED_EVENT)) {
            return STUDENT;
        }
        String client = clientName(e);
        return client != null && isStudentClient(client) ? STUDENT : ECHOLAB;
    }

    /** Which server the timeline's lane {@code key}, labelled {@code label}, belongs to. */
    public static Subject ofLane(String key, String label) {
        return key.startsWith(OBSERVED_LANE) || isStudentClient(label) ? STUDENT : ECHOLAB;
    }

    /** Whether {@code e} belongs to this subject. */
    public boolean owns(Event e) {
        return of(e) == this;
    }

    /** Whether the timeline's lane {@code key}, labelled {@code label}, belongs to this subject. */
    public boolean ownsLane(String key, String label) {
        return ofLane(key, label) == this;
    }

    /** Whether the client called {@code name} is one of this subject's. */
    public boolean ownsClient(String name) {
        return (isStudentClient(name) ? STUDENT : ECHOLAB) == this;
    }

    private static boolean isStudentClient(String name) {
        return name != null && name.startsWith(STUDENT_CLIENT_PREFIX);
    }

    /** The client a client-side event names itself by; null for the server's events, which name clients by id. */
    private static String clientName(Event e) {
        if (e instanceof Event.ClientConnecting x) {
            return x.client();
        } else if (e instanceof Event.ClientConnectReturned x) {
            return x.client();
        } else if (e instanceof Event.ClientWriteReturned x) {
            return x.client();
        } else if (e instanceof Event.ClientWaitingForEcho x) {
            return x.client();
        } else if (e instanceof Event.ClientEchoReceived x) {
            return x.client();
        } else if (e instanceof Event.ClientFinished x) {
            return x.client();
        }
        return null;
    }
}
