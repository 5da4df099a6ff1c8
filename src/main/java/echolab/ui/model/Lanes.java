package echolab.ui.model;

/**
 * Where the folds write the states of workers and clients as they decide them: the timeline
 * draws them, and the trace exporter records every change exactly. A lane is named by a key; a
 * worker's lanes come before the clients'.
 */
public interface Lanes {

    /** Puts {@code key}'s lane into {@code state} from {@code nanos} on, opening the lane if new. */
    void set(String key, String label, boolean worker, Activity state, long nanos);

    /** The lane's worker or client has gone: its last span ends at {@code nanos}. */
    void end(String key, long nanos);

    /** A moment to mark on the lane, such as a lost update. */
    void mark(String key, long nanos, String label);

    /** Gives a lane a new name, e.g. a client the server saw before it said its own name. */
    void rename(String key, String label);

    /** Lanes that pass every call to {@code first}, then to {@code second}. */
    static Lanes tee(Lanes first, Lanes second) {
        return new Lanes() {
            @Override
            public void set(String key, String label, boolean worker, Activity state, long nanos) {
                first.set(key, label, worker, state, nanos);
                second.set(key, label, worker, state, nanos);
            }

            @Override
            public void end(String key, long nanos) {
                first.end(key, nanos);
                second.end(key, nanos);
            }

            @Override
            public void mark(String key, long nanos, String label) {
                first.mark(key, nanos, label);
                second.mark(key, nanos, label);
            }

            @Override
            public void rename(String key, String label) {
                first.rename(key, label);
                second.rename(key, label);
            }
        };
    }
}
